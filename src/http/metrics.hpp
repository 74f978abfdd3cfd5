// The server's own Prometheus metrics: request counts, latency histograms, and gauges for
// in-flight requests and open connections. No Boost here.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace lj::http {

// Upper bounds (seconds) of the latency histogram buckets; +Inf is implied.
inline constexpr std::array<double, 12> kLatencyBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                           0.1,   0.25,   0.5,   1,    2.5,   5};

// All members are thread-safe.
class Metrics {
 public:
  // Counts one answered request. An empty route is recorded as "unmatched"; a method outside
  // the standard set as "OTHER" (labels never take unbounded client input).
  void record(const std::string& route, const std::string& method, int status, double seconds);
  void add_in_flight(int delta) { in_flight_.fetch_add(delta, std::memory_order_relaxed); }
  void add_connections(int delta) { connections_.fetch_add(delta, std::memory_order_relaxed); }

  // Prometheus text exposition format (version 0.0.4), ending with a newline.
  std::string render() const;

 private:
  struct Histogram {
    std::array<uint64_t, kLatencyBuckets.size()> buckets{};  // non-cumulative
    uint64_t count = 0;
    double sum = 0;
  };

  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;  // route, method, status
  std::map<std::string, Histogram> durations_;                              // by route
  std::atomic<int64_t> in_flight_{0};
  std::atomic<int64_t> connections_{0};
};

}  // namespace lj::http
