#include "disclose/public_gate.hpp"

namespace lj::disclose {

PublicGate::PublicGate(const RateLimitRules& rules)
    : requests_(rules.requests_per_minute, rules.burst),
      reports_(rules.reports_per_hour / 60.0, rules.reports_per_hour) {}

}  // namespace lj::disclose
