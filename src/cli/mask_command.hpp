// `lijian mask` (CONTRACTS.md): NDJSON {"id":..., "text":"..."} on stdin, the text as it would be
// published with every piece of personal data masked on stdout (src/disclose/masking.hpp).
#pragma once

namespace CLI {
class App;
}

namespace lj::cli {

// Registers the subcommand; its callback sets `exit_code` (0, or 1 when a line was bad or
// stdout failed). `exit_code` must outlive app.parse().
void add_mask_command(CLI::App& app, int& exit_code);

}  // namespace lj::cli
