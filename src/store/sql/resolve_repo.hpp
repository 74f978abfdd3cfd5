// Entity resolution in the store: the blocking index of the registry, each lead's match (and
// the review queue), and the grouping of leads into matters. The rules live in src/resolve
// (name cores, scores, grouping); the SQL here, on both engines.
//
// Tables (migration 5): enterprise_match_index(enterprise_id, core), enterprise_keys(key,
// enterprise_id), enterprise_key_stats(key, postings), lead_matches(lead_id, state, method,
// enterprise_id, score, core_name, candidates JSON, decided_by, decided_at), lead_groups(lead_id,
// group_id, subject, product_category).
//
// Match states: given (the lead came with an enterprise_id), linked (exact USCC or a score >=
// high: lead.enterprise_id set), review (a queue item: low <= best score < high, or two
// candidates too close to call), unmatched, confirmed / rejected (a reviewer decided). Runs never
// change a lead whose match is in review, confirmed or rejected.
//
// Scope: queue items, matches and groups are read through their lead, with the lead's data
// scope in the SQL (outside it: kNotFound). Roles are checked by the caller (api/routes_resolve).
// Thread-safe like the SqlStore it wraps.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/json.hpp"
#include "resolve/name_normalizer.hpp"
#include "resolve/scoring.hpp"
#include "store/sql/sql_store.hpp"

namespace lj {

struct ResolveSummary {
  int64_t leads = 0;      // leads looked at
  int64_t linked = 0;     // linked automatically (USCC or score)
  int64_t review = 0;     // sent to the review queue
  int64_t unmatched = 0;  // no candidate good enough, or no enterprise named
  int64_t given = 0;      // came with an enterprise_id
  int64_t grouped = 0;    // leads that are now a non-primary member of a matter
  int64_t indexed = 0;    // registry enterprises added to the blocking index
  Json to_json() const;
};

struct ReviewQuery {
  std::string state = "review";  // review | linked | unmatched | confirmed | rejected | given
  std::string unit_code;         // restrict to this unit's subtree (within scope)
  std::optional<double> min_score, max_score;
  std::string cursor;  // the last lead id of the previous page
  int limit = 50;
};

struct GroupInfo {
  int64_t group_id = 0;
  int64_t size = 1;
};

class ResolveRepo {
 public:
  ResolveRepo(SqlStore& store, resolve::NameNormalizer names, resolve::Options options);
  // With the name normaliser built from the store's unit tree.
  static Result<ResolveRepo> open(Store& store, resolve::Options options);

  // Adds the registry enterprises that are not in the blocking index yet (in batches, one write
  // transaction each). Returns how many were added.
  Result<int64_t> index_registry();
  // Resolves and groups the given leads (already stored) in one write transaction, after
  // bringing the index up to date. Leads in review, confirmed or rejected are left alone.
  Result<ResolveSummary> resolve_leads(const Actor& actor, const std::vector<int64_t>& lead_ids);
  // Resolves every lead without a match yet; with `rematch_unmatched`, also those that found no
  // enterprise before (e.g. after the registry was imported). `batch` leads per transaction.
  Result<ResolveSummary> resolve_pending(const Actor& actor, bool rematch_unmatched,
                                         int batch = 2000);

  // A lead's match: {"lead_id","state","method","enterprise_id","score","candidates":[...],
  // "decided_by","decided_at"}; state "pending" when it was never resolved.
  Result<Json> get_match(const Actor& actor, int64_t lead_id);
  Result<Page<Json>> list_matches(const Actor& actor, const ReviewQuery& q);
  // Links the lead to `enterprise_id`, which must be one of its candidates not rejected.
  Result<Json> confirm(const Actor& actor, int64_t lead_id, int64_t enterprise_id);
  // Rejects one candidate, or all when `enterprise_id` is unset; the item leaves the queue
  // (state rejected) when no candidate remains.
  Result<Json> reject(const Actor& actor, int64_t lead_id, std::optional<int64_t> enterprise_id);

  // The matter of a lead: {"lead_id","group_id","primary_lead_id","size","members":[...]} with
  // the members the actor may see (size counts all).
  Result<Json> get_group(const Actor& actor, int64_t lead_id);
  // Redraws the matter of a lead whose enterprise, category or violations were changed by hand
  // (PATCH): its (subject, category) and the one it left. Audited ("regroup" on the lead).
  Status regroup_lead(const Actor& actor, int64_t lead_id);
  // Group id and size of each lead that is in a matter (unscoped: the ids come from a scoped
  // list).
  Result<std::map<int64_t, GroupInfo>> group_info(const std::vector<int64_t>& lead_ids);

  const resolve::Options& options() const { return options_; }

 private:
  SqlStore& store_;
  resolve::NameNormalizer names_;
  resolve::Options options_;
};

}  // namespace lj
