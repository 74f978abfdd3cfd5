#include "disclose/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace lj::disclose {

RateLimiter::RateLimiter(double per_minute, int burst, size_t max_keys)
    : per_ms_(std::max(per_minute, 0.001) / 60000.0),
      burst_(std::max(burst, 1)),
      max_keys_(max_keys) {}

int64_t RateLimiter::take(const std::string& key, int64_t now_ms) {
  std::lock_guard lock(mu_);
  if (buckets_.size() >= max_keys_ && !buckets_.count(key)) {
    // Forget the buckets that have refilled: they hold no state a new one would not.
    for (auto it = buckets_.begin(); it != buckets_.end();) {
      if (it->second.tokens + (now_ms - it->second.at_ms) * per_ms_ >= burst_)
        it = buckets_.erase(it);
      else
        ++it;
    }
  }
  auto [it, fresh] = buckets_.try_emplace(key, Bucket{burst_, now_ms});
  Bucket& b = it->second;
  if (!fresh && now_ms > b.at_ms) {
    b.tokens = std::min(burst_, b.tokens + (now_ms - b.at_ms) * per_ms_);
    b.at_ms = now_ms;
  }
  if (b.tokens >= 1.0) {
    b.tokens -= 1.0;
    return 0;
  }
  const double wait_ms = (1.0 - b.tokens) / per_ms_;
  return std::max<int64_t>(1, static_cast<int64_t>(std::ceil(wait_ms / 1000.0)));
}

}  // namespace lj::disclose
