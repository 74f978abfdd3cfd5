#include "http/metrics.hpp"

#include <algorithm>
#include <cstdio>
#include <string_view>

namespace lj::http {
namespace {

constexpr std::string_view kMethods[] = {"GET",   "HEAD",    "POST",  "PUT",    "DELETE",
                                         "PATCH", "OPTIONS", "TRACE", "CONNECT"};

// Escapes a label value: backslash, double quote and newline.
std::string label(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    if (c == '\\' || c == '"') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

}  // namespace

void Metrics::record(const std::string& route, const std::string& method, int status,
                     double seconds) {
  const std::string& route_label = route.empty() ? std::string("unmatched") : route;
  bool known = std::find(std::begin(kMethods), std::end(kMethods), method) != std::end(kMethods);
  size_t bucket = std::lower_bound(kLatencyBuckets.begin(), kLatencyBuckets.end(), seconds) -
                  kLatencyBuckets.begin();
  std::lock_guard lock(mu_);
  ++requests_[{route_label, known ? method : std::string("OTHER"), status}];
  Histogram& h = durations_[route_label];
  if (bucket < h.buckets.size()) ++h.buckets[bucket];
  ++h.count;
  h.sum += seconds;
}

std::string Metrics::render() const {
  std::string out;
  out +=
      "# HELP lijian_http_requests_total HTTP requests answered, by route, method and status.\n"
      "# TYPE lijian_http_requests_total counter\n";
  std::lock_guard lock(mu_);
  for (const auto& [key, count] : requests_) {
    const auto& [route, method, status] = key;
    out += "lijian_http_requests_total{route=\"" + label(route) + "\",method=\"" + label(method) +
           "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(count) + "\n";
  }
  out +=
      "# HELP lijian_http_request_duration_seconds Time from a request's last byte read to its "
      "response written.\n"
      "# TYPE lijian_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : durations_) {
    std::string prefix =
        "lijian_http_request_duration_seconds_bucket{route=\"" + label(route) + "\",le=\"";
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kLatencyBuckets.size(); ++i) {
      cumulative += h.buckets[i];
      out += prefix + number(kLatencyBuckets[i]) + "\"} " + std::to_string(cumulative) + "\n";
    }
    out += prefix + "+Inf\"} " + std::to_string(h.count) + "\n";
    std::string labels = "{route=\"" + label(route) + "\"} ";
    out += "lijian_http_request_duration_seconds_sum" + labels + number(h.sum) + "\n";
    out += "lijian_http_request_duration_seconds_count" + labels + std::to_string(h.count) + "\n";
  }
  out +=
      "# HELP lijian_http_in_flight_requests Requests read and not yet answered.\n"
      "# TYPE lijian_http_in_flight_requests gauge\n"
      "lijian_http_in_flight_requests " +
      std::to_string(in_flight_.load(std::memory_order_relaxed)) +
      "\n"
      "# HELP lijian_http_connections_open Open client connections.\n"
      "# TYPE lijian_http_connections_open gauge\n"
      "lijian_http_connections_open " +
      std::to_string(connections_.load(std::memory_order_relaxed)) + "\n";
  return out;
}

}  // namespace lj::http
