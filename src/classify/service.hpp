// Classification for a server or a batch job over a store: the keyword rules (loaded once) with
// the newest model of the database. Servers are stateless: each process loads the model from
// the classifier_models table and picks up a newer one by comparing the newest id, at most once
// per `refresh_interval`.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "classify/classifier.hpp"
#include "store/sql/classify_repo.hpp"
#include "store/store.hpp"

namespace lj::classify {

class Service {
 public:
  Service(Store& store, std::shared_ptr<const Classifier> rules,
          std::chrono::seconds refresh_interval = std::chrono::seconds(10));

  // The classifier to use now: the rules with the newest stored model (rules only when none or
  // when it cannot be loaded). Thread-safe; the check is one SELECT MAX(id) per interval.
  std::shared_ptr<const Classifier> current();
  // Forces the next current() to check the database (after training in this process).
  void invalidate();

 private:
  Store& store_;
  std::shared_ptr<const Classifier> rules_;
  std::chrono::seconds refresh_interval_;
  std::mutex mu_;
  std::shared_ptr<const Classifier> current_;
  std::chrono::steady_clock::time_point checked_at_{};
  bool checked_ = false;
};

// The process-wide service of `store`, created on first use with the rules of `data_dir` (empty:
// refdata::data_dir's search) and the codes of the store. Thread-safe.
Result<std::shared_ptr<Service>> shared_service(Store& store, const std::string& data_dir = "");

// For a batch job: the rules of `data_dir` with the store's codes and its newest model.
Result<std::shared_ptr<const Classifier>> load_store_classifier(Store& store,
                                                                const std::string& data_dir);

// Which labels the source gave with the lead: those are kept and recorded as "source".
struct GivenLabels {
  bool product_category = false;
  bool special_actions = false;
  bool violations = false;
};
// What a lead's fields show: a category, a special action other than the channel's
// "ecommerce", violations (an import, whose rows carry no special actions or violations).
GivenLabels given_in(const Lead& lead);

// Fills the labels the source did not give from `classifier` and says where each came from.
// Special actions: the category's, plus those the lead has (an online lead's "ecommerce").
LabelProvenance label_lead(const Classifier& classifier, Lead& lead, const GivenLabels& given);

// For a lead about to be created through the API: label_lead with the shared service's current
// classifier. nullopt (the lead unchanged, a warning logged) when classification is unavailable
// (no rules file found).
std::optional<LabelProvenance> label_new_lead(Store& store, Lead& lead, const GivenLabels& given);
// Records the provenance of a lead just created (ClassifyRepo::record_provenance).
Status record_new_lead(Store& store, const Actor& actor, int64_t lead_id, const LabelProvenance& p);

// Trains a model on every officer-confirmed lead and stores it (the newest model is the one
// servers use). Metrics as train_model gives them, plus "model_id".
Result<StoredModel> train_and_store(Store& store, const Actor& actor,
                                    const TrainOptions& options = {});

}  // namespace lj::classify
