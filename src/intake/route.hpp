// Which unit a lead goes to (属地查处). For now by the region code the source gave; routing by
// the address comes with the geocoder (src/geo) and replaces route_lead, not its callers.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "model/model.hpp"

namespace lj::intake {

// The unit tree as routing needs it: which codes are units, and the root (the regional bureau).
class UnitIndex {
 public:
  // kNotFound when `units` has no root (a unit without parent): the reference data is missing.
  static Result<UnitIndex> build(const std::vector<Unit>& units);

  bool has(const std::string& code) const { return codes_.count(code) > 0; }
  const std::string& root() const { return root_; }

 private:
  std::set<std::string> codes_;
  std::string root_;
};

// The unit responsible for `lead`: the unit whose code equals lead.region_code when there is
// one (county, city or province level), else the root unit, whose queue holds the leads that
// could not be placed. Always a code of `units`.
const std::string& route_lead(const Lead& lead, const UnitIndex& units);

}  // namespace lj::intake
