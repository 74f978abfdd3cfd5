// Storage of classification (docs/classification.md): where each lead's labels came from, the
// officers' confirmations and corrections, and the trained models (in the database, so that any
// server of a scaled-out deployment loads the same model). Runs on both backends through
// SqlStore's transactions, scope predicate and audit chain.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/sql/sql_store.hpp"

namespace lj {

// Where the labels of a lead came from, per field: "source" (sent with the lead), "rules",
// "model", "officer", or "none".
struct LabelProvenance {
  std::string category_source = "none";
  std::string actions_source = "none";
  std::string violations_source = "none";
  std::optional<double> confidence;  // of an automatic category
  int64_t model_id = 0;              // the model consulted, 0 for none
};

struct LeadLabelRecord {
  bool recorded = false;  // false: the lead predates classification
  LabelProvenance provenance;
  std::string classified_at;
  int64_t confirmed_by = 0;
  std::string confirmed_by_name;
  std::string confirmed_at;  // empty: not confirmed by an officer
};

struct LabelCorrection {
  int64_t id = 0;
  int64_t lead_id = 0;
  std::string at;
  int64_t user_id = 0;
  std::string username;
  Json before;  // {"product_category", "special_actions", "violations"}
  Json after;
};

struct LabelsChange {
  std::string product_category;
  std::vector<std::string> special_actions;
  std::vector<std::string> violations;
  std::optional<int64_t> expected_version;  // optimistic concurrency on the lead
};

struct ConfirmedLabels {
  int64_t lead_id = 0;
  std::string text;
  std::string product_category;
  std::vector<std::string> violations;
};

struct StoredModel {
  int64_t id = 0;
  std::string created_at;
  std::string created_by;
  int64_t training_size = 0;
  Json metrics;
  std::string bytes;  // empty unless asked for
};

class ClassifyRepo {
 public:
  explicit ClassifyRepo(SqlStore& store) : store_(store) {}

  // Records the provenance of leads just created, in one write transaction with one audit entry
  // (action "classify", entity "lead", the lead's id or "first..last" for a batch).
  Status record_provenance(const Actor& actor,
                           const std::vector<std::pair<int64_t, LabelProvenance>>& leads);

  // The provenance of a lead in `actor`'s scope (kNotFound outside it).
  Result<LeadLabelRecord> lead_labels(const Actor& actor, int64_t lead_id);
  // The corrections of a lead in `actor`'s scope, oldest first.
  Result<std::vector<LabelCorrection>> corrections(const Actor& actor, int64_t lead_id);

  // An officer confirms (same labels) or corrects (other labels) a lead in `actor`'s subtree:
  // the lead's labels are replaced, the provenance becomes "officer" and confirmed, a correction
  // row keeps old -> new, and the audit gets an "update" of the lead — one transaction. A lead
  // only shared with the actor's unit answers kForbidden; a stale expected_version kConflict.
  Result<Lead> set_labels(const Actor& actor, int64_t lead_id, const LabelsChange& change);

  // Confirms the labels of leads in `actor`'s subtree as they are (provenance "officer",
  // confirmed by `actor`), in one transaction with one audit entry ("confirm_labels"). A lead
  // outside the subtree fails the whole call with kNotFound.
  Status confirm(const Actor& actor, const std::vector<int64_t>& lead_ids);

  // Every officer-confirmed lead (the training set), by id.
  Result<std::vector<ConfirmedLabels>> confirmed_labels();
  Result<int64_t> count_confirmed();

  // Stores a trained model; audited as "create" of "classifier_model".
  Result<StoredModel> save_model(const Actor& actor, const std::string& bytes,
                                 int64_t training_size, const Json& metrics);
  // The id of the newest model, 0 when there is none: a cheap check before loading.
  Result<int64_t> latest_model_id();
  // The newest model (kNotFound when none); bytes only when `with_bytes`.
  Result<StoredModel> latest_model(bool with_bytes);

 private:
  SqlStore& store_;
};

}  // namespace lj
