#include "intake/route.hpp"

namespace lj::intake {

Result<UnitIndex> UnitIndex::build(const std::vector<Unit>& units) {
  UnitIndex index;
  size_t root_depth = 0;
  for (const Unit& u : units) {
    index.codes_.insert(u.code);
    // The root is the shallowest unit: the region for the whole tree, or the top of a subtree.
    if (index.root_.empty() || u.path.size() < root_depth) {
      index.root_ = u.code;
      root_depth = u.path.size();
    }
  }
  if (index.root_.empty())
    return Status::NotFound(
        "no unit tree in the database: load the reference data (lijian migrate)");
  return index;
}

std::string route_lead(Lead& lead, const UnitIndex& units, const geo::Gazetteer* gazetteer) {
  if (!lead.region_code.empty() && units.has(lead.region_code)) return lead.region_code;
  if (gazetteer) {
    for (const std::string* text : {&lead.enterprise_address, &lead.text}) {
      if (text->empty()) continue;
      geo::Place place = gazetteer->locate(*text, lead.region_code);
      if (place.level == "none") continue;
      if (lead.region_code.empty()) lead.region_code = place.code;
      // Development zones and counties have bureaus; anything else goes to its nearest one.
      for (const refdata::Division* d = gazetteer->find(place.code); d;
           d = d->parent_code.empty() ? nullptr : gazetteer->find(d->parent_code)) {
        if (units.has(d->code)) return d->code;
      }
      break;
    }
  }
  return units.root();
}

std::string route_sample(screen::SamplingResult& s, const UnitIndex& units,
                         const geo::Gazetteer* gazetteer) {
  Lead probe;
  probe.region_code = s.region_code;
  probe.enterprise_address = s.enterprise_address;
  probe.text = s.enterprise_name;
  std::string unit = route_lead(probe, units, gazetteer);
  if (s.region_code.empty()) s.region_code = probe.region_code;
  return unit;
}

}  // namespace lj::intake
