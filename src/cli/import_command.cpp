#include "cli/import_command.hpp"

#include <unistd.h>
#include <CLI/CLI.hpp>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "intake/importer.hpp"
#include "refdata/data_dir.hpp"
#include "refdata/demo.hpp"
#include "store/sql/resolve_repo.hpp"
#include "store/store.hpp"

namespace lj::cli {
namespace {

struct ImportArgs {
  Common common;
  std::string kind;
  std::string file;
  size_t batch_size = 5000;
  size_t max_errors = 1000;
  bool resolve = true;
};

int fail(const std::string& what, const std::string& why) {
  std::cerr << "lijian import: " << what << ": " << why << "\n";
  return 1;
}

// Prints "imported N rows (R rows/s)" on stderr every 50,000 rows, on a terminal only.
class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled), start_(std::chrono::steady_clock::now()) {}
  void update(int64_t rows) {
    if (!enabled_ || rows - shown_ < 50000) return;
    shown_ = rows;
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    std::cerr << "\rimported " << rows << " rows ("
              << static_cast<int64_t>(rows / std::max(s, 1e-3)) << " rows/s)" << std::flush;
  }
  void finish() {
    if (enabled_ && shown_ > 0) std::cerr << "\n";
  }

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point start_;
  int64_t shown_ = 0;
};

int run_import(const ImportArgs& a) {
  auto kind = intake::parse_kind(a.kind);
  if (!kind.ok()) return fail("--kind", kind.status().message());
  auto format = intake::format_for_path(a.file);
  if (!format.ok()) return fail(a.file, format.status().message());
  if (a.batch_size == 0) return fail("--batch-size", "must be at least 1");

  std::ifstream file;
  std::unique_ptr<char[]> buffer;
  std::istream* in = &std::cin;
  if (a.file == "-") {
    std::ios::sync_with_stdio(false);
  } else {
    buffer.reset(new char[1 << 20]);
    file.rdbuf()->pubsetbuf(buffer.get(), 1 << 20);
    file.open(a.file, std::ios::binary);
    if (!file) return fail("cannot read " + a.file, std::strerror(errno));
    in = &file;
  }
  // The header is checked before the database is touched.
  auto rows = intake::open_rows(*in, *format, intake::fields_of(*kind));
  if (!rows.ok()) return fail(a.file, rows.status().message());

  auto store = open_store(a.common.db, 2);
  if (!store.ok()) return fail("cannot open the database", store.status().to_string());
  if (auto v = (*store)->migrate(); !v.ok())
    return fail("migration failed", v.status().to_string());
  auto dir = refdata::data_dir(a.common.data_dir);
  if (!dir.ok()) return fail("reference data", dir.status().to_string());
  if (Status st = refdata::load_reference(**store, *dir, a.common.province); !st.ok())
    return fail("reference data", st.to_string());
  auto context = intake::load_import_context(**store);
  if (!context.ok()) return fail("reference data", context.status().to_string());
  auto gazetteer = geo::Gazetteer::load(*dir, a.common.province);
  if (!gazetteer.ok()) return fail("reference data", gazetteer.status().to_string());
  context->gazetteer = std::make_shared<const geo::Gazetteer>(std::move(*gazetteer));

  Progress progress(isatty(STDERR_FILENO) == 1);
  intake::ImportOptions options;
  options.batch_size = a.batch_size;
  options.max_errors = a.max_errors;
  options.on_batch = [&](int64_t n) { progress.update(n); };
  // Each committed batch of leads is linked to the registry and grouped (src/resolve).
  std::optional<ResolveRepo> resolver;
  if (*kind == intake::Kind::kLeads && a.resolve) {
    auto resolve_options = resolve::options_from_env();
    if (!resolve_options.ok()) return fail("environment", resolve_options.status().message());
    auto repo = ResolveRepo::open(**store, *resolve_options);
    if (!repo.ok()) return fail("entity resolution", repo.status().to_string());
    resolver.emplace(std::move(*repo));
    options.on_leads_stored = [&](const std::vector<int64_t>& created) {
      return resolver->resolve_leads(Actor::system("import"), created).status();
    };
  }
  intake::ImportSummary summary =
      intake::import_rows(**store, Actor::system("import"), *kind, **rows, *context, options);
  progress.finish();
  std::cout << intake::summary_json(summary).dump() << "\n" << std::flush;
  if (!summary.status.ok())
    return fail("stopped",
                summary.status.to_string() +
                    " (the batches before were stored; run the same file again to finish)");
  return 0;
}

}  // namespace

void add_import_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ImportArgs>();
  auto* sub = app.add_subcommand(
      "import",
      "import leads or enterprises from CSV (header row) or NDJSON (.ndjson/.jsonl, or - for "
      "stdin); prints {\"accepted\",\"duplicates\",\"rejected\",\"errors\"}; see docs/import.md");
  sub->add_option("--db", args->common.db,
                  "database URL: sqlite://FILE or postgresql://user:pass@host:port/db")
      ->capture_default_str();
  sub->add_option("--data-dir", args->common.data_dir,
                  "reference data folder (default: found beside the binary)");
  sub->add_option("--province", args->common.province,
                  "GB/T 2260 code of the province the unit tree covers")
      ->capture_default_str();
  sub->add_option("--kind", args->kind, "what the file holds: leads or enterprises")->required();
  sub->add_option("--batch-size", args->batch_size, "rows per write transaction")
      ->capture_default_str();
  sub->add_option("--max-errors", args->max_errors,
                  "row errors listed in the summary (the rest are counted)")
      ->capture_default_str();
  sub->add_flag("!--no-resolve", args->resolve,
                "store leads without linking them to the registry (run `lijian resolve` later)");
  sub->add_option("FILE", args->file,
                  "the file: .csv, .ndjson or .jsonl; - reads NDJSON from stdin")
      ->required();
  sub->callback([args, &exit_code] { exit_code = run_import(*args); });
}

}  // namespace lj::cli
