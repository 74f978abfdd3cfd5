#include "cli/deadlines_command.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cases/case_actions.hpp"
#include "cli/commands.hpp"
#include "core/clock.hpp"
#include "refdata/data_dir.hpp"
#include "store/store.hpp"

namespace lj::cli {
namespace {

struct DeadlinesArgs {
  Common common;
  std::string unit;
  std::string as_of;
  std::string kind;
  int within = -1;
  bool json = false;
};

int fail(const std::string& why) {
  std::cerr << "lijian deadlines: " << why << "\n";
  return 1;
}

int run_deadlines(const DeadlinesArgs& a) {
  auto dir = refdata::data_dir(a.common.data_dir);
  if (!dir.ok()) return fail(dir.status().message());
  auto procedure = cases::Procedure::load(*dir);
  if (!procedure.ok()) return fail(procedure.status().message());
  auto cal = calendar::WorkCalendar::load(*dir);
  if (!cal.ok()) return fail(cal.status().message());
  const std::string today =
      a.as_of.empty() ? format_time(system_clock().now()).substr(0, 10) : a.as_of;
  auto day = calendar::parse_date(today, "--as-of");
  if (!day.ok()) return fail(day.status().message());
  if (!a.kind.empty() && !procedure->deadline(a.kind)) return fail("--kind: no deadline '" + a.kind + "'");
  auto store = open_store(a.common.db, 2);
  if (!store.ok()) return fail(store.status().message());
  if (auto v = (*store)->migrate(); !v.ok()) return fail(v.status().message());
  Actor actor = Actor::system("deadlines");
  DeadlineQuery q;
  q.limit = 100000;
  q.kind = a.kind;
  if (!a.unit.empty()) {
    auto unit = (*store)->get_unit(a.unit);
    if (!unit.ok()) return fail("--unit: no unit " + a.unit);
    q.unit_code = a.unit;
  }
  if (a.within >= 0) {
    auto until = cal->add_working_days(*day, a.within);
    if (!until.ok()) return fail("--within: " + until.status().message());
    q.due_before = calendar::format_date(*until);
  }
  CaseProcedureRepo repo((*store)->sql());
  auto list = cases::work_list(repo, *procedure, *cal, actor, q, today);
  if (!list.ok()) return fail(list.status().message());
  std::cout << list->dump(a.json ? -1 : 2) << "\n";
  return std::cout ? 0 : 1;
}

}  // namespace

void add_deadlines_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<DeadlinesArgs>();
  auto* sub = app.add_subcommand(
      "deadlines", "running statutory periods of cases (due, overdue, paused) as JSON on stdout");
  sub->add_option("--db", args->common.db, "database URL (CONTRACTS.md)");
  sub->add_option("--data-dir", args->common.data_dir,
                  "reference data folder (default: found beside the binary)");
  sub->add_option("--unit", args->unit, "only this unit's subtree (6-digit code)");
  sub->add_option("--as-of", args->as_of, "judge on this day (YYYY-MM-DD; default today)");
  sub->add_option("--within", args->within, "only periods due within N working days (overdue included)");
  sub->add_option("--kind", args->kind, "only this kind of period, e.g. case_decision");
  sub->add_flag("--json", args->json, "one line of JSON (default: indented)");
  sub->callback([args, &exit_code] { exit_code = run_deadlines(*args); });
}

}  // namespace lj::cli
