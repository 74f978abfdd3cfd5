#include "screen/report_json.hpp"

#include <cmath>

namespace lj::screen {
namespace {

double round_to(double v, int digits) {
  const double f = std::pow(10.0, digits);
  return std::round(v * f) / f;
}

Json estimate_json(const RateEstimate& e) {
  if (!e.estimated) return nullptr;
  return Json{{"raw", round_to(e.raw, 4)},
              {"smoothed", round_to(e.smoothed, 4)},
              {"province", round_to(e.province, 4)},
              {"p_above", round_to(e.p_above, 4)},
              {"flagged", e.flagged}};
}

}  // namespace

Json to_json(const RiskScore& s) {
  Json factors = Json::array();
  for (const RiskFactor& f : s.factors)
    factors.push_back(Json{{"name", f.name},
                           {"value", round_to(f.value, 4)},
                           {"decayed", round_to(f.decayed, 4)},
                           {"points", round_to(f.points, 2)},
                           {"share", round_to(f.share, 4)}});
  return Json{{"enterprise_id", s.enterprise_id}, {"name", s.name},
              {"region_code", s.region_code},     {"category", s.category},
              {"score", round_to(s.score, 2)},    {"factors", std::move(factors)}};
}

Json to_json(const Hotspot& h) {
  return Json{{"division_code", h.division_code},
              {"division_name", h.division_name},
              {"level", h.level},
              {"category", h.category},
              {"sampled", h.sampled},
              {"failed", h.failed},
              {"complaints", h.complaints},
              {"enterprises", h.enterprises},
              {"nonconformance", estimate_json(h.nonconformance)},
              {"complaint_rate", estimate_json(h.complaint_rate)},
              {"flagged", h.flagged()}};
}

Json to_json(const TrendRow& t) {
  return Json{{"month", t.month},
              {"group", t.group},
              {"leads", t.leads},
              {"samples", t.samples},
              {"failed_samples", t.failed_samples}};
}

}  // namespace lj::screen
