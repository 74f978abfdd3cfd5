// The official working-day calendar (RULES.md: statutory deadlines in working days): weekends
// and public holidays are not working days, except the weekend days the State Council's notices
// make working days (调休上班). Kept as data per year (data/calendar/cn-holidays.json) so a new
// year's notice is an edit of that file, not of code.
//
// Dates are civil dates in the bureau's zone (Asia/Shanghai); a time of day never enters.
// A calendar covers whole years, from 1 January of its first year to 31 December of its last,
// with no year missing in between; anything that needs a date outside answers kInvalidArgument
// naming that date, never a guess. Immutable after loading: safe to share between threads.
#pragma once

#include <chrono>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "core/status.hpp"
#include "model/json.hpp"

namespace lj::calendar {

using Date = std::chrono::sys_days;

// "YYYY-MM-DD" (a real date); kInvalidArgument naming `field` otherwise.
Result<Date> parse_date(std::string_view text, const std::string& field = "date");
std::string format_date(Date d);

class WorkCalendar {
 public:
  // Reads the document of data/calendar/cn-holidays.json: {"years":{"2018":{"notice":...,
  // "holidays":[["from","to"],...],"workdays":["date",...]},...}}. Every error names the year
  // and the entry: a malformed date, a range that runs backwards or over 15 days, a "workday"
  // that is not a Saturday or Sunday, a date both holiday and workday, a missing year inside
  // the span.
  static Result<WorkCalendar> from_json(const Json& doc);
  // Loads <data_dir>/calendar/cn-holidays.json.
  static Result<WorkCalendar> load(const std::string& data_dir);

  int first_year() const { return first_year_; }
  int last_year() const { return last_year_; }
  bool covers(Date d) const;

  Result<bool> is_working_day(Date d) const;
  // The date `n` working days after `from`, `from` itself not counted (n = 0 answers `from`).
  // `n` must be 0..3650.
  Result<Date> add_working_days(Date from, int n) const;
  // The same beyond the covered years, where only weekends are known: for a provisional answer
  // (earlier than the real one when the missing notice adds holidays), never for the contract.
  Date add_working_days_provisional(Date from, int n) const;
  int working_days_between_provisional(Date from, Date to) const;

  // How many working days lie in (from, to]: add_working_days(from, k) == to's inverse for a
  // working day `to`. 0 when to <= from.
  Result<int> working_days_between(Date from, Date to) const;

 private:
  Status check(Date d) const;
  bool working(Date d) const;

  int first_year_ = 0, last_year_ = -1;
  std::unordered_set<int> holidays_;  // days since 1970-01-01
  std::unordered_set<int> workdays_;
};

}  // namespace lj::calendar
