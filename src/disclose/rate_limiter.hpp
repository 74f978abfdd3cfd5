// Token buckets per client address, for every path under /api/public/ (docs/public-api.md).
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <unordered_map>

namespace lj::disclose {

class RateLimiter {
 public:
  // Each key's bucket holds at most `burst` tokens and gains `per_minute` tokens a minute.
  RateLimiter(double per_minute, int burst, size_t max_keys = 100000);

  // Takes one token from `key`'s bucket at time `now_ms` (milliseconds, monotonic). Returns 0
  // when granted, else the whole seconds (at least 1) until a token is available, for the
  // Retry-After header. Thread-safe.
  int64_t take(const std::string& key, int64_t now_ms);

 private:
  struct Bucket {
    double tokens = 0;
    int64_t at_ms = 0;
  };
  double per_ms_;
  double burst_;
  size_t max_keys_;
  std::mutex mu_;
  std::unordered_map<std::string, Bucket> buckets_;
};

}  // namespace lj::disclose
