// `lijian train --db URL`: trains the classifier model from the officer-confirmed labels of the
// database, stores it there (servers pick it up) and prints its metrics as JSON.
#pragma once

#include <string>

namespace CLI {
class App;
}

namespace lj::cli {

struct TrainCommandOptions {
  std::string db = "sqlite://lijian.db";
  int epoch = 25;
  int threads = 1;
};

void add_train_command(CLI::App& app, int& exit_code);

// 0 after a model was stored (metrics JSON on stdout); 1 when there are too few confirmed leads
// or the database fails (message on stderr).
int run_train(const TrainCommandOptions& options);

}  // namespace lj::cli
