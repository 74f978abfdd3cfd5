// Storage of case facts (case_facts) and of the integrity flags (integrity_flags), version 9.
// The facts are stored as the validated JSON document of cases/facts.hpp; the checks themselves
// are pure functions of cases/integrity.hpp, passed in as `Evaluate` so the storage layer stays
// below the domain. Every write of facts and every raised or resolved flag is audited in the
// same transaction. Scope is in the SQL: a case outside the actor's scope answers kNotFound.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"
#include "store/sql/sql_store.hpp"

namespace lj {

struct StoredFacts {
  bool exists = false;          // false: no facts recorded yet (version 0)
  Json facts = Json::object();  // the stored form (cases::to_json(facts, true))
  bool major = false;           // 大案要案
  Json major_reasons = Json::array();
  int64_t version = 0;
  std::string updated_at;
};

// A flag the checks want raised now (absent kinds are resolved).
struct FlagFinding {
  std::string kind;  // criminal_transfer | discretion | unfiled
  std::string reason;
  Json shown = Json::object();
};

struct IntegrityEval {
  bool major = false;
  Json major_reasons = Json::array();
  std::vector<FlagFinding> flags;
};

struct IntegrityFlag {
  int64_t id = 0;
  std::string kind;
  int64_t case_id = 0, lead_id = 0;  // one of them
  std::string case_no;
  std::string unit_code, supervising_unit;
  std::string reason;
  Json shown = Json::object();
  std::string raised_at, resolved_at, resolution;
};
Json to_json(const IntegrityFlag& f);

struct FlagQuery {
  std::string kind;            // empty: all
  std::string state = "open";  // open | resolved | all
  int64_t case_id = 0;         // 0: all
  int limit = 200;
};

class CaseFactsRepo {
 public:
  explicit CaseFactsRepo(SqlStore& store) : store_(store) {}

  // The checks over a case: its facts (null when none recorded), its timeline and its lead's
  // receipt time, judged at `now`.
  using Evaluate = std::function<Result<IntegrityEval>(
      const Case&, const Json* facts, const std::vector<CaseEvent>& timeline,
      const std::string& lead_received_at, const std::string& now)>;
  // The 有案不立 check of a lead without a case: its status and receipt time.
  using EvaluateLead = std::function<std::optional<FlagFinding>(
      const std::string& status, const std::string& received_at, const std::string& now)>;

  // The case (scoped) and its facts.
  Result<std::pair<Case, StoredFacts>> get(const Actor& actor, int64_t case_id);

  // Stores the facts (scoped; kForbidden for a case shared for reading; kConflict when
  // `expected_version` differs from the facts' version), audits, and re-evaluates the flags and
  // the major-case flag in the same transaction.
  Result<std::pair<Case, StoredFacts>> put(const Actor& actor, int64_t case_id,
                                           std::optional<int64_t> expected_version,
                                           const Json& facts, const Evaluate& evaluate);

  // Re-evaluates one case (after a procedure step).
  Status refresh_case(const Actor& actor, int64_t case_id, const Evaluate& evaluate);

  // Re-evaluates every case not in a final state and every lead still verified without a case
  // (the time-based checks); answers how many flags were raised and resolved.
  struct Refreshed {
    int64_t cases = 0, leads = 0, raised = 0, resolved = 0;
  };
  Result<Refreshed> refresh_all(const Actor& actor, const std::vector<std::string>& final_states,
                                const Evaluate& evaluate, const EvaluateLead& evaluate_lead);

  // Flags on cases and leads of units below the actor's unit (the flags whose supervising unit
  // lies in the actor's subtree), newest first.
  Result<std::vector<IntegrityFlag>> list_flags(const Actor& actor, const FlagQuery& q);

 private:
  struct Counts {
    int64_t raised = 0, resolved = 0;
  };
  Result<Counts> evaluate_case(sql::Connection& c, const Actor& actor, const Case& cs,
                               const Evaluate& evaluate);
  Result<Counts> sync_flags(sql::Connection& c, const Actor& actor, const char* column, int64_t id,
                            const std::string& unit_code, const std::string& unit_path,
                            const std::vector<FlagFinding>& findings,
                            const std::vector<std::string>& kinds);

  SqlStore& store_;
};

}  // namespace lj
