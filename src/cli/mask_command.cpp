#include "cli/mask_command.hpp"

#include <CLI/CLI.hpp>
#include <iostream>

#include "disclose/mask_stream.hpp"

namespace lj::cli {

void add_mask_command(CLI::App& app, int& exit_code) {
  auto* sub = app.add_subcommand("mask",
                                 "mask personal data in texts: NDJSON {\"id\",\"text\"} on stdin, "
                                 "{\"id\",\"masked\",\"found\"} on stdout");
  sub->callback([&exit_code] {
    std::ios::sync_with_stdio(false);
    const int64_t bad = disclose::mask_stream(std::cin, std::cout, std::cerr);
    std::cout.flush();
    if (!std::cout) {
      std::cerr << "lijian mask: cannot write to stdout\n";
      exit_code = 1;
      return;
    }
    exit_code = bad > 0 ? 1 : 0;
  });
}

}  // namespace lj::cli
