// The JSON of the screening results, one shape for the API and `lijian screen --json`
// (docs/screening.md "Output").
#pragma once

#include <string>
#include <vector>

#include "model/model.hpp"
#include "screen/hotspots.hpp"
#include "screen/risk.hpp"

namespace lj::screen {

// Counts of one month × group (trends).
struct TrendRow {
  std::string month;  // YYYY-MM
  std::string group;  // the code; "none" for leads without one
  int64_t leads = 0;
  int64_t samples = 0;
  int64_t failed_samples = 0;
};

// {"enterprise_id","name","region_code","category","score","factors":[{"name","value",
// "decayed","points","share"}]}; numbers rounded to 4 decimals, score and points to 2.
Json to_json(const RiskScore& s);
// {"division_code","division_name","level","category","sampled","failed","complaints",
// "enterprises","nonconformance":{...},"complaint_rate":{...},"flagged"}; an estimate is null
// when there was nothing to estimate from.
Json to_json(const Hotspot& h);
Json to_json(const TrendRow& t);

}  // namespace lj::screen
