// Supervision (督办) and assistance (协查) periods: the due days of progress reports and of
// answers, in working days under the official calendar (calendar/work_calendar.hpp).
#pragma once

#include <string>

#include "calendar/work_calendar.hpp"
#include "model/json.hpp"
#include "store/sql/supervision_repo.hpp"

namespace lj::cases {

inline constexpr int kMaxReportIntervalWorkingDays = 60;

// The day a progress report is due after `from_day`: `interval` working days later (the start
// day not counted), but never after the supervision's deadline unless `from_day` is past it
// (then the next working day). All days YYYY-MM-DD; kInvalidArgument naming the field when the
// calendar does not cover the dates.
Result<std::string> next_report_due(const calendar::WorkCalendar& cal, const std::string& from_day,
                                    int interval, const std::string& deadline_on);

// The draft of a supervision from a request body {level, deadline_on, report_interval_days,
// instructions}, opened on `today`: level league|region, a deadline after today, an interval of
// 1..60 working days, instructions of 1..5000 bytes. Errors name the field.
Result<SupervisionDraft> supervision_draft(const calendar::WorkCalendar& cal, const Json& body,
                                           const std::string& today);

// The answer's due day of an assistance request received on `from_day`: `working_days` (1..90)
// working days later.
Result<std::string> assistance_due(const calendar::WorkCalendar& cal, const std::string& from_day,
                                   int working_days);

}  // namespace lj::cases
