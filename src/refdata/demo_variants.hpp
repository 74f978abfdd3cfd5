// Internal to the demo data set: leads that exercise entity resolution (docs/entity-resolution.md).
// Some leads about registry enterprises lose their enterprise id and name the enterprise as
// sources do — "XX化肥厂（赤峰）", "内蒙古XX化肥有限责任公司松山分公司", "赤峰市XX化肥有限公司" —
// some with the enterprise's USCC (exact matches), some with a misspelt name and no address
// (uncertain: the review queue); and some leads repeat an earlier complaint a few days later (one
// matter). The number of leads stays the same. A pure function of its arguments.
#pragma once

#include <cstdint>
#include <vector>

#include "model/model.hpp"
#include "refdata/demo_data.hpp"

namespace lj::refdata::demo {

struct VariantCounts {
  int name_variants = 0, uscc_variants = 0, uncertain = 0, repeats = 0;
};

// Rewrites leads of `data` in place (never one that opens a case). `units`: the unit tree, for
// the region names the variants use and strip.
VariantCounts apply_resolution_variants(DemoData& data, const std::vector<Unit>& units,
                                        uint64_t seed);

}  // namespace lj::refdata::demo
