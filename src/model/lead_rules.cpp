#include "model/lead_rules.hpp"

#include <algorithm>

namespace lj {

void apply_channel_rule(Lead& lead) {
  auto& a = lead.special_actions;
  if (lead.channel == "online" && std::find(a.begin(), a.end(), "ecommerce") == a.end())
    a.push_back("ecommerce");
}

}  // namespace lj
