// `lijian screen risk|hotspots|trends` (docs/screening.md): the screening results as JSON on
// stdout, for batch work and scripting; the same figures as GET /api/v1/screening/*.
#pragma once

namespace CLI {
class App;
}

namespace lj::cli {

// Registers the subcommand on `app`. Its callbacks print one JSON document on stdout (compact
// with --json, indented otherwise) and set `exit_code`: 0 on success, 1 when the database,
// the unit or a filter is wrong (message on stderr). `exit_code` must outlive app.parse().
void add_screen_command(CLI::App& app, int& exit_code);

}  // namespace lj::cli
