// `lijian deadlines --db URL --json [--unit CODE] [--as-of DATE] [--within N] [--kind K]`: the
// running statutory periods of the cases in a unit's subtree (default the whole tree), earliest
// due first, with their status on the given day (docs/deadlines.md).
#pragma once

namespace CLI {
class App;
}

namespace lj::cli {

// Registers the subcommand; its callback sets `exit_code` (0 with the JSON on stdout, 1 with
// the reason on stderr). `exit_code` must outlive app.parse().
void add_deadlines_command(CLI::App& app, int& exit_code);

}  // namespace lj::cli
