// Bulk import of leads, enterprises and sampling results (CONTRACTS.md, `lijian import`): rows are read and
// validated on one thread while the previous batch is written on the calling thread, one write
// transaction per batch.
//
// Crash behaviour: a batch is committed whole or not at all, and every record is keyed
// ((source, source_id) for leads; uscc, else (name, region_code), for enterprises; the report
// no. for sampling results, whose failed rows also become leads keyed ("sampling", report no.)), so a run
// killed mid-file leaves whole batches behind and running the same file again stores each row
// exactly once — the rows of the committed batches count as duplicates.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "classify/classifier.hpp"
#include "intake/records.hpp"
#include "intake/route.hpp"
#include "intake/rows.hpp"
#include "model/vocabulary.hpp"
#include "store/store.hpp"

namespace lj::intake {

struct ImportOptions {
  size_t batch_size = 5000;  // valid rows per write transaction
  size_t max_errors = 1000;  // row errors kept for the summary; the rest are only counted
  // Called on the calling thread after each committed batch with the rows read so far
  // (stored, duplicate and rejected).
  std::function<void(int64_t rows)> on_batch;
  // Called on the calling thread after each committed batch of leads with the ids of the leads
  // it created (e.g. entity resolution, src/resolve); an error stops the run like a store error.
  std::function<Status(const std::vector<int64_t>& created)> on_leads_stored;
};

struct RowError {
  int64_t line = 0;   // physical line where the row starts (CSV: the header is line 1)
  std::string field;  // empty when the error concerns the whole row (malformed CSV, not JSON)
  std::string reason;
};

struct ImportSummary {
  int64_t accepted = 0;    // rows stored by this run
  int64_t duplicates = 0;  // rows whose key was stored already (or earlier in the file)
  int64_t rejected = 0;    // rows with an error: one entry each in `errors`, up to the cap
  std::vector<RowError> errors;
  // Ok when the whole input was read; otherwise why the run stopped (a store or read failure):
  // the batches committed before stay, and re-running the file completes it.
  Status status;

  bool errors_truncated() const { return rejected > static_cast<int64_t>(errors.size()); }
};

// The summary of CONTRACTS.md: {"accepted":N,"duplicates":N,"rejected":N,"errors":[{"line":L,
// "field":"...","reason":"..."}]}, plus "errors_truncated":true and "errors_omitted":N when
// more rows were rejected than the errors kept.
nlohmann::ordered_json summary_json(const ImportSummary& s);

// What validating and routing rows needs from the store: the codes and the unit tree.
struct ImportContext {
  Vocabulary vocab;
  UnitIndex units;
  std::shared_ptr<const geo::Gazetteer> gazetteer;  // null: leads are routed by region code only
  std::map<std::string, std::string> category_action;  // product category -> its special action
  // Fills the labels a lead came without and records where they came from (classify/service.hpp
  // label_lead); null: leads keep the labels they came with.
  std::shared_ptr<const classify::Classifier> classifier;
};
Result<ImportContext> load_import_context(Store& store);

// Reads every row of `rows`, validates it as `kind` and stores the valid ones in batches as
// `actor`. Rows with errors are rejected and reported; the others stored or counted as
// duplicates. Leads are routed with route_lead.
ImportSummary import_rows(Store& store, const Actor& actor, Kind kind, RowReader& rows,
                          const ImportContext& context, const ImportOptions& options = {});

}  // namespace lj::intake
