// Which unit a lead goes to (属地查处): by the region code the source gave, else by the place
// the geocoder finds in the lead's enterprise address or text, else the regional bureau.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "geo/gazetteer.hpp"
#include "model/model.hpp"
#include "screen/sampling.hpp"

namespace lj::intake {

// The unit tree as routing needs it: which codes are units, and the root (the regional bureau).
class UnitIndex {
 public:
  // `units` is the whole tree or a subtree; its shallowest unit is the root. kNotFound when
  // `units` is empty: the reference data is missing.
  static Result<UnitIndex> build(const std::vector<Unit>& units);

  bool has(const std::string& code) const { return codes_.count(code) > 0; }
  const std::string& root() const { return root_; }

 private:
  std::set<std::string> codes_;
  std::string root_;
};

// The unit responsible for `lead`, always a code of `units`:
// 1. the unit whose code equals lead.region_code, when there is one;
// 2. else, with a gazetteer, the place found in the enterprise address, else in the text
//    (lead.region_code, if any, disambiguates), lifted to the nearest division that is a unit;
//    an empty lead.region_code is then set to the place found;
// 3. else the root unit, whose queue holds the leads that could not be placed.
std::string route_lead(Lead& lead, const UnitIndex& units, const geo::Gazetteer* gazetteer);

// The unit responsible for a sampling result: route_lead's rules applied to its region code,
// then its enterprise address (the sampled enterprise's place). Sets an empty region_code to the
// place found.
std::string route_sample(screen::SamplingResult& s, const UnitIndex& units,
                         const geo::Gazetteer* gazetteer);

}  // namespace lj::intake
