// `lijian geocode` (CONTRACTS.md): NDJSON addresses on stdin, their divisions on stdout.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace lj::cli {

struct GeocodeOptions {
  std::string data_dir;  // reference data; found automatically when empty
  std::string province;  // "15" or "150000" to place within one province; empty: all of China
};

// Registers the subcommand on `app`. Its callback, run by app.parse(), answers stdin on stdout
// (lj::geo::geocode_stream) and sets `exit_code` to run_geocode's status. `exit_code` must
// outlive app.parse().
void add_geocode_command(CLI::App& app, int& exit_code);

// 0 after the whole input is answered (bad lines included); 1 when the reference data cannot be
// loaded or stdout cannot be written (message on stderr).
int run_geocode(const GeocodeOptions& options);

}  // namespace lj::cli
