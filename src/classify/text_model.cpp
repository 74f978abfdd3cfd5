#include "classify/text_model.hpp"

#include <fasttext/fasttext.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <set>
#include <sstream>

#include "text/bigrams.hpp"

namespace lj::classify {
namespace {

constexpr std::string_view kLabelPrefix = "__label__";

std::string training_line(const LabelledText& e) {
  std::string line;
  line += std::string(kLabelPrefix) + "c_" + e.product_category + " ";
  for (const std::string& v : e.violations) line += std::string(kLabelPrefix) + "v_" + v + " ";
  line += model_tokens(e.text);
  line += "\n";
  return line;
}

// A private temporary folder, removed on destruction (fastText reads and writes files only).
class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "lijian-train-XXXXXX").string();
    if (mkdtemp(tmpl.data())) path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

Result<std::string> train_bytes(const std::vector<const LabelledText*>& set,
                                const TrainOptions& o) {
  TempDir dir;
  if (dir.path().empty()) return Status::Internal("cannot create a temporary folder for training");
  const std::string input = dir.path() + "/train.txt";
  const std::string output = dir.path() + "/model";
  {
    std::ofstream out(input, std::ios::binary);
    for (const LabelledText* e : set) out << training_line(*e);
    if (!out) return Status::Internal("cannot write the training file");
  }
  fasttext::Args args;
  args.input = input;
  args.output = output;
  args.model = fasttext::model_name::sup;
  args.loss = fasttext::loss_name::ova;
  args.epoch = o.epoch;
  args.lr = o.lr;
  args.dim = o.dim;
  args.wordNgrams = 1;
  args.minCount = 1;
  args.minn = 0;
  args.maxn = 0;
  args.bucket = 0;
  args.thread = std::max(1, o.threads);
  args.verbose = 0;
  args.seed = static_cast<int>(o.seed);
  try {
    fasttext::FastText ft;
    ft.train(args);
    ft.saveModel(output + ".bin");
  } catch (const std::exception& e) {
    return Status::Internal(std::string("fastText training failed: ") + e.what());
  }
  std::ifstream in(output + ".bin", std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return Status::Internal("cannot read the trained model");
  return bytes.str();
}

}  // namespace

std::string model_tokens(std::string_view text) {
  std::string out;
  for (const std::string& t : text::bigram_tokens(text)) {
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

TextModel::TextModel() : ft_(std::make_unique<fasttext::FastText>()) {}
TextModel::~TextModel() = default;

Result<std::shared_ptr<const TextModel>> TextModel::load(const std::string& bytes) {
  std::shared_ptr<TextModel> m(new TextModel());
  // The file begins with fastText's magic number and format version, which loadModel(filename)
  // checks and loadModel(istream) expects to have been read already.
  constexpr int32_t kMagic = 793712314;
  constexpr int32_t kMaxVersion = 12;
  int32_t magic = 0, version = 0;
  if (bytes.size() < 8) return Status::Invalid("model", "not a fastText model: too short");
  std::memcpy(&magic, bytes.data(), 4);
  std::memcpy(&version, bytes.data() + 4, 4);
  if (magic != kMagic || version > kMaxVersion || version < 1)
    return Status::Invalid("model", "not a fastText model of a supported version");
  try {
    std::istringstream in(bytes.substr(8));
    m->ft_->loadModel(in);
  } catch (const std::exception& e) {
    return Status::Invalid("model", std::string("not a fastText model: ") + e.what());
  }
  return std::shared_ptr<const TextModel>(std::move(m));
}

std::vector<std::pair<std::string, double>> TextModel::predict(std::string_view text) const {
  std::istringstream in(model_tokens(text) + "\n");
  std::vector<std::pair<fasttext::real, std::string>> predictions;
  ft_->predictLine(in, predictions, -1, 0.0);
  std::vector<std::pair<std::string, double>> out;
  for (auto& [p, label] : predictions) {
    std::string name =
        label.rfind(kLabelPrefix, 0) == 0 ? label.substr(kLabelPrefix.size()) : label;
    out.emplace_back(std::move(name), std::min(1.0, std::max(0.0, static_cast<double>(p))));
  }
  std::sort(out.begin(), out.end(),
            [](const auto& a, const auto& b) { return a.second > b.second; });
  return out;
}

Result<TrainedModel> train_model(const std::vector<LabelledText>& examples,
                                 const TrainOptions& options) {
  std::set<std::string> categories;
  for (const LabelledText& e : examples) categories.insert(e.product_category);
  if (examples.size() < 10)
    return Status::Invalid("examples", "training needs at least 10 confirmed leads, there are " +
                                           std::to_string(examples.size()));
  if (categories.size() < 2)
    return Status::Invalid("examples", "training needs confirmed leads of at least 2 categories");

  std::vector<const LabelledText*> all;
  for (const LabelledText& e : examples) all.push_back(&e);
  std::vector<const LabelledText*> shuffled = all;
  std::mt19937_64 rng(options.seed);
  std::shuffle(shuffled.begin(), shuffled.end(), rng);
  const size_t held = std::max<size_t>(1, static_cast<size_t>(shuffled.size() * options.holdout));
  std::vector<const LabelledText*> test(shuffled.begin(), shuffled.begin() + held);
  std::vector<const LabelledText*> train(shuffled.begin() + held, shuffled.end());

  // Measure on the held-out part.
  LJ_ASSIGN_OR_RETURN(std::string probe_bytes, train_bytes(train, options));
  LJ_ASSIGN_OR_RETURN(auto probe, TextModel::load(probe_bytes));
  struct Counts {
    int tp = 0, fp = 0, fn = 0;
  };
  std::map<std::string, Counts> counts;
  int correct = 0;
  for (const LabelledText* e : test) {
    auto predicted = probe->predict(e->text);
    std::string best_category = "other";
    double best = -1;
    std::set<std::string> predicted_violations;
    for (const auto& [label, p] : predicted) {
      if (label.rfind("c_", 0) == 0 && p > best) {
        best = p;
        best_category = label.substr(2);
      } else if (label.rfind("v_", 0) == 0 && p >= 0.5) {
        predicted_violations.insert(label.substr(2));
      }
    }
    if (best_category == e->product_category) ++correct;
    ++(best_category == e->product_category ? counts["c_" + best_category].tp
                                            : counts["c_" + best_category].fp);
    if (best_category != e->product_category) ++counts["c_" + e->product_category].fn;
    std::set<std::string> truth(e->violations.begin(), e->violations.end());
    for (const std::string& v : predicted_violations)
      ++(truth.count(v) ? counts["v_" + v].tp : counts["v_" + v].fp);
    for (const std::string& v : truth)
      if (!predicted_violations.count(v)) ++counts["v_" + v].fn;
  }
  Json labels = Json::object();
  for (const auto& [label, c] : counts) {
    const double precision = c.tp + c.fp ? double(c.tp) / (c.tp + c.fp) : 0.0;
    const double recall = c.tp + c.fn ? double(c.tp) / (c.tp + c.fn) : 0.0;
    labels[label] = {{"precision", std::round(precision * 1000) / 1000},
                     {"recall", std::round(recall * 1000) / 1000},
                     {"support", c.tp + c.fn}};
  }
  TrainedModel out;
  out.training_size = static_cast<int64_t>(examples.size());
  out.metrics = {
      {"training_size", out.training_size},
      {"holdout_size", static_cast<int64_t>(test.size())},
      {"category_accuracy", std::round(1000.0 * correct / static_cast<double>(test.size())) / 1000},
      {"labels", std::move(labels)}};
  // The kept model learns from everything.
  LJ_ASSIGN_OR_RETURN(out.bytes, train_bytes(all, options));
  return out;
}

}  // namespace lj::classify
