#include "intake/route.hpp"

namespace lj::intake {

Result<UnitIndex> UnitIndex::build(const std::vector<Unit>& units) {
  UnitIndex index;
  size_t root_depth = 0;
  for (const Unit& u : units) {
    index.codes_.insert(u.code);
    if (!u.parent_code.empty()) continue;
    // Several roots cannot happen with one province; take the shallowest path if they do.
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

const std::string& route_lead(const Lead& lead, const UnitIndex& units) {
  if (!lead.region_code.empty() && units.has(lead.region_code)) return lead.region_code;
  return units.root();
}

}  // namespace lj::intake
