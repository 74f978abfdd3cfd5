#include "cli/stats_command.hpp"

#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "refdata/data_dir.hpp"
#include "refdata/demo.hpp"
#include "stats/exports.hpp"
#include "stats/period.hpp"
#include "stats/summary.hpp"
#include "store/sql/stats_repo.hpp"
#include "store/store.hpp"

namespace lj::cli {
namespace {

struct StatsArgs {
  Common common;
  std::string unit, period = "2018", group_by, format = "json", out;
  std::string source, product_category, special_action, violation;
};

int fail(const std::string& what, const Status& st) {
  std::cerr << "lijian stats: " << what << ": " << st.to_string() << "\n";
  return 1;
}

// An analyst of `unit` (default: the province's root unit), as the API would see one.
Result<Actor> analyst_of(Store& store, const std::string& unit_code, const std::string& province) {
  const std::string code = unit_code.empty() ? province.substr(0, 2) + "0000" : unit_code;
  auto unit = store.get_unit(code);
  if (!unit.ok()) return Status::Invalid("unit", "no unit with code " + code);
  Actor a;
  a.username = "cli:stats";
  a.role = Role::kAnalyst;
  a.unit_code = unit->code;
  a.unit_path = unit->path;
  a.via = "cli";
  return a;
}

Status write_out(const std::string& out, const std::string& bytes) {
  if (out.empty() || out == "-") {
    std::cout << bytes;
    return Status::Ok();
  }
  std::ofstream f(out, std::ios::binary);
  f << bytes;
  if (!f) return Status::Invalid("out", "cannot write " + out);
  return Status::Ok();
}

int run(const StatsArgs& a, const std::string& what) {
  auto store = open_store(a.common.db, 2);
  if (!store.ok()) return fail("cannot open the database", store.status());
  if (auto v = (*store)->migrate(); !v.ok()) return fail("migration failed", v.status());
  StatsRepo repo((*store)->sql());
  if (what == "rebuild") {
    auto r = repo.rebuild(Actor::system("cli:stats"));
    if (!r.ok()) return fail("rebuild", r.status());
    std::cout << Json{{"lead_rows", r->lead_rows}, {"margin_rows", r->margin_rows},
                      {"case_rows", r->case_rows}, {"case_rollup_rows", r->case_rollup_rows}}
                     .dump()
              << "\n";
    return 0;
  }
  if (what == "verify") {
    auto diff = repo.verify();
    if (!diff.ok()) return fail("verify", diff.status());
    for (const auto& d : *diff) std::cerr << d << "\n";
    std::cout << Json{{"in_step", diff->empty()}, {"differences", *diff}}.dump() << "\n";
    return diff->empty() ? 0 : 1;
  }
  auto dir = refdata::data_dir(a.common.data_dir);
  if (!dir.ok()) return fail("reference data", dir.status());
  if (Status st = refdata::load_reference(**store, *dir, a.common.province); !st.ok())
    return fail("reference data", st);
  auto actor = analyst_of(**store, a.unit, a.common.province);
  if (!actor.ok()) return fail("--unit", actor.status());
  auto period = stats::parse_period(a.period, "--period");
  if (!period.ok()) return fail("--period", period.status());
  if (what == "query") {
    StatsQuery q{period->from_month, period->to_month, actor->unit_code, a.source,
                 a.product_category, a.special_action, a.violation, a.group_by};
    auto ans = repo.query(*actor, q);
    if (!ans.ok()) return fail("query", ans.status());
    if (a.format == "csv") return write_out(a.out, stats::to_csv(*ans, a.group_by)).ok() ? 0 : 1;
    return write_out(a.out, stats::to_json(*ans, *period, a.group_by).dump(2) + "\n").ok() ? 0 : 1;
  }
  auto def = stats::SummaryDefinition::load(*dir);
  if (!def.ok()) return fail("summary definition", def.status());
  auto table = stats::build_summary(repo, *actor, *def, *period, actor->unit_code, a.period);
  if (!table.ok()) return fail("summary", table.status());
  Result<std::string> bytes = Status::Invalid("--format", "json, csv, xlsx or pdf");
  if (a.format == "json") bytes = stats::to_json(*table).dump(2) + "\n";
  else if (a.format == "csv") bytes = stats::to_csv(*table);
  else if (a.format == "xlsx") bytes = stats::to_xlsx(*table);
  else if (a.format == "pdf") bytes = stats::to_pdf(*table);
  if (!bytes.ok()) return fail("--format", bytes.status());
  if (Status st = write_out(a.out, *bytes); !st.ok()) return fail("--out", st);
  return 0;
}

}  // namespace

void add_stats_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<StatsArgs>();
  auto* stats = app.add_subcommand(
      "stats", "statistics from the roll-ups: rebuild, verify, query, summary; docs/statistics.md");
  stats->require_subcommand(1);
  auto* rebuild = stats->add_subcommand(
      "rebuild", "recompute every roll-up from the base tables (idempotent; after migration 15)");
  add_common_options(rebuild, args->common);
  rebuild->callback([args, &exit_code] { exit_code = run(*args, "rebuild"); });
  auto* verify = stats->add_subcommand(
      "verify", "compare the roll-ups with the base tables; exit 1 and list the differences");
  add_common_options(verify, args->common);
  verify->callback([args, &exit_code] { exit_code = run(*args, "verify"); });
  for (const char* name : {"query", "summary"}) {
    const bool query = std::string(name) == "query";
    auto* sub = stats->add_subcommand(
        name, query ? "figures by period, unit and labels (JSON or CSV)"
                    : "the campaign's special summary (专项汇总) and typical cases: json, csv, xlsx, pdf");
    add_common_options(sub, args->common);
    sub->add_option("--unit", args->unit, "the unit rolled up (default: the province)");
    sub->add_option("--period", args->period,
                    "2018, 2018-H1, 2018-Q2, 2018-05 or 2018-03..2018-08")
        ->capture_default_str();
    sub->add_option("--format", args->format,
                    query ? "json or csv" : "json, csv, xlsx or pdf")
        ->capture_default_str();
    sub->add_option("--out", args->out, "file to write (default: stdout)");
    if (query) {
      sub->add_option("--group-by", args->group_by,
                      "unit, month, source, product_category, special_action or violation");
      sub->add_option("--source", args->source, "only leads of this source");
      sub->add_option("--category", args->product_category, "only this product category");
      sub->add_option("--special-action", args->special_action, "only this special action");
      sub->add_option("--violation", args->violation, "only this violation");
    }
    sub->callback([args, &exit_code, name] { exit_code = run(*args, name); });
  }
}

}  // namespace lj::cli
