// The evaluation of units (绩效评价) from their figures: indicator values, normalisation, points
// and scores, rankings within each level (league, county), zero-case units and declining units
// with the figures behind them. Pure: the figures come from store/sql/evaluation_repo.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "evaluate/period.hpp"
#include "evaluate/scheme.hpp"
#include "model/json.hpp"

namespace lj::evaluate {

// The counts of one unit's subtree over a period (and the history the declining rule needs).
struct UnitFigures {
  std::string code, name, level, path;  // level: province | city (league) | county
  int64_t cases_filed = 0, cases_closed = 0, major_cases = 0, criminal_transfers = 0;
  int64_t deadlines_ended = 0, deadlines_met = 0;  // statutory periods ended in the period
  int64_t reviews = 0, review_points = 0, review_max_points = 0;
  int64_t leads_received = 0, leads_handled = 0;
  std::optional<int64_t> decisions_due, published_on_time;  // null: no disclosure source
  int64_t officers = 0;         // active users of role officer in the subtree
  int64_t market_entities = 0;  // configured, else registered enterprises of the subtree
  bool market_entities_configured = false;
  // The declining rule's measure in the same period last year and in the N previous periods.
  int64_t last_year = 0;
  std::vector<int64_t> previous;  // oldest first
};

// The raw value of a measure for a unit: a count, or a share 0..1 (null when nothing to share).
std::optional<double> measure_value(const std::string& measure, const UnitFigures& f);
// The value after the indicator's normalisation (null when the divisor is 0).
std::optional<double> normalised(const Indicator& ind, const UnitFigures& f);

struct IndicatorResult {
  std::string code;
  std::optional<double> raw, value;  // value: normalised
  double best = 0;                   // the best value at the unit's level
  double points = 0;                 // weight × value / best
};

struct UnitEvaluation {
  UnitFigures figures;
  std::vector<IndicatorResult> indicators;  // in scheme order
  double score = 0;
  int rank = 0;          // within the level; equal scores share a rank (1, 2, 2, 4)
  int ranked_among = 0;  // units of the level
};

struct DecliningUnit {
  std::string code, name, level;
  int64_t current = 0, last_year = 0;
  std::vector<int64_t> previous;
  double moving_average = 0;
  std::optional<double> drop_vs_last_year_percent, drop_vs_average_percent;
  std::vector<std::string> reasons;  // vs_last_year | moving_average
};

struct Evaluation {
  Period period;
  std::string scheme_version;
  std::string unit_code, unit_name;
  UnitFigures total;                   // the requested unit's own subtree
  std::vector<UnitEvaluation> units;   // leagues, then counties; each level by rank, then code
  std::vector<UnitFigures> zero_case;  // by level, then code
  std::vector<DecliningUnit> declining;
};

// Evaluates the units of `figures` whose level is city or county; `total` is the root's figures.
Evaluation evaluate_units(const Scheme& scheme, const Period& period, const UnitFigures& total,
                          std::vector<UnitFigures> figures);

// Whether `current` fell by the rule against `base` (integer arithmetic: exact at the boundary).
bool dropped(int64_t current, int64_t base, const DropRule& rule);
// The same against the average of `previous` (sum over n periods).
bool dropped_vs_average(int64_t current, const std::vector<int64_t>& previous,
                        const DropRule& rule);

Json to_json(const UnitFigures& f);
Json to_json(const Evaluation& e, const Scheme& scheme);

}  // namespace lj::evaluate
