#include "cli/flags_command.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "cases/integrity_eval.hpp"
#include "cases/schedule.hpp"
#include "cli/commands.hpp"
#include "refdata/data_dir.hpp"
#include "store/store.hpp"

namespace lj::cli {
namespace {

struct FlagsArgs {
  Common common;
  std::string unit, kind, state = "open";
  bool refresh = false;
  bool json = false;
};

int fail(const std::string& why) {
  std::cerr << "lijian flags: " << why << "\n";
  return 1;
}

int run_flags(const FlagsArgs& a) {
  if (!a.kind.empty() && a.kind != "criminal_transfer" && a.kind != "discretion" &&
      a.kind != "unfiled" && a.kind != "transfer_deadline")
    return fail("--kind must be criminal_transfer, discretion, unfiled or transfer_deadline");
  if (a.state != "open" && a.state != "resolved" && a.state != "all")
    return fail("--state must be open, resolved or all");
  auto dir = refdata::data_dir(a.common.data_dir);
  if (!dir.ok()) return fail(dir.status().message());
  auto procedure = cases::Procedure::load(*dir);
  if (!procedure.ok()) return fail(procedure.status().message());
  auto cal = calendar::WorkCalendar::load(*dir);
  if (!cal.ok()) return fail(cal.status().message());
  auto rules = cases::IntegrityRules::load(*dir);
  if (!rules.ok()) return fail(rules.status().message());
  auto store = open_store(a.common.db, 2);
  if (!store.ok()) return fail(store.status().message());
  if (auto v = (*store)->migrate(); !v.ok()) return fail(v.status().message());
  Actor actor = Actor::system("flags");
  if (!a.unit.empty()) {
    auto unit = (*store)->get_unit(a.unit);
    if (!unit.ok()) return fail("--unit: no unit " + a.unit);
    actor.unit_code = unit->code;
    actor.unit_path = unit->path;
  }
  CaseFactsRepo repo((*store)->sql());
  Json out = Json::object();
  if (a.refresh) {
    // The same run as serve's housekeeping (cases/schedule.hpp); escalation and the removal of
    // expired dishonesty listings only without --unit.
    auto r = cases::run_schedule((*store)->sql(), *procedure, *cal, *rules, actor);
    if (!r.ok()) return fail(r.status().message());
    out["refreshed"] = cases::to_json(*r);
  }
  FlagQuery q;
  q.kind = a.kind;
  q.state = a.state;
  q.limit = 100000;
  auto list = repo.list_flags(actor, q);
  if (!list.ok()) return fail(list.status().message());
  Json items = Json::array();
  for (const auto& f : *list) items.push_back(to_json(f));
  out["items"] = items;
  std::cout << out.dump(a.json ? -1 : 2) << "\n";
  return std::cout ? 0 : 1;
}

}  // namespace

void add_flags_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<FlagsArgs>();
  auto* sub = app.add_subcommand(
      "flags", "integrity flags (criminal transfer, discretion, 有案不立) as JSON on stdout");
  sub->add_option("--db", args->common.db, "database URL (CONTRACTS.md)");
  sub->add_option("--data-dir", args->common.data_dir,
                  "reference data folder (default: found beside the binary)");
  sub->add_option("--unit", args->unit, "only flags below this unit (6-digit code)");
  sub->add_option("--kind", args->kind,
                  "criminal_transfer | discretion | unfiled | transfer_deadline");
  sub->add_option("--state", args->state, "open (default) | resolved | all");
  sub->add_flag("--refresh", args->refresh,
                "run the scheduled work first: re-evaluate open cases and verified leads "
                "(time-based checks), escalate overdue supervision reports, remove expired "
                "dishonesty listings (as serve does every 10 minutes)");
  sub->add_flag("--json", args->json, "one line of JSON (default: indented)");
  sub->callback([args, &exit_code] { exit_code = run_flags(*args); });
}

}  // namespace lj::cli
