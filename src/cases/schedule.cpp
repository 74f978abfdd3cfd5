#include "cases/schedule.hpp"

#include "cases/integrity_eval.hpp"
#include "store/sql/dishonesty_repo.hpp"
#include "store/sql/supervision_repo.hpp"

namespace lj::cases {

Json to_json(const ScheduleRun& r) {
  return Json{{"cases", r.cases},         {"leads", r.leads},
              {"raised", r.raised},       {"resolved", r.resolved},
              {"escalated", r.escalated}, {"listings_removed", r.listings_removed}};
}

Result<ScheduleRun> run_schedule(SqlStore& store, const Procedure& procedure,
                                 const calendar::WorkCalendar& calendar,
                                 const IntegrityRules& rules, const Actor& actor) {
  ScheduleRun run;
  CaseFactsRepo facts(store);
  LJ_ASSIGN_OR_RETURN(auto r, facts.refresh_all(actor, final_states(procedure),
                                                integrity_evaluator(rules, procedure, calendar),
                                                lead_evaluator(procedure, calendar)));
  run.cases = r.cases;
  run.leads = r.leads;
  run.raised = r.raised;
  run.resolved = r.resolved;
  const std::string today = store.now().substr(0, 10);
  // Escalation and removal concern the whole store: only the system's run does them.
  if (actor.unit_path == "/") {
    LJ_ASSIGN_OR_RETURN(run.escalated, SupervisionRepo(store).escalate_overdue(today));
    LJ_ASSIGN_OR_RETURN(run.listings_removed, DishonestyRepo(store).remove_expired(today));
  }
  return run;
}

}  // namespace lj::cases
