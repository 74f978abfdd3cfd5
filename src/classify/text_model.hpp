// The learned half of classification: a fastText model over character bigrams, trained from
// leads whose labels officers confirmed. One model predicts both the product category
// (labels "c_<code>") and the violations ("v_<code>") with one-vs-all losses, so each label has
// its own probability.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/status.hpp"
#include "model/model.hpp"

namespace fasttext {
class FastText;
}

namespace lj::classify {

// One training example: the lead's text and its confirmed labels.
struct LabelledText {
  std::string text;
  std::string product_category;  // a category code or "other"
  std::vector<std::string> violations;
};

struct TrainOptions {
  int epoch = 25;
  double lr = 0.5;
  int dim = 32;
  int threads = 1;       // training threads (deterministic with 1)
  double holdout = 0.2;  // share of the examples kept aside to measure the model
  uint64_t seed = 2018;  // the split is a seeded shuffle
};

// The fastText input line of a text: its character bigrams (text::bigram_tokens) separated by
// spaces, nothing else.
std::string model_tokens(std::string_view text);

// Immutable after load; predict() is thread-safe (fastText's predict is const).
class TextModel {
 public:
  // Reads a model from the bytes saveModel wrote.
  static Result<std::shared_ptr<const TextModel>> load(const std::string& bytes);
  ~TextModel();

  // Every label with its probability, highest first (labels without the "__label__" prefix).
  std::vector<std::pair<std::string, double>> predict(std::string_view text) const;

 private:
  TextModel();
  std::unique_ptr<fasttext::FastText> ft_;
};

struct TrainedModel {
  std::string bytes;          // the model file's content
  int64_t training_size = 0;  // examples the stored model was trained on (all of them)
  Json metrics;               // held-out: {"holdout_size", "category_accuracy", "labels": {...}}
};

// Trains on `examples`: first on the non-held-out part to measure precision and recall per label
// on the held-out part, then on all examples for the model that is kept. kInvalidArgument when
// fewer than 10 examples or fewer than 2 distinct categories are given.
Result<TrainedModel> train_model(const std::vector<LabelledText>& examples,
                                 const TrainOptions& options = {});

}  // namespace lj::classify
