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
  // The official documents on file (attachment_details.document_kind: filing_approval,
  // penalty_decision, signed_decision, transfer_letter), read with the progress; derived from
  // the attachments, never written with it.
  std::vector<std::string> documents;
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

// One statutory period of a case as stored (case_deadlines): the running ones are the work
// lists' "due" and "overdue".
struct CaseDeadlineRow {
  std::string kind, started_on, due_on, ended_on;  // YYYY-MM-DD; due_on empty when unknown
  bool paused = false;
};

// A running period with its case, for the lists of due and overdue items.
struct DeadlineItem {
  int64_t case_id = 0;
  std::string case_no, title, status, unit_code;
  int64_t handler_id = 0;  // who opened the case
  CaseDeadlineRow deadline;
};

struct DeadlineQuery {
  std::string unit_code;              // a unit in the actor's subtree (default: the actor's)
  std::optional<int64_t> handler_id;  // only cases this user opened
  std::string due_before;             // only periods due on or before this day (YYYY-MM-DD)
  std::string kind;
  int limit = 200;
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
  // The case's periods, recomputed from its whole timeline after the step and stored with it.
  using Schedule = std::function<std::vector<CaseDeadlineRow>(
      const Case& after, const std::vector<CaseEvent>& timeline, const std::string& lead_received_at,
      const std::string& now)>;
  Result<Applied> apply(const Actor& actor, int64_t case_id, std::optional<int64_t> expected_version,
                        const Decide& decide, const Schedule& schedule);

  // Recomputes and stores a case's periods without a step (a case just opened, a calendar
  // changed); no audit entry, as nothing but derived data changes.
  Status refresh_deadlines(const Actor& actor, int64_t case_id, const Schedule& schedule);

  // The case's timeline and its lead's receipt time (scoped).
  struct History {
    Case c;
    std::vector<CaseEvent> timeline;
    std::string lead_received_at;
  };
  Result<History> history(const Actor& actor, int64_t case_id);

  // Running periods (not ended) of cases in the actor's subtree, earliest due first; periods
  // whose due day is unknown come last.
  Result<std::vector<DeadlineItem>> running_deadlines(const Actor& actor, const DeadlineQuery& q);

 private:
  Status store_deadlines(sql::Connection& c, const Case& cs, const Schedule& schedule);

  SqlStore& store_;
};

}  // namespace lj
