// The explainable risk score of an enterprise (docs/screening.md, "Risk score"): a sum of
// factor points, each factor's value, points and share of the score listed. Pure functions.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace lj::screen {

// Events of one kind in one calendar month ("YYYY-MM").
struct MonthCount {
  std::string month;
  int64_t count = 0;
};

// What the store knows about one enterprise (screen_repo gathers it).
struct RiskInput {
  int64_t enterprise_id = 0;
  std::string name;
  std::string region_code;
  std::string status;              // the registry's status text
  bool dishonesty_listed = false;  // on the serious-dishonesty list (see is_dishonest_status)
  // Listed by a decision taken in Lijian's penalty procedure (docs/dishonesty.md): a current
  // listing (listed, or applying for early removal) of the enterprise.
  bool dishonesty_list_decided = false;
  std::string category;            // its most frequent product category ("" unknown)
  std::vector<MonthCount> failed_samples;  // supervision samples that failed
  std::vector<MonthCount> samples;         // all samples (shown, not scored)
  std::vector<MonthCount> complaints;      // leads from hotline_12365 and public_web
  std::vector<MonthCount> cases;           // cases opened against it
};

// Weights are the points a factor gives at saturation; their sum is the largest score.
struct RiskConfig {
  double w_sampling_failures = 35;
  double w_complaints = 20;
  double w_prior_cases = 20;
  double w_dishonesty = 15;
  double w_dishonesty_list = 15;  // a current listing decided in Lijian (docs/dishonesty.md)
  double w_category = 5;
  double w_recency = 5;
  double half_life_months = 12;  // an event's weight halves every half_life_months
  double saturation = 1;         // decayed count giving half a factor's weight: x/(x+saturation)
  // Categories of the campaign's focus (the work plan's 重点产品).
  std::set<std::string> high_risk_categories = {
      "fertilizer",           "wire_cable", "children_products", "fuel",  "steel",
      "drip_irrigation_tape", "agri_film",  "brake_linings",     "cement"};
};

struct RiskFactor {
  std::string
      name;  // sampling_failures | complaints | prior_cases | dishonesty | dishonesty_list |
             // category | recency
  double value = 0;    // raw count (events), 0/1 (dishonesty, dishonesty_list, category),
                       // months since (recency)
  double decayed = 0;  // the decayed count the points come from (events); else as value
  double points = 0;
  double share = 0;  // points / score (0 when the score is 0); the shares sum to 1
};

struct RiskScore {
  int64_t enterprise_id = 0;
  std::string name;
  std::string region_code;
  std::string category;
  double score = 0;  // 0 .. the sum of the weights
  std::vector<RiskFactor> factors;
};

// Whether a registry status text marks the serious-dishonesty list: "dishonest",
// "serious_dishonesty", or text containing 失信 or 严重违法.
bool is_dishonest_status(const std::string& status);

// Whole months from `month` to `as_of` (both "YYYY-MM"; negative when month is later).
int months_between(const std::string& month, const std::string& as_of);

// Σ count · 0.5^(age / half_life) over the months up to `as_of` (later months count as age 0).
double decayed_count(const std::vector<MonthCount>& events, const std::string& as_of,
                     double half_life_months);

// The score of one enterprise as of the month `as_of` ("YYYY-MM").
RiskScore score_risk(const RiskInput& in, const RiskConfig& config, const std::string& as_of);

}  // namespace lj::screen
