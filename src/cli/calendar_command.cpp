#include "cli/calendar_command.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "calendar/work_calendar.hpp"
#include "refdata/data_dir.hpp"

namespace lj::cli {
namespace {

struct CalendarArgs {
  std::string data_dir;
  std::string from;
  int working_days = 0;
  std::string date;
};

int fail(const std::string& why) {
  std::cerr << "lijian calendar: " << why << "\n";
  return 1;
}

Result<calendar::WorkCalendar> load(const CalendarArgs& a) {
  LJ_ASSIGN_OR_RETURN(std::string dir, refdata::data_dir(a.data_dir));
  return calendar::WorkCalendar::load(dir);
}

int run_add(const CalendarArgs& a) {
  auto from = calendar::parse_date(a.from, "--from");
  if (!from.ok()) return fail("--from: " + from.status().message());
  auto cal = load(a);
  if (!cal.ok()) return fail(cal.status().message());
  auto due = cal->add_working_days(*from, a.working_days);
  if (!due.ok()) return fail(due.status().message());
  std::cout << calendar::format_date(*due) << "\n";
  return std::cout ? 0 : 1;
}

int run_check(const CalendarArgs& a) {
  auto date = calendar::parse_date(a.date, "DATE");
  if (!date.ok()) return fail(date.status().message());
  auto cal = load(a);
  if (!cal.ok()) return fail(cal.status().message());
  auto working = cal->is_working_day(*date);
  if (!working.ok()) return fail(working.status().message());
  std::cout << a.date << "\t" << (*working ? "working" : "rest") << "\n";
  return std::cout ? 0 : 1;
}

}  // namespace

void add_calendar_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<CalendarArgs>();
  auto* cal = app.add_subcommand("calendar", "the official working-day calendar (deadlines)");
  cal->require_subcommand(1);
  cal->add_option("--data-dir", args->data_dir,
                  "reference data folder (default: found beside the binary)");
  auto* add = cal->add_subcommand(
      "add", "print the date N working days after --from (ISO 8601), the start day not counted");
  add->add_option("--from", args->from, "start date, YYYY-MM-DD")->required();
  add->add_option("--working-days", args->working_days, "working days to add (0..3650)")
      ->required();
  add->callback([args, &exit_code] { exit_code = run_add(*args); });
  auto* check = cal->add_subcommand("check", "print DATE<TAB>working|rest");
  check->add_option("DATE", args->date, "YYYY-MM-DD")->required();
  check->callback([args, &exit_code] { exit_code = run_check(*args); });
}

}  // namespace lj::cli
