// Regional hotspots for concentrated remediation (区域集中整治, docs/screening.md "Hotspots"):
// per division × product category, the non-conformance rate of supervision samples
// (beta-binomial empirical Bayes) and the complaint rate per 10,000 registered enterprises
// (gamma-Poisson empirical Bayes), flagged when the posterior probability that the rate exceeds
// the province's reaches a level. Pure functions.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "screen/stats.hpp"

namespace lj::screen {

// The counts of one division × category. The priors are fitted over every cell of a category
// given, so pass the whole province's divisions of one level; `in_scope` marks the cells the
// caller may see (the others only inform the prior and the province rate).
struct HotspotCell {
  std::string division_code;
  std::string category;
  int64_t sampled = 0;
  int64_t failed = 0;
  int64_t complaints = 0;
  int64_t enterprises = 0;  // registered enterprises of the division (all categories)
  bool in_scope = true;
};

struct HotspotConfig {
  double flag_level = 0.95;        // flagged when P(rate > province rate) >= flag_level
  int64_t min_sampled = 1;         // cells with fewer samples get no non-conformance estimate
  double per_enterprises = 10000;  // complaint rates are per this many enterprises
  int64_t min_events = 3;  // a rate is flagged only with at least this many failures/complaints
};

struct RateEstimate {
  bool estimated = false;  // false: no samples / no registered enterprises
  double raw = 0;          // failed/sampled, or complaints per 10,000 enterprises
  double smoothed = 0;     // posterior mean (same unit as raw)
  double province = 0;     // the province's pooled rate for the category (same unit)
  double p_above = 0;      // P(rate > province | data)
  bool flagged = false;
};

struct Hotspot {
  std::string division_code;
  std::string division_name;  // filled by the caller that knows the unit names
  std::string level;          // county | league (the caller's)
  std::string category;
  int64_t sampled = 0, failed = 0, complaints = 0, enterprises = 0;
  RateEstimate nonconformance;
  RateEstimate complaint_rate;
  bool flagged() const { return nonconformance.flagged || complaint_rate.flagged; }
  int flags() const { return int{nonconformance.flagged} + int{complaint_rate.flagged}; }
};

// Estimates for the in-scope cells, ordered by the number of flagged rates (2, 1, 0), then the
// larger exceedance probability, then the larger ratio of smoothed to province rate, then
// division and category.
std::vector<Hotspot> compute_hotspots(const std::vector<HotspotCell>& cells,
                                      const HotspotConfig& config);

}  // namespace lj::screen
