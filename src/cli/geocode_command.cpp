#include "cli/geocode_command.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <memory>

#include "geo/gazetteer.hpp"
#include "geo/geocode_stream.hpp"
#include "refdata/data_dir.hpp"

namespace lj::cli {

void add_geocode_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<GeocodeOptions>();
  auto* sub = app.add_subcommand(
      "geocode",
      "place addresses on GB/T 2260 divisions: NDJSON {\"id\":...,\"address\":\"...\"} on stdin, "
      "{\"id\":...,\"division_code\":...,\"level\":...,\"name\":...} on stdout, same order");
  sub->add_option("--data-dir", options->data_dir,
                  "reference data folder (default: found beside the binary)");
  sub->add_option(
      "--province", options->province,
      "place only within this province (GB/T 2260 code, e.g. 150000); default: all of China");
  sub->callback([options, &exit_code] { exit_code = run_geocode(*options); });
}

int run_geocode(const GeocodeOptions& options) {
  auto dir = refdata::data_dir(options.data_dir);
  if (!dir.ok()) {
    std::cerr << "lijian geocode: " << dir.status().message() << "\n";
    return 1;
  }
  auto gazetteer = geo::Gazetteer::load(*dir, options.province);
  if (!gazetteer.ok()) {
    std::cerr << "lijian geocode: cannot load divisions: " << gazetteer.status().message() << "\n";
    return 1;
  }
  std::ios::sync_with_stdio(false);
  geo::geocode_stream(*gazetteer, std::cin, std::cout);
  if (!std::cout) {
    std::cerr << "lijian geocode: cannot write to stdout\n";
    return 1;
  }
  return 0;
}

}  // namespace lj::cli
