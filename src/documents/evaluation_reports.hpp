// Producing and storing the reports of the evaluation of units (docs/evaluation.md): the monthly
// dispatch report of a unit (PDF or XLSX) and the notification draft of an evaluation (PDF),
// each loaded within the actor's scope, rendered and stored in the reports table. Used by the
// API, `lijian report` and the server's scheduled production. Blocking: call from a worker.
#pragma once

#include <string>
#include <vector>

#include "calendar/work_calendar.hpp"
#include "evaluate/scheme.hpp"
#include "screen/hotspots.hpp"
#include "store/sql/evaluation_repo.hpp"

namespace lj::documents {

struct ReportRequest {
  std::string unit_code;             // empty: the actor's unit
  std::string period;                // dispatch: YYYY-MM; notification: any evaluation period
  std::string format;                // dispatch: pdf | xlsx; notification: pdf
  std::string origin = "on_demand";  // on_demand | schedule
  bool replace = true;               // produce again over a stored one (on demand); false: keep it
};

// Validates the request (kInvalidArgument naming unit, month/period or format), produces the
// file and stores it. `today` (YYYY-MM-DD) is printed as the document's date.
Result<StoredReport> produce_dispatch(SqlStore& store, const Actor& actor, const ReportRequest& r,
                                      const evaluate::Scheme& scheme,
                                      const screen::HotspotConfig& hotspots,
                                      const std::string& today);
Result<StoredReport> produce_notification(SqlStore& store, const Actor& actor,
                                          const ReportRequest& r, const evaluate::Scheme& scheme,
                                          const std::string& today);

// The scheduled production: on or after the first working day of a month (official calendar),
// the previous month's dispatch reports (PDF and XLSX) of the region and of every league that
// does not have them yet. Idempotent across servers (unique key per kind, unit, month, format).
// Answers how many files it stored now.
Result<int> produce_due_dispatch_reports(SqlStore& store, const calendar::WorkCalendar& cal,
                                         const evaluate::Scheme& scheme,
                                         const screen::HotspotConfig& hotspots,
                                         const std::string& today);

// The Housekeeping step of `lijian serve`: loads the calendar and the scheme from the server's
// data directory (its --data-dir) and runs the production for
// today in Asia/Shanghai. Failures are logged, never thrown.
void run_scheduled_dispatch_reports(Store& store, int64_t now_epoch_seconds,
                                    const std::string& data_dir);

}  // namespace lj::documents
