#include "evaluate/evaluation.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace lj::evaluate {
namespace {

std::optional<double> share(int64_t part, int64_t whole) {
  if (whole <= 0) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

int64_t declining_measure(const Scheme& s, const UnitFigures& f) {
  return s.declining_measure == "cases_closed" ? f.cases_closed : f.cases_filed;
}

int level_order(const std::string& level) {
  return level == "city" ? 0 : 1;
}

double round_to(double x, double unit) {
  return std::round(x / unit) * unit;
}

Json opt(const std::optional<double>& v, double unit = 0.0001) {
  return v ? Json(round_to(*v, unit)) : Json(nullptr);
}

}  // namespace

std::optional<double> measure_value(const std::string& m, const UnitFigures& f) {
  if (m == "cases_filed") return static_cast<double>(f.cases_filed);
  if (m == "cases_closed") return static_cast<double>(f.cases_closed);
  if (m == "major_cases") return static_cast<double>(f.major_cases);
  if (m == "criminal_transfers") return static_cast<double>(f.criminal_transfers);
  if (m == "timeliness") return share(f.deadlines_met, f.deadlines_ended);
  if (m == "review_score") return share(f.review_points, f.review_max_points);
  if (m == "lead_handling") return share(f.leads_handled, f.leads_received);
  if (m == "disclosure_on_time") {
    if (!f.decisions_due || !f.published_on_time) return std::nullopt;
    return share(*f.published_on_time, *f.decisions_due);
  }
  return std::nullopt;
}

std::optional<double> normalised(const Indicator& ind, const UnitFigures& f) {
  auto v = measure_value(ind.measure, f);
  if (!v) return v;
  switch (ind.normalise) {
    case Normalise::kNone:
      return v;
    case Normalise::kPerOfficer:
      if (f.officers <= 0) return std::nullopt;
      return *v / static_cast<double>(f.officers);
    case Normalise::kPer10kEntities:
      if (f.market_entities <= 0) return std::nullopt;
      return *v * 10000.0 / static_cast<double>(f.market_entities);
  }
  return v;
}

bool dropped(int64_t current, int64_t base, const DropRule& rule) {
  if (base < rule.min_base) return false;
  return (base - current) * 100 >= int64_t{rule.min_drop_percent} * base;
}

bool dropped_vs_average(int64_t current, const std::vector<int64_t>& previous,
                        const DropRule& rule) {
  if (previous.empty()) return false;
  const auto n = static_cast<int64_t>(previous.size());
  const int64_t sum = std::accumulate(previous.begin(), previous.end(), int64_t{0});
  // average >= min_base and (average - current) >= pct% of average, multiplied through by n.
  if (sum < int64_t{rule.min_base} * n) return false;
  return (sum - n * current) * 100 >= int64_t{rule.min_drop_percent} * sum;
}

Evaluation evaluate_units(const Scheme& scheme, const Period& period, const UnitFigures& total,
                          std::vector<UnitFigures> figures) {
  Evaluation out;
  out.period = period;
  out.scheme_version = scheme.version;
  out.unit_code = total.code;
  out.unit_name = total.name;
  out.total = total;
  std::erase_if(figures,
                [](const UnitFigures& f) { return f.level != "city" && f.level != "county"; });
  std::sort(figures.begin(), figures.end(), [](const UnitFigures& a, const UnitFigures& b) {
    return std::pair(level_order(a.level), a.code) < std::pair(level_order(b.level), b.code);
  });
  for (auto& f : figures) {
    UnitEvaluation u;
    u.figures = f;
    for (const auto& ind : scheme.indicators) {
      IndicatorResult r;
      r.code = ind.code;
      r.raw = measure_value(ind.measure, f);
      r.value = normalised(ind, f);
      u.indicators.push_back(r);
    }
    out.units.push_back(std::move(u));
  }
  // Points against the best value of the level.
  for (const std::string level : {"city", "county"}) {
    std::vector<UnitEvaluation*> peers;
    for (auto& u : out.units)
      if (u.figures.level == level) peers.push_back(&u);
    for (size_t i = 0; i < scheme.indicators.size(); ++i) {
      double best = 0;
      for (auto* u : peers)
        if (u->indicators[i].value) best = std::max(best, *u->indicators[i].value);
      for (auto* u : peers) {
        auto& r = u->indicators[i];
        r.best = best;
        r.points = (best > 0 && r.value) ? scheme.indicators[i].weight * *r.value / best : 0;
      }
    }
    for (auto* u : peers) {
      double s = 0;
      for (const auto& r : u->indicators) s += r.points;
      u->score = round_to(s, 0.01);
    }
    std::vector<UnitEvaluation*> order = peers;
    std::stable_sort(order.begin(), order.end(),
                     [](auto* a, auto* b) { return a->score > b->score; });
    for (size_t i = 0; i < order.size(); ++i) {
      order[i]->rank = (i > 0 && order[i]->score == order[i - 1]->score) ? order[i - 1]->rank
                                                                         : static_cast<int>(i) + 1;
      order[i]->ranked_among = static_cast<int>(order.size());
    }
  }
  std::stable_sort(out.units.begin(), out.units.end(),
                   [](const UnitEvaluation& a, const UnitEvaluation& b) {
                     return std::tuple(level_order(a.figures.level), a.rank, a.figures.code) <
                            std::tuple(level_order(b.figures.level), b.rank, b.figures.code);
                   });
  for (const auto& f : figures) {
    if (f.cases_filed <= scheme.zero_case_max) out.zero_case.push_back(f);
    const int64_t cur = declining_measure(scheme, f);
    DecliningUnit d;
    d.code = f.code;
    d.name = f.name;
    d.level = f.level;
    d.current = cur;
    d.last_year = f.last_year;
    d.previous = f.previous;
    if (!f.previous.empty())
      d.moving_average =
          static_cast<double>(std::accumulate(f.previous.begin(), f.previous.end(), int64_t{0})) /
          static_cast<double>(f.previous.size());
    if (f.last_year > 0)
      d.drop_vs_last_year_percent =
          100.0 * static_cast<double>(f.last_year - cur) / static_cast<double>(f.last_year);
    if (d.moving_average > 0)
      d.drop_vs_average_percent =
          100.0 * (d.moving_average - static_cast<double>(cur)) / d.moving_average;
    if (dropped(cur, f.last_year, scheme.vs_last_year)) d.reasons.push_back("vs_last_year");
    if (dropped_vs_average(cur, f.previous, scheme.moving_average))
      d.reasons.push_back("moving_average");
    if (!d.reasons.empty()) out.declining.push_back(std::move(d));
  }
  return out;
}

Json to_json(const UnitFigures& f) {
  Json j{{"unit_code", f.code},
         {"unit_name", f.name},
         {"level", f.level},
         {"cases_filed", f.cases_filed},
         {"cases_closed", f.cases_closed},
         {"major_cases", f.major_cases},
         {"criminal_transfers", f.criminal_transfers},
         {"deadlines_ended", f.deadlines_ended},
         {"deadlines_met", f.deadlines_met},
         {"reviews", f.reviews},
         {"review_points", f.review_points},
         {"review_max_points", f.review_max_points},
         {"leads_received", f.leads_received},
         {"leads_handled", f.leads_handled},
         {"decisions_due", f.decisions_due ? Json(*f.decisions_due) : Json(nullptr)},
         {"published_on_time", f.published_on_time ? Json(*f.published_on_time) : Json(nullptr)},
         {"officers", f.officers},
         {"market_entities", f.market_entities},
         {"market_entities_configured", f.market_entities_configured}};
  return j;
}

Json to_json(const Evaluation& e, const Scheme& scheme) {
  Json units = Json::array();
  for (const auto& u : e.units) {
    Json inds = Json::array();
    for (size_t i = 0; i < u.indicators.size(); ++i) {
      const auto& r = u.indicators[i];
      inds.push_back(Json{{"code", r.code},
                          {"raw", opt(r.raw)},
                          {"value", opt(r.value)},
                          {"best", round_to(r.best, 0.0001)},
                          {"weight", scheme.indicators[i].weight},
                          {"points", round_to(r.points, 0.01)}});
    }
    units.push_back(Json{{"unit_code", u.figures.code},
                         {"unit_name", u.figures.name},
                         {"level", u.figures.level},
                         {"score", u.score},
                         {"rank", u.rank},
                         {"ranked_among", u.ranked_among},
                         {"figures", to_json(u.figures)},
                         {"indicators", inds}});
  }
  Json zero = Json::array();
  for (const auto& f : e.zero_case) zero.push_back(to_json(f));
  Json declining = Json::array();
  for (const auto& d : e.declining)
    declining.push_back(Json{{"unit_code", d.code},
                             {"unit_name", d.name},
                             {"level", d.level},
                             {"measure", scheme.declining_measure},
                             {"current", d.current},
                             {"last_year", d.last_year},
                             {"previous", d.previous},
                             {"moving_average", round_to(d.moving_average, 0.01)},
                             {"drop_vs_last_year_percent", opt(d.drop_vs_last_year_percent, 0.1)},
                             {"drop_vs_average_percent", opt(d.drop_vs_average_percent, 0.1)},
                             {"reasons", d.reasons}});
  return Json{{"unit_code", e.unit_code},
              {"unit_name", e.unit_name},
              {"period", Json{{"code", e.period.code()},
                              {"kind", e.period.kind_name()},
                              {"from", e.period.from()},
                              {"to", e.period.to()},
                              {"name", e.period.name_zh()}}},
              {"scheme_version", e.scheme_version},
              {"total", to_json(e.total)},
              {"units", units},
              {"zero_case", zero},
              {"declining", declining}};
}

}  // namespace lj::evaluate
