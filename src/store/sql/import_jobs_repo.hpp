// Import jobs (table import_jobs, migration 6): files uploaded to POST /api/v1/imports, run by
// the server that received them (api/import_jobs.hpp), their progress and outcome.
// Every function runs its own transaction. Reads are scoped: a job belongs to the uploader's
// unit, and a job outside the actor's subtree answers kNotFound like a missing one. Creating and
// ending a job write an audit entry (entity "import_job"); progress counters do not.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace lj::sql {

struct ImportJob {
  int64_t id = 0;
  std::string kind;    // leads | enterprises | sampling
  std::string format;  // csv | ndjson | xlsx
  std::string file_name;
  int64_t size_bytes = 0;
  std::string unit_code, unit_path;  // the uploader's unit: the job's data scope
  int64_t user_id = 0;
  std::string username;
  std::string status = "queued";  // queued | running | done | failed
  int64_t rows_read = 0;
  double fraction_read = 0;  // 0..1 of the file read
  int64_t accepted = 0, duplicates = 0, rejected = 0;
  Json errors = Json::array();  // [{"line","field","reason"}], capped
  int64_t errors_omitted = 0;   // rejected rows beyond the cap
  std::string message;          // why a failed job failed
  std::string runner;           // host name of the server running it
  std::string created_at, started_at, finished_at, updated_at;
};

// Inserts `draft` as queued, owned by the actor's unit and user.
Result<ImportJob> create_import_job(Store& store, const Actor& actor, ImportJob draft);
// queued -> running.
Status start_import_job(Store& store, int64_t id);
Status update_import_progress(Store& store, int64_t id, int64_t rows_read, double fraction_read);
// Stores the outcome of `result` (status "done" or "failed", counters, errors, message).
Status finish_import_job(Store& store, const Actor& actor, const ImportJob& result);
Result<ImportJob> get_import_job(Store& store, const Actor& actor, int64_t id);
// Newest first, up to `limit`, with ids below `before_id` when it is positive.
Result<std::vector<ImportJob>> list_import_jobs(Store& store, const Actor& actor, int limit,
                                                int64_t before_id);
// Marks failed the jobs `runner` left queued or running (its process died with them).
Result<int64_t> fail_abandoned_import_jobs(Store& store, const std::string& runner);

}  // namespace lj::sql
