// `lijian import` (CONTRACTS.md): bulk import of leads or enterprises from CSV or NDJSON.
#pragma once

namespace CLI {
class App;
}

namespace lj::cli {

// Registers the subcommand on `app`. Its callback, run by app.parse(), imports the file and
// prints the JSON summary on stdout (intake::summary_json), then sets `exit_code`: 0 when the
// file was processed (rejected rows included), 1 when it could not be read, its header lacks
// required columns or names unknown ones, --kind is unknown, or the database failed (message
// on stderr). Usage errors stay CLI11's (exit 2). `exit_code` must outlive app.parse().
void add_import_command(CLI::App& app, int& exit_code);

}  // namespace lj::cli
