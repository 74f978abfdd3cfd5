#include "cli/screen_command.hpp"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "refdata/data_dir.hpp"
#include "refdata/demo.hpp"
#include "screen/report_json.hpp"
#include "store/sql/screen_repo.hpp"
#include "store/store.hpp"

namespace lj::cli {
namespace {

struct ScreenArgs {
  Common common;
  bool json = false;
  std::string unit;  // the scope: this unit's subtree (default: the province)
  // risk
  std::string category, as_of;
  int limit = 50, offset = 0;
  int64_t enterprise = 0;
  double half_life = 12;
  std::vector<std::string> weights;
  // hotspots
  std::string level = "county";
  bool flagged = false;
  double flag_level = 0.95;
  // trends
  std::string group = "special_action", from, to;
};

int fail(const std::string& what, const Status& st) {
  std::cerr << "lijian screen: " << what << ": " << st.to_string() << "\n";
  return 1;
}

// An analyst of `unit` (default: the province's root unit), as the API would see one.
Result<Actor> analyst_of(Store& store, const std::string& unit_code, const std::string& province) {
  const std::string code = unit_code.empty() ? province.substr(0, 2) + "0000" : unit_code;
  auto unit = store.get_unit(code);
  if (!unit.ok()) return Status::Invalid("unit", "no unit with code " + code);
  Actor a;
  a.username = "cli:screen";
  a.role = Role::kAnalyst;
  a.unit_code = unit->code;
  a.unit_path = unit->path;
  a.via = "cli";
  return a;
}

Status apply_weights(const std::vector<std::string>& weights, screen::RiskConfig& config) {
  for (const std::string& w : weights) {
    const size_t eq = w.find('=');
    if (eq == std::string::npos) return Status::Invalid("weight", "--weight takes NAME=POINTS");
    const std::string name = w.substr(0, eq);
    double v = 0;
    try {
      v = std::stod(w.substr(eq + 1));
    } catch (...) {
      return Status::Invalid("weight", "--weight " + name + ": not a number");
    }
    if (v < 0) return Status::Invalid("weight", "--weight " + name + ": must not be negative");
    if (name == "sampling_failures")
      config.w_sampling_failures = v;
    else if (name == "complaints")
      config.w_complaints = v;
    else if (name == "prior_cases")
      config.w_prior_cases = v;
    else if (name == "dishonesty")
      config.w_dishonesty = v;
    else if (name == "dishonesty_list")
      config.w_dishonesty_list = v;
    else if (name == "category")
      config.w_category = v;
    else if (name == "recency")
      config.w_recency = v;
    else
      return Status::Invalid("weight", "unknown factor '" + name +
                                           "' (sampling_failures, complaints, prior_cases, "
                                           "dishonesty, dishonesty_list, category, recency)");
  }
  return Status::Ok();
}

void print(const Json& j, bool compact) {
  std::cout << (compact ? j.dump() : j.dump(2)) << "\n";
}

int run(const ScreenArgs& a, const std::string& what) {
  auto store = open_store(a.common.db, 2);
  if (!store.ok()) return fail("cannot open the database", store.status());
  if (auto v = (*store)->migrate(); !v.ok()) return fail("migration failed", v.status());
  auto dir = refdata::data_dir(a.common.data_dir);
  if (!dir.ok()) return fail("reference data", dir.status());
  if (Status st = refdata::load_reference(**store, *dir, a.common.province); !st.ok())
    return fail("reference data", st);
  auto actor = analyst_of(**store, a.unit, a.common.province);
  if (!actor.ok()) return fail("--unit", actor.status());
  SqlStore& sql = (*store)->sql();

  if (what == "risk") {
    screen::RiskConfig config;
    config.half_life_months = a.half_life;
    if (Status st = apply_weights(a.weights, config); !st.ok()) return fail("--weight", st);
    if (a.enterprise > 0) {
      auto s = sql::enterprise_risk(sql, *actor, a.enterprise, a.as_of, config);
      if (!s.ok()) return fail("--enterprise", s.status());
      print(screen::to_json(*s), a.json);
      return 0;
    }
    sql::RiskQuery q{a.unit, a.category, a.as_of, a.limit, a.offset};
    auto r = sql::risk_ranking(sql, *actor, q, config);
    if (!r.ok()) return fail("risk", r.status());
    Json items = Json::array();
    for (const screen::RiskScore& s : r->items) items.push_back(screen::to_json(s));
    print(Json{{"as_of", r->as_of}, {"total", r->total}, {"items", std::move(items)}}, a.json);
    return 0;
  }
  if (what == "hotspots") {
    screen::HotspotConfig config;
    config.flag_level = a.flag_level;
    sql::HotspotQuery q{a.level, a.category, a.flagged};
    auto rows = sql::hotspots(sql, *actor, q, config);
    if (!rows.ok()) return fail("hotspots", rows.status());
    Json items = Json::array();
    for (const screen::Hotspot& h : *rows) items.push_back(screen::to_json(h));
    print(Json{{"level", a.level}, {"flag_level", a.flag_level}, {"items", std::move(items)}},
          a.json);
    return 0;
  }
  sql::TrendQuery q{a.group, a.from, a.to, a.unit};
  auto rows = sql::trends(sql, *actor, q);
  if (!rows.ok()) return fail("trends", rows.status());
  Json items = Json::array();
  for (const screen::TrendRow& t : *rows) items.push_back(screen::to_json(t));
  print(Json{{"by", "month"}, {"group", a.group}, {"items", std::move(items)}}, a.json);
  return 0;
}

void add_screen_options(CLI::App* sub, ScreenArgs& a) {
  add_common_options(sub, a.common);
  sub->add_flag("--json", a.json, "print compact JSON (one line); indented otherwise");
  sub->add_option("--unit", a.unit,
                  "scope: this unit's subtree, as an analyst of that unit sees it (default: the "
                  "province)");
}

}  // namespace

void add_screen_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ScreenArgs>();
  auto* screen = app.add_subcommand(
      "screen",
      "big-data screening: risk ranking, hotspots, trends as JSON; see docs/screening.md");
  screen->require_subcommand(1);

  auto* risk = screen->add_subcommand(
      "risk", "enterprises ranked by explainable risk score, each factor's points and share");
  add_screen_options(risk, *args);
  risk->add_option("--category", args->category, "only enterprises whose main category is this");
  risk->add_option("--as-of", args->as_of,
                   "month YYYY-MM the decay counts from (default: newest data)");
  risk->add_option("--limit", args->limit, "items to print")
      ->capture_default_str()
      ->check(CLI::Range(1, 100000));
  risk->add_option("--offset", args->offset, "items to skip")
      ->capture_default_str()
      ->check(CLI::NonNegativeNumber);
  risk->add_option("--enterprise", args->enterprise, "one enterprise's score and factors (its id)");
  risk->add_option("--half-life", args->half_life, "months in which an event's weight halves")
      ->capture_default_str()
      ->check(CLI::Range(0.5, 240.0));
  risk->add_option("--weight", args->weights,
                   "NAME=POINTS for a factor (sampling_failures 35, complaints 20, prior_cases 20, "
                   "dishonesty 15, category 5, recency 5); repeatable");
  risk->callback([args, &exit_code] { exit_code = run(*args, "risk"); });

  auto* hot = screen->add_subcommand(
      "hotspots", "non-conformance and complaint rates by division and category, empirical Bayes");
  add_screen_options(hot, *args);
  hot->add_option("--level", args->level, "county or league")
      ->capture_default_str()
      ->check(CLI::IsMember({"county", "league"}));
  hot->add_option("--category", args->category, "one product category");
  hot->add_flag("--flagged", args->flagged, "only flagged divisions");
  hot->add_option("--flag-level", args->flag_level,
                  "posterior probability of exceeding the province's rate needed to flag")
      ->capture_default_str()
      ->check(CLI::Range(0.5, 0.9999));
  hot->callback([args, &exit_code] { exit_code = run(*args, "hotspots"); });

  auto* trend = screen->add_subcommand("trends", "leads and sampling failures by month and group");
  add_screen_options(trend, *args);
  trend->add_option("--group", args->group, "special_action, product_category or source")
      ->capture_default_str()
      ->check(CLI::IsMember({"special_action", "product_category", "source"}));
  trend->add_option("--from", args->from, "first month YYYY-MM");
  trend->add_option("--to", args->to, "last month YYYY-MM");
  trend->callback([args, &exit_code] { exit_code = run(*args, "trends"); });
}

}  // namespace lj::cli
