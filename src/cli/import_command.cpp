#include "cli/import_command.hpp"

#include <unistd.h>
#include <CLI/CLI.hpp>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <iostream>
#include <memory>

#include "classify/service.hpp"
#include "cli/commands.hpp"
#include "intake/importer.hpp"
#include "intake/import_file.hpp"
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
  int64_t xlsx_max_mib = intake::XlsxLimits{}.max_uncompressed_bytes >> 20;
  int64_t xlsx_max_strings = intake::XlsxLimits{}.max_shared_strings;
  bool resolve = true;
};

int fail(const std::string& what, const std::string& why) {
  std::cerr << "lijian import: " << what << ": " << why << "\n";
  return 1;
}

// On a terminal only, prints on stderr at most twice a second: "imported N rows (R rows/s),
// P% of the file, about S s left" (the percentage and the estimate when the part read is known).
class Progress {
 public:
  explicit Progress(bool enabled) : enabled_(enabled), start_(std::chrono::steady_clock::now()) {}
  // `fraction`: the part of the input read, 0..1, or negative when unknown.
  void update(int64_t rows, double fraction) {
    if (!enabled_) return;
    auto now = std::chrono::steady_clock::now();
    if (shown_ && now - last_ < std::chrono::milliseconds(500)) return;
    shown_ = true;
    last_ = now;
    double s = std::chrono::duration<double>(now - start_).count();
    std::cerr << "\rimported " << rows << " rows ("
              << static_cast<int64_t>(rows / std::max(s, 1e-3)) << " rows/s)";
    if (fraction > 0) {
      fraction = std::min(fraction, 1.0);
      std::cerr << ", " << static_cast<int>(fraction * 100) << "% of the file, about "
                << static_cast<int64_t>(s * (1 - fraction) / fraction + 0.5) << " s left";
    }
    std::cerr << "   " << std::flush;
  }
  void finish() {
    if (enabled_ && shown_) std::cerr << "\n";
  }

 private:
  bool enabled_;
  std::chrono::steady_clock::time_point start_, last_;
  bool shown_ = false;
};

int run_import(const ImportArgs& a) {
  auto kind = intake::parse_kind(a.kind);
  if (!kind.ok()) return fail("--kind", kind.status().message());
  auto format = intake::format_for_path(a.file);
  if (!format.ok()) return fail(a.file, format.status().message());
  if (a.batch_size == 0) return fail("--batch-size", "must be at least 1");
  if (a.xlsx_max_mib < 1 || a.xlsx_max_mib > (int64_t{1} << 30))
    return fail("--xlsx-max-mib", "must be from 1 to 2^30");
  if (a.xlsx_max_strings < 0) return fail("--xlsx-max-strings", "must not be negative");

  // The header is checked before the database is touched.
  const intake::FieldSet fields = intake::fields_of(*kind);
  std::unique_ptr<intake::ImportFile> file;
  std::unique_ptr<intake::RowReader> stdin_rows;
  if (a.file == "-") {
    std::ios::sync_with_stdio(false);
    auto rows = intake::open_rows(std::cin, *format, fields);
    if (!rows.ok()) return fail(a.file, rows.status().message());
    stdin_rows = std::move(*rows);
  } else {
    intake::XlsxLimits limits;
    limits.max_uncompressed_bytes = a.xlsx_max_mib << 20;
    limits.max_shared_strings = a.xlsx_max_strings;
    auto opened = intake::ImportFile::open(a.file, *format, fields, limits);
    if (!opened.ok()) return fail(a.file, opened.status().message());
    file = std::move(*opened);
  }
  intake::RowReader& reader = file ? file->rows() : *stdin_rows;
  auto fraction = [&]() -> double { return file ? file->fraction_read() : -1; };

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
  if (*kind == intake::Kind::kLeads) {
    auto classifier = classify::load_store_classifier(**store, *dir);
    if (!classifier.ok()) return fail("classification rules", classifier.status().to_string());
    context->classifier = *classifier;
  }

  Progress progress(isatty(STDERR_FILENO) == 1);
  intake::ImportOptions options;
  options.batch_size = a.batch_size;
  options.max_errors = a.max_errors;
  options.on_batch = [&](int64_t n) { progress.update(n, fraction()); };
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
      intake::import_rows(**store, Actor::system("import"), *kind, reader, *context, options);
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
      "import leads, enterprises or sampling results from CSV (header row), XLSX (first sheet, "
      "header row) or NDJSON (.ndjson/.jsonl, or - for stdin); prints {\"accepted\",\"duplicates\","
      "\"rejected\",\"errors\"}; see docs/import.md");
  add_common_options(sub, args->common);
  sub->add_option("--kind", args->kind, "what the file holds: leads, enterprises or sampling")->required();
  sub->add_option("--batch-size", args->batch_size, "rows per write transaction")
      ->capture_default_str();
  sub->add_option("--max-errors", args->max_errors,
                  "row errors listed in the summary (the rest are counted)")
      ->capture_default_str();
  sub->add_option("--xlsx-max-mib", args->xlsx_max_mib,
                  "XLSX: refuse a workbook that inflates past this many MiB (zip bombs)")
      ->capture_default_str();
  sub->add_option("--xlsx-max-strings", args->xlsx_max_strings,
                  "XLSX: refuse a workbook with more shared strings than this")
      ->capture_default_str();
  sub->add_flag("!--no-resolve", args->resolve,
                "store leads without linking them to the registry (run `lijian resolve` later)");
  sub->add_option("FILE", args->file,
                  "the file: .csv, .xlsx, .ndjson or .jsonl; - reads NDJSON from stdin")
      ->required();
  sub->callback([args, &exit_code] { exit_code = run_import(*args); });
}

}  // namespace lj::cli
