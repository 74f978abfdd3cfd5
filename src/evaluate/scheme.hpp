// The evaluation scheme of units (绩效评价方案), kept as data (data/evaluation/scheme-2018.json):
// indicators over measures of the base tables with weights and a normalisation, the market
// entities per unit, the zero-case rule (零办案单位) and the declining-unit rule
// (办案数量持续下降). Immutable after loading: safe to share between threads.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "model/json.hpp"

namespace lj::evaluate {

// What an indicator measures (evaluate/evaluation.hpp computes each from UnitFigures).
inline constexpr const char* kMeasures[] = {
    "cases_filed", "cases_closed", "major_cases",   "criminal_transfers",
    "timeliness",  "review_score", "lead_handling", "disclosure_on_time"};

enum class Normalise { kNone, kPerOfficer, kPer10kEntities };

struct Indicator {
  std::string code;
  std::string name;  // Chinese, as printed
  std::string measure;
  Normalise normalise = Normalise::kNone;
  double weight = 0;  // points at the best value of the level
  std::string about;
};

struct DropRule {
  int min_drop_percent = 30;  // the fall, in percent of the base, that counts (inclusive)
  int min_base = 3;           // a base below this is too small to judge
};

struct Scheme {
  std::string version;
  std::vector<Indicator> indicators;
  std::map<std::string, int64_t> market_entities;  // unit code -> configured figure
  int64_t zero_case_max = 0;                       // cases filed at or below this: a zero-case unit
  std::string declining_measure = "cases_filed";
  DropRule vs_last_year;
  DropRule moving_average;
  int moving_average_periods = 3;  // N previous periods of the same kind

  double total_weight() const;
  // Validates the document; every error names the entry (indicators[2].weight ...).
  static Result<Scheme> from_json(const Json& doc);
  // Loads <data_dir>/evaluation/scheme-2018.json.
  static Result<Scheme> load(const std::string& data_dir);
  Json to_json() const;
};

const char* normalise_name(Normalise n);  // none | per_officer | per_10k_entities

}  // namespace lj::evaluate
