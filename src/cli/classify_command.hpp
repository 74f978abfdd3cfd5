// `lijian classify` (CONTRACTS.md): NDJSON {"id","text","channel"} on stdin, one classification
// per line on stdout in the same order.
#pragma once

#include <iosfwd>
#include <string>

#include "classify/classifier.hpp"

namespace CLI {
class App;
}

namespace lj::cli {

struct ClassifyOptions {
  std::string db;        // optional: use this database's codes and newest trained model
  std::string data_dir;  // reference data; found automatically when empty
  bool reasons = false;  // add sources, reasons and model_id to each line
};

void add_classify_command(CLI::App& app, int& exit_code);

// Answers every line of `in` on `out`. A line that is not a JSON object with a string "text"
// (or whose channel is neither online nor offline) gets {"id":...,"error":{"line":N,
// "message":...}} in its place and a message on `err`. Blank lines are skipped. Returns the
// number of bad lines.
int64_t classify_stream(const classify::Classifier& classifier, std::istream& in, std::ostream& out,
                        std::ostream& err, bool reasons);

// 0 when every line was answered, 1 when some line was bad or the rules cannot be loaded.
int run_classify(const ClassifyOptions& options);

}  // namespace lj::cli
