// Storage of supervision-sampling results (table sampling_results, migration 3): batch insert
// keyed by the report no. and the scoped list. SQL runs on both backends.
#pragma once

#include <string>
#include <vector>

#include "screen/sampling.hpp"
#include "store/sql/sql_store.hpp"

namespace lj::sql {

// Stores the results whose source_id is new, in one write transaction with one audit entry
// each ("create", entity "sampling_result"); a known source_id stores nothing (created false).
// For every row (new or not) sets enterprise_id (the registered enterprise with the USCC, else
// the one with exactly that name, when any) and unit_path, so failed rows can become leads.
// Each row's unit_code must be a unit inside the actor's scope (kInvalidArgument naming
// results[i].unit_code otherwise).
Result<std::vector<Upserted>> insert_sampling_results(SqlStore& store, const Actor& actor,
                                                      std::vector<screen::SamplingResult>& results);

// The import's write of one batch: insert_sampling_results, then the lead of every failed row
// (screen::lead_of_failed_sample, keyed by ("sampling", report no.) and so stored once even when
// a rerun meets a batch whose samples were committed and whose leads were not). The result is
// insert_sampling_results' for the samples.
Result<std::vector<Upserted>> store_sampling_batch(Store& store, const Actor& actor,
                                                   std::vector<screen::SamplingResult>& results);

struct SamplingQuery {
  std::string unit_code;  // only this unit's subtree: kInvalidArgument when unknown,
                          // kNotFound when outside the actor's scope
  std::string product_category;
  std::string result;  // pass | fail
  std::string special_action;
  std::optional<int64_t> enterprise_id;
  std::string from, to;  // sampled_on bounds, inclusive, YYYY-MM-DD
  std::string cursor;    // id of the last row of the previous page
  int limit = 50;
};

// Newest first (sampled_on, then id), scoped to the actor's subtree.
Result<Page<screen::SamplingResult>> list_sampling_results(SqlStore& store, const Actor& actor,
                                                           const SamplingQuery& q);

}  // namespace lj::sql
