// `lijian evaluate --db URL --period P [--unit CODE] [--notification FILE] [--json]`: the
// evaluation of a unit's leagues and counties for a period (YYYY-MM, YYYY-Qn, YYYY-Hn, YYYY)
// as JSON on stdout (docs/evaluation.md); with --notification also the 通报 draft as a PDF,
// written to FILE and stored in the reports table.
#pragma once

namespace CLI {
class App;
}

namespace lj::cli {

// Registers the subcommand; its callback sets `exit_code` (0 success, 1 with the reason on
// stderr). `exit_code` must outlive app.parse().
void add_evaluate_command(CLI::App& app, int& exit_code);

}  // namespace lj::cli
