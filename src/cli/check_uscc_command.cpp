#include "cli/check_uscc_command.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

#include "text/identifiers.hpp"

namespace lj::cli {

void add_check_uscc_command(CLI::App& app, int& exit_code) {
  auto* sub = app.add_subcommand(
      "check-uscc",
      "check unified social credit codes (GB 32100-2015) given one per line on stdin");
  sub->callback([&exit_code] {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    text::check_uscc_stream(std::cin, std::cout);
    std::cout.flush();
    if (!std::cout) {
      std::cerr << "lijian: check-uscc: cannot write the output\n";
      exit_code = 1;
      return;
    }
    exit_code = 0;
  });
}

}  // namespace lj::cli
