// Storage of the case procedure (cases/case_actions.hpp): a case's progress (case_progress) and
// the one write that moves a case from a state to the next, with its timeline event and audit
// entry, in one transaction.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "model/model.hpp"
#include "store/sql/sql_store.hpp"

namespace lj {

// Where a case stands in the procedure, beyond its status. Times are ISO 8601 Shanghai text,
// empty when not reached.
struct CaseProgress {
  std::string procedure = "ordinary";  // ordinary | summary
  std::string suspended_from;          // the state a suspended case left
  std::string filed_at, decided_at, served_at, closed_at;
  std::string decision;  // penalty | no_penalty | transfer
  std::string decision_no;
};
Json to_json(const CaseProgress& p);

// What one action changes; built by the caller from the case as it is inside the transaction.
struct CaseChange {
  std::string action;
  std::string to;  // the new status
  CaseProgress progress;
  std::string note;  // the timeline event's note
  Json data = Json::object();  // the timeline event's data (the action's fields)
};

class CaseProcedureRepo {
 public:
  explicit CaseProcedureRepo(SqlStore& store) : store_(store) {}

  // The case (scoped: kNotFound outside the actor's scope) and its progress.
  Result<std::pair<Case, CaseProgress>> get(const Actor& actor, int64_t case_id);

  // Loads the case inside a write transaction (scoped; kConflict when `expected_version` is
  // given and differs), asks `decide` for the change (passing the store clock's time of it), and writes status, progress, a timeline
  // event of kind "action" and an audit entry (before/after: case and progress). A case shared
  // with the actor's unit for reading answers kForbidden.
  using Decide = std::function<Result<CaseChange>(const Case&, const CaseProgress&,
                                                  const std::string& now)>;
  struct Applied {
    Case c;
    CaseProgress progress;
    CaseEvent event;
  };
  Result<Applied> apply(const Actor& actor, int64_t case_id, std::optional<int64_t> expected_version,
                        const Decide& decide);

 private:
  SqlStore& store_;
};

}  // namespace lj
