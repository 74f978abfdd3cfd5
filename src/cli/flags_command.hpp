// `lijian flags --db URL [--json] [--refresh] [--unit CODE] [--kind K] [--state S]`: the
// integrity flags below a unit (default the whole tree) as JSON on stdout; --refresh first
// re-evaluates every open case and every verified lead (the time-based 有案不立 check) and
// reports what it raised and resolved (docs/case-facts.md).
#pragma once

namespace CLI {
class App;
}

namespace lj::cli {

// Registers the subcommand; its callback sets `exit_code` (0 with the JSON on stdout, 1 with
// the reason on stderr). `exit_code` must outlive app.parse().
void add_flags_command(CLI::App& app, int& exit_code);

}  // namespace lj::cli
