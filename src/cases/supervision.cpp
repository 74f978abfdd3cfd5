#include "cases/supervision.hpp"

namespace lj::cases {

using calendar::format_date;
using calendar::parse_date;

namespace {
// Due days past the calendar's last year count weekends only (docs/deadlines.md, provisional):
// work must go on in December before the next year's holiday notice is entered.
calendar::Date due_after(const calendar::WorkCalendar& cal, calendar::Date from, int n) {
  auto due = cal.add_working_days(from, n);
  return due.ok() ? *due : cal.add_working_days_provisional(from, n);
}
}  // namespace

Result<std::string> next_report_due(const calendar::WorkCalendar& cal, const std::string& from_day,
                                    int interval, const std::string& deadline_on) {
  LJ_ASSIGN_OR_RETURN(calendar::Date from, parse_date(from_day, "date"));
  LJ_ASSIGN_OR_RETURN(calendar::Date deadline, parse_date(deadline_on, "deadline_on"));
  const calendar::Date due = due_after(cal, from, interval);
  if (due <= deadline) return format_date(due);
  if (from < deadline) return format_date(deadline);
  return format_date(due_after(cal, from, 1));
}

Result<SupervisionDraft> supervision_draft(const calendar::WorkCalendar& cal, const Json& body,
                                           const std::string& today) {
  SupervisionDraft d;
  auto text = [&](const char* name, size_t max) -> Result<std::string> {
    if (!body.contains(name) || !body[name].is_string() || body[name].get<std::string>().empty())
      return Status::Invalid(name, std::string(name) + " is required (text)");
    std::string v = body[name].get<std::string>();
    if (v.size() > max)
      return Status::Invalid(
          name, std::string(name) + " is longer than " + std::to_string(max) + " bytes");
    return v;
  };
  LJ_ASSIGN_OR_RETURN(d.level, text("level", 20));
  if (d.level != "league" && d.level != "region")
    return Status::Invalid(
        "level", "level must be league (盟市督办) or region (自治区督办), not '" + d.level + "'");
  LJ_ASSIGN_OR_RETURN(d.instructions, text("instructions", 5000));
  LJ_ASSIGN_OR_RETURN(d.deadline_on, text("deadline_on", 10));
  LJ_ASSIGN_OR_RETURN(calendar::Date deadline, parse_date(d.deadline_on, "deadline_on"));
  if (d.deadline_on <= today)
    return Status::Invalid("deadline_on",
                           "deadline_on " + d.deadline_on + " must be after today (" + today + ")");
  if (static_cast<int>(std::chrono::year_month_day{deadline}.year()) > cal.last_year() + 1)
    return Status::Invalid("deadline_on", "deadline_on " + d.deadline_on +
                                              " is more than a year past the working-day calendar");
  if (!body.contains("report_interval_days") || !body["report_interval_days"].is_number_integer())
    return Status::Invalid("report_interval_days",
                           "report_interval_days is required (working days, integer)");
  const int64_t n = body["report_interval_days"].get<int64_t>();
  if (n < 1 || n > kMaxReportIntervalWorkingDays)
    return Status::Invalid(
        "report_interval_days",
        "report_interval_days must be 1.." + std::to_string(kMaxReportIntervalWorkingDays));
  d.report_interval_days = static_cast<int>(n);
  for (const auto& [k, v] : body.items())
    if (k != "level" && k != "instructions" && k != "deadline_on" && k != "report_interval_days")
      return Status::Invalid(k, "unknown field '" + k + "'");
  LJ_ASSIGN_OR_RETURN(d.first_report_due_on,
                      next_report_due(cal, today, d.report_interval_days, d.deadline_on));
  return d;
}

Result<std::string> assistance_due(const calendar::WorkCalendar& cal, const std::string& from_day,
                                   int working_days) {
  if (working_days < 1 || working_days > 90)
    return Status::Invalid("due_in_working_days", "due_in_working_days must be 1..90");
  LJ_ASSIGN_OR_RETURN(calendar::Date from, parse_date(from_day, "date"));
  return format_date(due_after(cal, from, working_days));
}

}  // namespace lj::cases
