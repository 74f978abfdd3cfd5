// Taking a step of the case procedure (cases/procedure.hpp) on a stored case: the procedure's
// check runs on the case as it is inside the write transaction, so two officers acting at once
// cannot both move it from the same state.
#pragma once

#include <optional>
#include <string>

#include "calendar/work_calendar.hpp"
#include "cases/deadlines.hpp"
#include "cases/procedure.hpp"
#include "store/sql/case_procedure_repo.hpp"

namespace lj::cases {

// The request of one action: its fields (a JSON object holding only the fields the action
// names, plus an optional "note"), and optionally the case version the caller saw.
struct ActionRequest {
  std::string action;
  Json fields = Json::object();
  std::optional<int64_t> expected_version;
};

// Checks and applies the action; refusals as Procedure::check states them (kConflict for the
// state or a stale version, kForbidden for role or unit, kInvalidArgument naming a field), and
// kNotFound for a case outside the actor's scope. Records on the case's progress what the
// action establishes: filing time, decision (kind, number, time), service, closing, the
// procedure (summary), the state a suspension left.
// The case's deadlines are recomputed and stored with the step.
Result<CaseProcedureRepo::Applied> take_action(CaseProcedureRepo& repo, const Procedure& procedure,
                                               const calendar::WorkCalendar& calendar,
                                               const Actor& actor, int64_t case_id,
                                               const ActionRequest& request);

// Stores the periods case_deadlines() works out from a case's timeline.
CaseProcedureRepo::Schedule deadline_schedule(const Procedure& procedure,
                                              const calendar::WorkCalendar& calendar);

// A case's deadlines as of `today` (YYYY-MM-DD), scoped.
Result<std::vector<DeadlineState>> deadlines_of_case(CaseProcedureRepo& repo,
                                                     const Procedure& procedure,
                                                     const calendar::WorkCalendar& calendar,
                                                     const Actor& actor, int64_t case_id,
                                                     const std::string& today);

// The running periods of the actor's subtree (or `q`'s unit) as of `today`, earliest due first:
// {"as_of", "items":[{"case_id","case_no","title","case_status","unit_code","handler_id","kind",
// "name_zh","started_on","due_on","status":"open"|"overdue"|"paused","days_left"}]}; days_left
// counts working days for periods in working days, negative when overdue.
Result<Json> work_list(CaseProcedureRepo& repo, const Procedure& procedure,
                       const calendar::WorkCalendar& calendar, const Actor& actor,
                       const DeadlineQuery& q, const std::string& today);

// {"status":..., "progress":{...}, "actions":[{"action","name_zh","fields":[...],"documents":[...],
// "missing_documents":[{"kinds","name_zh"}],"source"}]}: missing_documents lists what the case
// still needs on file before the step is accepted.
// the steps the actor may take next on the case.
Result<Json> next_steps(CaseProcedureRepo& repo, const Procedure& procedure, const Actor& actor,
                        int64_t case_id);

// The transition's description for clients: action, name_zh, from, to, roles, unit, fields,
// documents, source.
Json to_json(const ProcedureTransition& t);

}  // namespace lj::cases
