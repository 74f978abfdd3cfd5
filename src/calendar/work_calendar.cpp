#include "calendar/work_calendar.hpp"

#include <algorithm>
#include <charconv>
#include <fstream>
#include <map>

namespace lj::calendar {
namespace {

using std::chrono::days;
using std::chrono::weekday;
using std::chrono::year_month_day;

constexpr int kMaxHolidayRun = 15;
constexpr int kMaxWorkingDays = 3650;

int serial(Date d) { return static_cast<int>(d.time_since_epoch().count()); }

bool weekend(Date d) {
  const weekday w{d};
  return w == std::chrono::Saturday || w == std::chrono::Sunday;
}

int year_of(Date d) { return static_cast<int>(year_month_day{d}.year()); }

}  // namespace

Result<Date> parse_date(std::string_view text, const std::string& field) {
  auto bad = [&] {
    return Status::Invalid(field, "'" + std::string(text) + "' is not a date of the form YYYY-MM-DD");
  };
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return bad();
  int y = 0, m = 0, d = 0;
  auto num = [&](size_t at, size_t len, int& out) {
    auto r = std::from_chars(text.data() + at, text.data() + at + len, out);
    return r.ec == std::errc() && r.ptr == text.data() + at + len;
  };
  if (!num(0, 4, y) || !num(5, 2, m) || !num(8, 2, d)) return bad();
  const year_month_day ymd{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                           std::chrono::day{static_cast<unsigned>(d)}};
  if (!ymd.ok()) return bad();
  return Date{ymd};
}

std::string format_date(Date d) {
  const year_month_day ymd{d};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

Result<WorkCalendar> WorkCalendar::from_json(const Json& doc) {
  if (!doc.is_object() || !doc.contains("years") || !doc["years"].is_object() ||
      doc["years"].empty())
    return Status::Invalid("years", "the calendar needs an object \"years\" with at least one year");
  WorkCalendar cal;
  std::map<int, const Json*> years;
  for (const auto& [key, entry] : doc["years"].items()) {
    int y = 0;
    auto r = std::from_chars(key.data(), key.data() + key.size(), y);
    if (r.ec != std::errc() || r.ptr != key.data() + key.size() || y < 1990 || y > 2200)
      return Status::Invalid("years." + key, "'" + key + "' is not a year");
    if (!entry.is_object()) return Status::Invalid("years." + key, "a year is an object");
    years[y] = &entry;
  }
  cal.first_year_ = years.begin()->first;
  cal.last_year_ = years.rbegin()->first;
  for (int y = cal.first_year_; y <= cal.last_year_; ++y)
    if (!years.count(y))
      return Status::Invalid("years." + std::to_string(y),
                             "year " + std::to_string(y) + " is missing between " +
                                 std::to_string(cal.first_year_) + " and " +
                                 std::to_string(cal.last_year_));
  for (const auto& [y, entry] : years) {
    const std::string where = "years." + std::to_string(y);
    const Json empty = Json::array();
    const Json& hol = entry->contains("holidays") ? (*entry)["holidays"] : empty;
    const Json& work = entry->contains("workdays") ? (*entry)["workdays"] : empty;
    if (!hol.is_array()) return Status::Invalid(where + ".holidays", "a list of [from, to] ranges");
    if (!work.is_array()) return Status::Invalid(where + ".workdays", "a list of dates");
    for (size_t i = 0; i < hol.size(); ++i) {
      const std::string f = where + ".holidays[" + std::to_string(i) + "]";
      if (!hol[i].is_array() || hol[i].size() != 2 || !hol[i][0].is_string() ||
          !hol[i][1].is_string())
        return Status::Invalid(f, "a range is [\"YYYY-MM-DD\", \"YYYY-MM-DD\"]");
      LJ_ASSIGN_OR_RETURN(Date from, parse_date(hol[i][0].get<std::string>(), f));
      LJ_ASSIGN_OR_RETURN(Date to, parse_date(hol[i][1].get<std::string>(), f));
      if (to < from || (to - from).count() >= kMaxHolidayRun)
        return Status::Invalid(f, "a holiday runs forwards and lasts at most " +
                                      std::to_string(kMaxHolidayRun) + " days");
      for (Date d = from; d <= to; d += days{1}) cal.holidays_.insert(serial(d));
    }
    for (size_t i = 0; i < work.size(); ++i) {
      const std::string f = where + ".workdays[" + std::to_string(i) + "]";
      if (!work[i].is_string()) return Status::Invalid(f, "a date \"YYYY-MM-DD\"");
      LJ_ASSIGN_OR_RETURN(Date d, parse_date(work[i].get<std::string>(), f));
      if (!weekend(d))
        return Status::Invalid(f, format_date(d) + " is not a Saturday or Sunday: only weekend "
                                                   "days are made working days");
      cal.workdays_.insert(serial(d));
    }
  }
  for (int d : cal.workdays_)
    if (cal.holidays_.count(d))
      return Status::Invalid("years", format_date(Date{days{d}}) + " is both a holiday and a workday");
  return cal;
}

Result<WorkCalendar> WorkCalendar::load(const std::string& data_dir) {
  const std::string path = data_dir + "/calendar/cn-holidays.json";
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read the holiday calendar " + path);
  Json doc = Json::parse(in, nullptr, false);
  if (doc.is_discarded()) return Status::Invalid("calendar", path + " is not valid JSON");
  auto cal = from_json(doc);
  if (!cal.ok()) return Status::Invalid(cal.status().field(), path + ": " + cal.status().message());
  return cal;
}

bool WorkCalendar::covers(Date d) const {
  const int y = year_of(d);
  return y >= first_year_ && y <= last_year_;
}

Status WorkCalendar::check(Date d) const {
  if (covers(d)) return Status::Ok();
  return Status::Invalid("date", "the working-day calendar covers " + std::to_string(first_year_) +
                                     "-01-01 to " + std::to_string(last_year_) + "-12-31, not " +
                                     format_date(d) + " (add the year to data/calendar/cn-holidays.json)");
}

bool WorkCalendar::working(Date d) const {
  const int s = serial(d);
  if (holidays_.count(s)) return false;
  return !weekend(d) || workdays_.count(s) > 0;
}

Result<bool> WorkCalendar::is_working_day(Date d) const {
  LJ_RETURN_IF_ERROR(check(d));
  return working(d);
}

Result<Date> WorkCalendar::add_working_days(Date from, int n) const {
  if (n < 0 || n > kMaxWorkingDays)
    return Status::Invalid("working_days", "the number of working days must be 0.." +
                                               std::to_string(kMaxWorkingDays));
  LJ_RETURN_IF_ERROR(check(from));
  Date d = from;
  for (int left = n; left > 0;) {
    d += days{1};
    LJ_RETURN_IF_ERROR(check(d));
    if (working(d)) --left;
  }
  return d;
}

Date WorkCalendar::add_working_days_provisional(Date from, int n) const {
  Date d = from;
  for (int left = std::clamp(n, 0, kMaxWorkingDays); left > 0;) {
    d += days{1};
    if (working(d)) --left;
  }
  return d;
}

int WorkCalendar::working_days_between_provisional(Date from, Date to) const {
  int n = 0;
  for (Date d = from + days{1}; d <= to; d += days{1}) n += working(d) ? 1 : 0;
  return n;
}

Result<int> WorkCalendar::working_days_between(Date from, Date to) const {
  if (to <= from) return 0;
  LJ_RETURN_IF_ERROR(check(from));
  LJ_RETURN_IF_ERROR(check(to));
  int n = 0;
  for (Date d = from + days{1}; d <= to; d += days{1}) n += working(d) ? 1 : 0;
  return n;
}

}  // namespace lj::calendar
