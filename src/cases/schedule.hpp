// The time-based work of the case procedure, run by every server's housekeeping thread and by
// `lijian flags --refresh`: the integrity flags whose cause is time (有案不立: leads verified but
// not filed in time; Decree 310's transfer periods missed), the escalation of overdue
// supervision progress reports to the supervising unit's list, and the removal of dishonesty
// listings whose period has ended. Every part is idempotent and conditional on the stored state,
// so several servers may run it at once: a second run changes nothing and audits nothing.
#pragma once

#include <string>

#include "calendar/work_calendar.hpp"
#include "cases/integrity.hpp"
#include "cases/procedure.hpp"
#include "store/sql/sql_store.hpp"

namespace lj::cases {

struct ScheduleRun {
  int64_t cases = 0, leads = 0;      // re-evaluated
  int64_t raised = 0, resolved = 0;  // integrity flags
  int64_t escalated = 0;             // supervisions whose progress report fell overdue
  int64_t listings_removed = 0;      // dishonesty listings whose period ended
};
Json to_json(const ScheduleRun& r);

// Runs all of it as of the store clock's now, as `actor`: the system for the whole store; a
// narrower actor refreshes only the flags of its subtree (no escalation, no removal).
Result<ScheduleRun> run_schedule(SqlStore& store, const Procedure& procedure,
                                 const calendar::WorkCalendar& calendar,
                                 const IntegrityRules& rules, const Actor& actor);

}  // namespace lj::cases
