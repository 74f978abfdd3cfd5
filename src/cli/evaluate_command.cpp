#include "cli/evaluate_command.hpp"

#include <CLI/CLI.hpp>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "documents/evaluation_reports.hpp"
#include "evaluate/period.hpp"
#include "evaluate/scheme.hpp"
#include "refdata/data_dir.hpp"
#include "store/sql/evaluation_repo.hpp"
#include "store/store.hpp"

namespace lj::cli {
namespace {

struct EvaluateArgs {
  Common common;
  std::string unit, period, notification;
  bool json = false;
};

int fail(const std::string& why) {
  std::cerr << "lijian evaluate: " << why << "\n";
  return 1;
}

int run_evaluate(const EvaluateArgs& a) {
  auto period = evaluate::parse_period(a.period, "--period");
  if (!period.ok()) return fail(period.status().message());
  auto dir = refdata::data_dir(a.common.data_dir);
  if (!dir.ok()) return fail(dir.status().message());
  auto scheme = evaluate::Scheme::load(*dir);
  if (!scheme.ok()) return fail(scheme.status().message());
  auto store = open_store(a.common.db, 2);
  if (!store.ok()) return fail(store.status().message());
  if (auto v = (*store)->migrate(); !v.ok()) return fail(v.status().message());
  Actor actor = Actor::system("evaluate");
  const std::string unit = a.unit.empty() ? a.common.province : a.unit;
  EvaluationRepo repo((*store)->sql());
  auto e = repo.evaluate(actor, unit, *period, *scheme);
  if (!e.ok()) return fail(e.status().message());
  Json out = evaluate::to_json(*e, *scheme);
  if (!a.notification.empty()) {
    documents::ReportRequest r;
    r.unit_code = unit;
    r.period = a.period;
    auto stored = documents::produce_notification((*store)->sql(), actor, r, *scheme,
                                                  format_time(system_clock().now()).substr(0, 10));
    if (!stored.ok()) return fail(stored.status().message());
    auto file = repo.get_report(actor, stored->id);
    if (!file.ok()) return fail(file.status().message());
    std::ofstream f(a.notification, std::ios::binary);
    f << file->content;
    if (!f) return fail("cannot write " + a.notification);
    out["notification"] = to_json(*stored);
  }
  std::cout << out.dump(a.json ? -1 : 2) << "\n";
  return std::cout ? 0 : 1;
}

}  // namespace

void add_evaluate_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<EvaluateArgs>();
  auto* sub = app.add_subcommand(
      "evaluate", "the evaluation of units (绩效评价) for a period as JSON on stdout");
  sub->add_option("--db", args->common.db, "database URL (CONTRACTS.md)");
  sub->add_option("--data-dir", args->common.data_dir,
                  "reference data folder (default: found beside the binary)");
  sub->add_option("--unit", args->unit,
                  "the unit whose leagues and counties are evaluated (default: the region)");
  sub->add_option("--period", args->period, "YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY")->required();
  sub->add_option("--notification", args->notification,
                  "also write the notification draft (通报) PDF to this file and store it");
  sub->add_flag("--json", args->json, "one line of JSON (default: indented)");
  sub->callback([args, &exit_code] { exit_code = run_evaluate(*args); });
}

}  // namespace lj::cli
