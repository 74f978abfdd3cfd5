// Classification of a lead's text into a product category, special actions and violations
// (MISSION.md codes): keyword rules combined with the trained model.
//
// The combination, per field:
//  - product category: the rules decide when they are unambiguous (one category voted, or the
//    top vote at least twice the runner-up's). When they are ambiguous the model breaks the tie
//    among the categories the rules voted for; when they found nothing the model fills in.
//    Below `min_confidence` the answer is "other": text that fits no category is not forced.
//  - violations: every violation the rules found, except weakly voted ones (below
//    `rule_keep_vote`) that the model, trained on what officers confirmed, gives a probability
//    below `model_veto_threshold`; plus the model's violations with probability
//    >= `model_violation_threshold`.
//  - special actions: the category's special action (campaign data), plus "ecommerce" when the
//    channel is online.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "classify/keyword_matcher.hpp"
#include "classify/text_model.hpp"

namespace lj::classify {

struct ClassifierConfig {
  double min_confidence = 0.5;             // below: product category "other"
  double model_violation_threshold = 0.5;  // a model violation needs this probability
  double model_veto_threshold = 0.1;       // a rule violation the model rates lower is dropped,
  double rule_keep_vote = 8;               // unless its keywords' votes add up to this much
};

// Why a label was given: a keyword and where it matched (code points of the normalised text).
struct Reason {
  std::string kind;  // "product_category" | "violation"
  std::string code;
  std::string keyword;
  size_t start = 0, end = 0;
};

struct Classification {
  std::string product_category = "other";
  std::vector<std::string> special_actions;
  std::vector<std::string> violations;
  double confidence = 0;                    // of the product category, 0..1
  std::string category_source = "rules";    // "rules" | "model" | "none"
  std::string violations_source = "rules";  // "rules" | "model" | "rules+model" | "none"
  std::vector<Reason> reasons;
  std::map<std::string, double> category_votes;  // rule votes per category
  int64_t model_id = 0;                          // the model consulted; 0 for none
};

// Immutable; classify() is thread-safe.
class Classifier {
 public:
  // `parents`: product category code -> its special action (CodeEntry.parent).
  Classifier(std::shared_ptr<const KeywordMatcher> matcher,
             std::map<std::string, std::string> parents,
             std::shared_ptr<const TextModel> model = nullptr, int64_t model_id = 0,
             ClassifierConfig config = {});

  Classification classify(std::string_view text, bool online) const;

  // The special actions of a category and channel (see above).
  std::vector<std::string> special_actions_for(const std::string& category, bool online) const;

  bool has_model() const { return model_ != nullptr; }
  int64_t model_id() const { return model_id_; }
  const std::shared_ptr<const KeywordMatcher>& matcher() const { return matcher_; }
  const std::map<std::string, std::string>& parents() const { return parents_; }
  // This classifier's rules with another model (null for rules only).
  std::shared_ptr<const Classifier> with_model(std::shared_ptr<const TextModel> model,
                                               int64_t model_id) const;

 private:
  std::shared_ptr<const KeywordMatcher> matcher_;
  std::map<std::string, std::string> parents_;
  std::shared_ptr<const TextModel> model_;
  int64_t model_id_;
  ClassifierConfig config_;
};

// The JSON of `lijian classify` and the API: product_category, special_actions, violations,
// confidence (3 decimals) and, when `with_reasons`, sources, reasons and model_id.
Json to_json(const Classification& c, bool with_reasons);

// Loads the rules of <data_dir>/classify/rules.json and the campaign's codes: a rules-only
// classifier.
Result<std::shared_ptr<const Classifier>> load_rules_classifier(const std::string& data_dir);
// The same from codes already loaded (e.g. the store's codes table).
Result<std::shared_ptr<const Classifier>> load_rules_classifier(
    const std::string& data_dir, const std::vector<CodeEntry>& codes);

}  // namespace lj::classify
