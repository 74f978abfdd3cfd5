#include "classify/classifier.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "refdata/campaign.hpp"
#include "text/bigrams.hpp"

namespace lj::classify {

Classifier::Classifier(std::shared_ptr<const KeywordMatcher> matcher,
                       std::map<std::string, std::string> parents,
                       std::shared_ptr<const TextModel> model, int64_t model_id,
                       ClassifierConfig config)
    : matcher_(std::move(matcher)),
      parents_(std::move(parents)),
      model_(std::move(model)),
      model_id_(model_ ? model_id : 0),
      config_(config) {}

std::shared_ptr<const Classifier> Classifier::with_model(std::shared_ptr<const TextModel> model,
                                                         int64_t model_id) const {
  return std::make_shared<const Classifier>(matcher_, parents_, std::move(model), model_id,
                                            config_);
}

std::vector<std::string> Classifier::special_actions_for(const std::string& category,
                                                         bool online) const {
  std::vector<std::string> out;
  auto it = parents_.find(category);
  if (it != parents_.end() && !it->second.empty()) out.push_back(it->second);
  if (online && std::find(out.begin(), out.end(), "ecommerce") == out.end())
    out.push_back("ecommerce");
  return out;
}

Classification Classifier::classify(std::string_view text, bool online) const {
  Classification c;
  const std::string normalized = text::search_normalize(text);
  std::map<std::string, double> violation_votes;
  for (const KeywordHit& h : matcher_->match(normalized)) {
    const bool category = h.keyword->kind == LabelKind::kCategory;
    (category ? c.category_votes : violation_votes)[h.keyword->code] += h.keyword->weight;
    c.reasons.push_back(Reason{category ? "product_category" : "violation", h.keyword->code,
                               h.keyword->text, h.start, h.end});
  }

  // Model probabilities, when a model is loaded.
  std::map<std::string, double> model_category, model_violation;
  if (model_) {
    c.model_id = model_id_;
    for (const auto& [label, p] : model_->predict(normalized)) {
      if (label.rfind("c_", 0) == 0) model_category[label.substr(2)] = p;
      if (label.rfind("v_", 0) == 0) model_violation[label.substr(2)] = p;
    }
  }

  // Product category.
  std::vector<std::pair<std::string, double>> votes(c.category_votes.begin(),
                                                    c.category_votes.end());
  std::sort(votes.begin(), votes.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  double total = 0;
  for (const auto& v : votes) total += v.second;
  std::string category = "other";
  double confidence = 0;
  std::string source = "none";
  if (!votes.empty()) {
    const bool unambiguous = votes.size() == 1 || votes[0].second >= 2 * votes[1].second;
    if (unambiguous || model_category.empty()) {
      category = votes[0].first;
      confidence = votes.size() == 1 ? 1.0 : votes[0].second / total;
      if (unambiguous) confidence = std::max(confidence, 0.75);
      source = "rules";
    } else {
      // The model breaks the tie among the categories the rules voted for.
      double best = -1;
      for (const auto& [code, vote] : votes) {
        auto it = model_category.find(code);
        const double p = it == model_category.end() ? 0 : it->second;
        const double score = p * 0.7 + 0.3 * vote / total;
        if (score > best) {
          best = score;
          category = code;
        }
      }
      confidence = best;
      source = "model";
    }
  } else if (!model_category.empty()) {
    auto best = std::max_element(model_category.begin(), model_category.end(),
                                 [](const auto& a, const auto& b) { return a.second < b.second; });
    category = best->first;
    confidence = best->second;
    source = "model";
  }
  if (category != "other" && confidence < config_.min_confidence) {
    category = "other";
    confidence = 1 - confidence;
  } else if (category == "other" && source == "none") {
    confidence = 0.5;  // nothing points anywhere
  }
  c.product_category = category;
  c.category_source = source;
  c.confidence = std::clamp(confidence, 0.0, 1.0);

  // Violations: the rules' unless the model, trained on what officers confirmed, all but rules
  // them out; the model's own when it is confident.
  bool from_rules = false, from_model = false;
  for (const auto& [code, vote] : violation_votes) {
    auto it = model_violation.find(code);
    const bool vetoed = !model_violation.empty() && vote < config_.rule_keep_vote &&
                        (it == model_violation.end() || it->second < config_.model_veto_threshold);
    if (vetoed) continue;
    c.violations.push_back(code);
    from_rules = true;
  }
  for (const auto& [code, p] : model_violation) {
    if (p < config_.model_violation_threshold || violation_votes.count(code)) continue;
    c.violations.push_back(code);
    from_model = true;
  }
  std::sort(c.violations.begin(), c.violations.end());
  c.violations_source = from_rules && from_model ? "rules+model"
                        : from_rules             ? "rules"
                        : from_model             ? "model"
                                                 : "none";
  c.special_actions = special_actions_for(c.product_category, online);
  return c;
}

Json to_json(const Classification& c, bool with_reasons) {
  Json j = {{"product_category", c.product_category},
            {"special_actions", c.special_actions},
            {"violations", c.violations},
            {"confidence", std::round(c.confidence * 1000) / 1000}};
  if (with_reasons) {
    j["sources"] = {{"product_category", c.category_source}, {"violations", c.violations_source}};
    Json reasons = Json::array();
    for (const Reason& r : c.reasons)
      reasons.push_back({{"kind", r.kind},
                         {"code", r.code},
                         {"keyword", r.keyword},
                         {"start", r.start},
                         {"end", r.end}});
    j["reasons"] = std::move(reasons);
    j["model_id"] = c.model_id ? Json(c.model_id) : Json(nullptr);
  }
  return j;
}

Result<std::shared_ptr<const Classifier>> load_rules_classifier(
    const std::string& data_dir, const std::vector<CodeEntry>& codes) {
  LJ_ASSIGN_OR_RETURN(std::vector<Keyword> keywords, load_rules(data_dir, codes));
  LJ_ASSIGN_OR_RETURN(auto matcher, KeywordMatcher::compile(std::move(keywords)));
  std::map<std::string, std::string> parents;
  for (const CodeEntry& c : codes)
    if (c.kind == "product_category") parents[c.code] = c.parent;
  return std::make_shared<const Classifier>(std::move(matcher), std::move(parents));
}

Result<std::shared_ptr<const Classifier>> load_rules_classifier(const std::string& data_dir) {
  LJ_ASSIGN_OR_RETURN(std::vector<CodeEntry> codes, refdata::load_codes(data_dir));
  return load_rules_classifier(data_dir, codes);
}

}  // namespace lj::classify
