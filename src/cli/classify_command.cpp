#include "cli/classify_command.hpp"

#include <CLI/CLI.hpp>
#include <iostream>

#include "classify/service.hpp"
#include "model/ndjson_texts.hpp"
#include "refdata/data_dir.hpp"

namespace lj::cli {

void add_classify_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ClassifyOptions>();
  auto* sub = app.add_subcommand(
      "classify",
      "classify leads: NDJSON {\"id\":...,\"text\":\"...\",\"channel\":\"online\"|\"offline\"} on "
      "stdin, {\"id\",\"product_category\",\"special_actions\",\"violations\",\"confidence\"} on "
      "stdout, same order; keyword rules, plus the trained model with --db "
      "(docs/classification.md)");
  sub->add_option("--db", options->db,
                  "database whose newest trained model is used (default: keyword rules only)");
  sub->add_option("--data-dir", options->data_dir,
                  "reference data folder (default: found beside the binary)");
  sub->add_flag("--reasons", options->reasons,
                "add \"sources\", \"reasons\" (keywords and where they matched) and \"model_id\"");
  sub->callback([options, &exit_code] { exit_code = run_classify(*options); });
}

int64_t classify_stream(const classify::Classifier& classifier, std::istream& in, std::ostream& out,
                        std::ostream& err, bool reasons) {
  return ndjson_texts(in, out, err, "lijian classify", [&](const Json& j, const Json& id) {
    NdjsonAnswer a;
    bool online = false;
    if (j.contains("channel") && !j["channel"].is_null()) {
      const Json& ch = j["channel"];
      if (!ch.is_string() || (ch != "online" && ch != "offline")) {
        a.error = "field channel: must be \"online\" or \"offline\"";
        return a;
      }
      online = ch == "online";
    }
    const classify::Classification c = classifier.classify(j["text"].get<std::string>(), online);
    // Members in the order of CONTRACTS.md, then the reasons.
    const Json fields = classify::to_json(c, reasons);
    a.line["id"] = id;
    for (const char* k : {"product_category", "special_actions", "violations", "confidence",
                          "sources", "reasons", "model_id"})
      if (fields.contains(k)) a.line[k] = fields[k];
    return a;
  });
}

int run_classify(const ClassifyOptions& options) {
  auto dir = refdata::data_dir(options.data_dir);
  if (!dir.ok()) {
    std::cerr << "lijian classify: " << dir.status().message() << "\n";
    return 1;
  }
  std::shared_ptr<const classify::Classifier> classifier;
  std::unique_ptr<Store> store;
  if (!options.db.empty()) {
    auto opened = open_store(options.db, 2);
    if (!opened.ok()) {
      std::cerr << "lijian classify: cannot open the database: " << opened.status().to_string()
                << "\n";
      return 1;
    }
    store = std::move(*opened);
    if (auto v = store->migrate(); !v.ok()) {
      std::cerr << "lijian classify: migration failed: " << v.status().to_string() << "\n";
      return 1;
    }
    auto loaded = classify::load_store_classifier(*store, *dir);
    if (!loaded.ok()) {
      std::cerr << "lijian classify: " << loaded.status().to_string() << "\n";
      return 1;
    }
    classifier = *loaded;
  } else {
    auto loaded = classify::load_rules_classifier(*dir);
    if (!loaded.ok()) {
      std::cerr << "lijian classify: " << loaded.status().to_string() << "\n";
      return 1;
    }
    classifier = *loaded;
  }
  std::ios::sync_with_stdio(false);
  const int64_t bad = classify_stream(*classifier, std::cin, std::cout, std::cerr, options.reasons);
  std::cout.flush();
  if (!std::cout) {
    std::cerr << "lijian classify: cannot write to stdout\n";
    return 1;
  }
  return bad > 0 ? 1 : 0;
}

}  // namespace lj::cli
