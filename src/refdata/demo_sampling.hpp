// Internal to the demo data set: two years of supervision-sampling results over the demo
// registry (docs/screening.md "Demo"), seasonal like the leads, with a planted hotspot — compound
// fertilizer in 敖汉旗 (150430, Chifeng) failing far above the province and drawing many 12365
// complaints — and three enterprises of 松山区 with repeated recent failures and complaints.
#pragma once

#include <cstdint>
#include <vector>

#include "core/status.hpp"
#include "refdata/demo_data.hpp"
#include "store/store.hpp"

namespace lj::refdata::demo {

inline constexpr const char* kPlantedHotspotCounty = "150430";
inline constexpr const char* kPlantedHotspotCategory = "fertilizer";

// Stores the sampling results (failed ones also as leads of source "sampling") and the planted
// complaints, keyed by report no. and (source, source_id): running it again adds nothing.
// `enterprise_ids[i]` is the stored id of data.enterprises[i]. Deterministic for `seed`.
Status load_demo_sampling(Store& store, const DemoData& data,
                          const std::vector<int64_t>& enterprise_ids, uint64_t seed);

}  // namespace lj::refdata::demo
