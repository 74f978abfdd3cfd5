#include "cli/train_command.hpp"

#include <CLI/CLI.hpp>
#include <iostream>

#include "classify/service.hpp"

namespace lj::cli {

void add_train_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<TrainCommandOptions>();
  auto* sub = app.add_subcommand(
      "train",
      "train the classifier model from the labels officers confirmed, store it in the database "
      "and print its metrics as JSON (training size, held-out accuracy, precision and recall per "
      "label)");
  sub->add_option("--db", options->db,
                  "database URL: sqlite://FILE or postgresql://user:pass@host:port/db")
      ->capture_default_str();
  sub->add_option("--epoch", options->epoch, "training passes over the examples")
      ->capture_default_str()
      ->check(CLI::Range(1, 1000));
  sub->add_option("--threads", options->threads, "training threads (1 is reproducible)")
      ->capture_default_str()
      ->check(CLI::Range(1, 64));
  sub->callback([options, &exit_code] { exit_code = run_train(*options); });
}

int run_train(const TrainCommandOptions& options) {
  auto fail = [](const std::string& what, const std::string& why) {
    std::cerr << "lijian train: " << what << ": " << why << "\n";
    return 1;
  };
  auto store = open_store(options.db, 2);
  if (!store.ok()) return fail("cannot open the database", store.status().to_string());
  if (auto v = (*store)->migrate(); !v.ok())
    return fail("migration failed", v.status().to_string());
  classify::TrainOptions train;
  train.epoch = options.epoch;
  train.threads = options.threads;
  auto model = classify::train_and_store(**store, Actor::system("train"), train);
  if (!model.ok()) return fail("training failed", model.status().to_string());
  Json out = model->metrics;
  out["model_id"] = model->id;
  out["created_at"] = model->created_at;
  std::cout << out.dump() << "\n" << std::flush;
  return 0;
}

}  // namespace lj::cli
