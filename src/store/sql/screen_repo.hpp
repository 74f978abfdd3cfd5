// The aggregates of the big-data screening (docs/screening.md), computed by GROUP BY queries on
// both backends and turned into scores and estimates by the pure functions of src/screen.
// Scope: the counts behind a result come from the records inside the caller's subtree (or the
// narrower `unit_code` asked for), with one stated exception — a hotspot's prior and province
// rate are fitted over the whole province, which is what "above the province" means; only the
// divisions inside the caller's subtree are returned.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "screen/hotspots.hpp"
#include "screen/report_json.hpp"
#include "screen/risk.hpp"
#include "store/sql/sql_store.hpp"

namespace lj::sql {

struct RiskQuery {
  std::string unit_code;  // narrow to this unit's subtree (within the actor's scope)
  std::string category;   // only enterprises whose main category is this
  std::string as_of;      // YYYY-MM; empty: the newest month with samples or leads
  int limit = 50;
  int offset = 0;
};

struct RiskRanking {
  std::string as_of;
  int64_t total = 0;  // enterprises ranked (before paging)
  std::vector<screen::RiskScore> items;
};

// Every enterprise with a failed or passed sample, a complaint or a case in scope, or on the
// dishonesty list with its registered region in scope, scored and ranked (score descending,
// then id).
Result<RiskRanking> risk_ranking(SqlStore& store, const Actor& actor, const RiskQuery& q,
                                 const screen::RiskConfig& config);

// One enterprise's score from the records in scope. kNotFound when the enterprise does not exist
// or neither its region nor any of its records is in the caller's scope.
Result<screen::RiskScore> enterprise_risk(SqlStore& store, const Actor& actor, int64_t id,
                                          const std::string& as_of,
                                          const screen::RiskConfig& config);

struct HotspotQuery {
  std::string level = "county";  // county | league
  std::string category;          // one product category, or all
  bool flagged_only = false;
};

// The in-scope divisions with samples or complaints, estimated, ordered as compute_hotspots.
Result<std::vector<screen::Hotspot>> hotspots(SqlStore& store, const Actor& actor,
                                              const HotspotQuery& q,
                                              const screen::HotspotConfig& config);

struct TrendQuery {
  std::string group = "special_action";  // special_action | product_category | source
  std::string from, to;                  // YYYY-MM, inclusive; empty: unbounded
  std::string unit_code;                 // narrow to this unit's subtree
};

// Counts by month × group of the leads and the sampling results in scope, ordered by month and
// group. A lead under several special actions counts once under each.
Result<std::vector<screen::TrendRow>> trends(SqlStore& store, const Actor& actor,
                                             const TrendQuery& q);

}  // namespace lj::sql
