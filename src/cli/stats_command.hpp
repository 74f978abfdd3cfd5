// `lijian stats rebuild|verify|query|summary` (docs/statistics.md): the roll-ups rebuilt from
// and checked against the base tables, and the statistics and campaign summary for batch work.
#pragma once

namespace CLI {
class App;
}

namespace lj::cli {

// Registers the subcommand on `app`; callbacks set `exit_code`: 0 on success, 1 on bad input or
// (verify) a difference between roll-ups and base tables. `exit_code` must outlive app.parse().
void add_stats_command(CLI::App& app, int& exit_code);

}  // namespace lj::cli
