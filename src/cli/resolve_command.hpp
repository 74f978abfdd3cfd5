// `lijian resolve --db URL [--all]`: links the leads without a match to the registry and groups
// them into matters (docs/entity-resolution.md); one JSON summary on stdout.
#pragma once

namespace CLI {
class App;
}

namespace lj::cli {

// Registers the subcommand; its callback sets `exit_code` (0 done, 1 on bad input or a store
// failure with the message on stderr). `exit_code` must outlive app.parse().
void add_resolve_command(CLI::App& app, int& exit_code);

}  // namespace lj::cli
