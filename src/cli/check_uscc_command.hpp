// `lijian check-uscc` (CONTRACTS.md): a filter over stdin, one code per line.
#pragma once

namespace CLI {
class App;
}

namespace lj::cli {

// Registers the subcommand on `app`. Its callback, run by app.parse(), reads codes from stdin
// and writes the verdicts to stdout (lj::text::check_uscc_stream), then sets `exit_code`: 0
// when it ran, invalid codes included (it is a checker), 1 when stdout could not be written.
// `exit_code` must outlive app.parse().
void add_check_uscc_command(CLI::App& app, int& exit_code);

}  // namespace lj::cli
