#include "cli/report_command.hpp"

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "documents/evaluation_reports.hpp"
#include "evaluate/scheme.hpp"
#include "refdata/data_dir.hpp"
#include "store/sql/evaluation_repo.hpp"
#include "store/store.hpp"

namespace lj::cli {
namespace {

struct ReportArgs {
  Common common;
  std::string unit, month, format = "pdf", out, today, kind, period;
};

int fail(const std::string& why) {
  std::cerr << "lijian report: " << why << "\n";
  return 1;
}

struct Opened {
  std::unique_ptr<Store> store;
  evaluate::Scheme scheme;
  std::string data_dir;
};

Result<Opened> open(const ReportArgs& a) {
  Opened o;
  LJ_ASSIGN_OR_RETURN(o.data_dir, refdata::data_dir(a.common.data_dir));
  LJ_ASSIGN_OR_RETURN(o.scheme, evaluate::Scheme::load(o.data_dir));
  LJ_ASSIGN_OR_RETURN(o.store, open_store(a.common.db, 2));
  LJ_RETURN_IF_ERROR(o.store->migrate().status());
  return o;
}

std::string today() {
  return format_time(system_clock().now()).substr(0, 10);
}

int run_dispatch(const ReportArgs& a) {
  auto o = open(a);
  if (!o.ok()) return fail(o.status().message());
  const Actor actor = Actor::system("report");
  documents::ReportRequest r;
  r.unit_code = a.unit;
  r.period = a.month;
  r.format = a.format;
  auto stored = documents::produce_dispatch(o->store->sql(), actor, r, o->scheme,
                                            screen::HotspotConfig{}, today());
  if (!stored.ok()) return fail(stored.status().message());
  EvaluationRepo repo(o->store->sql());
  auto file = repo.get_report(actor, stored->id);
  if (!file.ok()) return fail(file.status().message());
  const std::string path =
      a.out.empty() ? "dispatch-" + stored->unit_code + "-" + stored->period + "." + stored->format
                    : a.out;
  std::ofstream f(path, std::ios::binary);
  f << file->content;
  f.close();
  if (!f) return fail("cannot write " + path);
  Json out = to_json(*stored);
  out["file"] = path;
  std::cout << out.dump() << "\n";
  return std::cout ? 0 : 1;
}

int run_due(const ReportArgs& a) {
  auto o = open(a);
  if (!o.ok()) return fail(o.status().message());
  auto cal = calendar::WorkCalendar::load(o->data_dir);
  if (!cal.ok()) return fail(cal.status().message());
  const std::string day = a.today.empty() ? today() : a.today;
  if (auto d = calendar::parse_date(day, "--today"); !d.ok()) return fail(d.status().message());
  auto n = documents::produce_due_dispatch_reports(o->store->sql(), *cal, o->scheme,
                                                   screen::HotspotConfig{}, day);
  if (!n.ok()) return fail(n.status().message());
  std::cout << Json{{"today", day}, {"stored", *n}}.dump() << "\n";
  return 0;
}

int run_list(const ReportArgs& a) {
  auto o = open(a);
  if (!o.ok()) return fail(o.status().message());
  ReportQuery q;
  q.unit_code = a.unit.empty() ? a.common.province : a.unit;
  q.kind = a.kind;
  q.period = a.period;
  q.limit = 1000;
  EvaluationRepo repo(o->store->sql());
  auto list = repo.list_reports(Actor::system("report"), q);
  if (!list.ok()) return fail(list.status().message());
  Json items = Json::array();
  for (const auto& r : *list) items.push_back(to_json(r));
  std::cout << Json{{"items", items}}.dump(2) << "\n";
  return 0;
}

void common_options(CLI::App* sub, ReportArgs& a) {
  sub->add_option("--db", a.common.db, "database URL (CONTRACTS.md)");
  sub->add_option("--data-dir", a.common.data_dir,
                  "reference data folder (default: found beside the binary)");
}

}  // namespace

void add_report_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ReportArgs>();
  auto* report =
      app.add_subcommand("report", "reports of the evaluation of units (docs/evaluation.md)");
  report->require_subcommand(1);
  auto* dispatch = report->add_subcommand(
      "dispatch",
      "produce and store the monthly dispatch report (调度会) of a league or the region");
  common_options(dispatch, *args);
  dispatch->add_option("--unit", args->unit, "6-digit code of a league or the region")->required();
  dispatch->add_option("--month", args->month, "YYYY-MM")->required();
  dispatch->add_option("--format", args->format, "pdf (default) or xlsx")
      ->check(CLI::IsMember({"pdf", "xlsx"}));
  dispatch->add_option("--out", args->out, "file to write (default dispatch-CODE-YYYY-MM.FORMAT)");
  dispatch->callback([args, &exit_code] { exit_code = run_dispatch(*args); });
  auto* due = report->add_subcommand(
      "due", "run the scheduled production of last month's dispatch reports (idempotent)");
  common_options(due, *args);
  due->add_option("--today", args->today,
                  "the day to run as (YYYY-MM-DD; default today in Shanghai)");
  due->callback([args, &exit_code] { exit_code = run_due(*args); });
  auto* list = report->add_subcommand("list", "the stored reports of a unit's subtree as JSON");
  common_options(list, *args);
  list->add_option("--unit", args->unit, "6-digit unit code (default: the region)");
  list->add_option("--kind", args->kind, "dispatch | notification");
  list->add_option("--period", args->period, "the period code");
  list->callback([args, &exit_code] { exit_code = run_list(*args); });
}

}  // namespace lj::cli
