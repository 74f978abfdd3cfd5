// A lead's decisions (核查 / 不予采纳): each change of a lead's status made on its own, with the
// reason the officer gave, kept as the lead's history (table lead_decisions, schema version 13).
// The status change, the history row and the audit entry are written in one transaction; the
// lead is loaded in the actor's scope (kNotFound outside it, kForbidden when only shared).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"
#include "store/sql/sql_store.hpp"

namespace lj {

struct LeadDecision {
  int64_t id = 0;
  int64_t lead_id = 0;
  std::string status_before, status;
  std::string reason;  // empty when none was given (a reason is required for `rejected`)
  int64_t actor_id = 0;
  std::string actor_name;
  std::string decided_at;  // ISO 8601, Shanghai
};
Json to_json(const LeadDecision& d);

class LeadDecisionRepo {
 public:
  explicit LeadDecisionRepo(SqlStore& store) : store_(store) {}

  // Sets the lead's status and records the decision. Requires a status of the vocabulary other
  // than case_opened (the caller checks it); `reason` is required (kInvalid, field "reason") for
  // `rejected`. `expected_version` when set must match the lead's (kConflict otherwise); a lead
  // with a case keeps case_opened (kConflict).
  Result<Lead> decide(const Actor& actor, int64_t lead_id, const std::string& status,
                      const std::string& reason, std::optional<int64_t> expected_version);

  // The lead's decisions, oldest first (kNotFound when the lead is outside the actor's scope).
  Result<std::vector<LeadDecision>> history(const Actor& actor, int64_t lead_id);

 private:
  SqlStore& store_;
};

}  // namespace lj
