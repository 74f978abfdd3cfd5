#include "cli/resolve_command.hpp"

#include <CLI/CLI.hpp>

#include <chrono>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "refdata/data_dir.hpp"
#include "refdata/demo.hpp"
#include "store/sql/resolve_repo.hpp"

namespace lj::cli {
namespace {

struct ResolveArgs {
  Common common;
  bool all = false;
  std::optional<double> high, low;
  std::optional<int> window_days;
  int batch = 2000;
};

int fail(const std::string& what, const std::string& why) {
  std::cerr << "lijian resolve: " << what << ": " << why << "\n";
  return 1;
}

int run_resolve(const ResolveArgs& a) {
  auto options = resolve::options_from_env();
  if (!options.ok()) return fail("environment", options.status().message());
  if (a.high) options->high = *a.high;
  if (a.low) options->low = *a.low;
  if (a.window_days) options->window_days = *a.window_days;
  if (Status st = resolve::validate(*options); !st.ok())
    return fail("--" + st.field(), st.message());
  if (a.batch < 1) return fail("--batch-size", "must be at least 1");

  auto store = open_store(a.common.db, 2);
  if (!store.ok()) return fail("cannot open the database", store.status().to_string());
  if (auto v = (*store)->migrate(); !v.ok())
    return fail("migration failed", v.status().to_string());
  auto dir = refdata::data_dir(a.common.data_dir);
  if (!dir.ok()) return fail("reference data", dir.status().to_string());
  if (Status st = refdata::load_reference(**store, *dir, a.common.province); !st.ok())
    return fail("reference data", st.to_string());
  auto repo = ResolveRepo::open(**store, *options);
  if (!repo.ok()) return fail("entity resolution", repo.status().to_string());
  const auto start = std::chrono::steady_clock::now();
  auto summary = repo->resolve_pending(Actor::system("resolve"), a.all, a.batch);
  if (!summary.ok())
    return fail("stopped", summary.status().to_string() + " (run it again to finish)");
  Json out = summary->to_json();
  out["seconds"] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << out.dump() << "\n" << std::flush;
  return 0;
}

}  // namespace

void add_resolve_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ResolveArgs>();
  auto* sub = app.add_subcommand(
      "resolve",
      "link leads to registry enterprises (exact USCC, else scored on name, address and region) "
      "and group them into matters; prints {\"leads\",\"linked\",\"review\",\"unmatched\",...}; "
      "see docs/entity-resolution.md");
  add_common_options(sub, args->common);
  sub->add_flag(
      "--all", args->all,
      "also re-match the leads that found no enterprise before (after a registry import)");
  sub->add_option("--high", args->high,
                  "score from which a lead is linked automatically (default 0.85)")
      ->check(CLI::Range(0.0, 1.0));
  sub->add_option("--low", args->low, "score from which a review-queue item is made (default 0.60)")
      ->check(CLI::Range(0.0, 1.0));
  sub->add_option("--window-days", args->window_days,
                  "days from a matter's first lead within which like leads join it (default 90)")
      ->check(CLI::Range(0, 3660));
  sub->add_option("--batch-size", args->batch, "leads per write transaction")
      ->capture_default_str();
  sub->callback([args, &exit_code] { exit_code = run_resolve(*args); });
}

}  // namespace lj::cli
