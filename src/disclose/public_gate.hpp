// The rate limits of the public portal (docs/public-api.md): one token bucket per client address
// for every request under /api/public/ (whatever route serves it: the prefix decides), and a
// slower one for the report form's submissions. Thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "disclose/rate_limiter.hpp"
#include "disclose/rules.hpp"

namespace lj::disclose {

inline constexpr std::string_view kPublicPrefix = "/api/public/";

class PublicGate {
 public:
  explicit PublicGate(const RateLimitRules& rules);

  static bool covers(std::string_view path) {
    return path.substr(0, kPublicPrefix.size()) == kPublicPrefix;
  }

  // 0 when `client` may make a request at `now_ms` (monotonic milliseconds), else the seconds
  // to wait (Retry-After).
  int64_t admit(const std::string& client, int64_t now_ms) {
    return requests_.take(client, now_ms);
  }
  // The same for one more report from `client`.
  int64_t admit_report(const std::string& client, int64_t now_ms) {
    return reports_.take(client, now_ms);
  }

 private:
  RateLimiter requests_;
  RateLimiter reports_;
};

}  // namespace lj::disclose
