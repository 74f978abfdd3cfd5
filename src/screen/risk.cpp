#include "screen/risk.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace lj::screen {
namespace {

int month_index(const std::string& month) {
  if (month.size() < 7) return 0;
  return std::stoi(month.substr(0, 4)) * 12 + std::stoi(month.substr(5, 2)) - 1;
}

int64_t total(const std::vector<MonthCount>& events) {
  int64_t n = 0;
  for (const MonthCount& m : events) n += m.count;
  return n;
}

std::optional<std::string> latest(const std::vector<MonthCount>& events) {
  std::optional<std::string> out;
  for (const MonthCount& m : events)
    if (m.count > 0 && (!out || m.month > *out)) out = m.month;
  return out;
}

}  // namespace

bool is_dishonest_status(const std::string& status) {
  return status == "dishonest" || status == "serious_dishonesty" ||
         status.find("失信") != std::string::npos || status.find("严重违法") != std::string::npos;
}

int months_between(const std::string& month, const std::string& as_of) {
  return month_index(as_of) - month_index(month);
}

double decayed_count(const std::vector<MonthCount>& events, const std::string& as_of,
                     double half_life_months) {
  double sum = 0;
  for (const MonthCount& m : events) {
    const int age = std::max(0, months_between(m.month, as_of));
    sum += static_cast<double>(m.count) * std::pow(0.5, age / half_life_months);
  }
  return sum;
}

RiskScore score_risk(const RiskInput& in, const RiskConfig& config, const std::string& as_of) {
  RiskScore out;
  out.enterprise_id = in.enterprise_id;
  out.name = in.name;
  out.region_code = in.region_code;
  out.category = in.category;
  auto events = [&](const char* name, const std::vector<MonthCount>& ev, double weight) {
    RiskFactor f;
    f.name = name;
    f.value = static_cast<double>(total(ev));
    f.decayed = decayed_count(ev, as_of, config.half_life_months);
    f.points = weight * f.decayed / (f.decayed + config.saturation);
    out.factors.push_back(f);
  };
  events("sampling_failures", in.failed_samples, config.w_sampling_failures);
  events("complaints", in.complaints, config.w_complaints);
  events("prior_cases", in.cases, config.w_prior_cases);

  RiskFactor dishonesty{"dishonesty", 0, 0, 0, 0};
  if (in.dishonesty_listed || is_dishonest_status(in.status)) {
    dishonesty.value = dishonesty.decayed = 1;
    dishonesty.points = config.w_dishonesty;
  }
  out.factors.push_back(dishonesty);

  // The listing decided in Lijian's own penalty procedure (严重违法失信名单, SAMR Order 44). It is
  // the same list as the registry's status: it scores only when the registry has not already
  // counted it, so one listing never scores twice and the score stays within 100.
  RiskFactor listed{"dishonesty_list", 0, 0, 0, 0};
  if (in.dishonesty_list_decided) {
    listed.value = 1;
    listed.decayed = dishonesty.points > 0 ? 0 : 1;
    listed.points = dishonesty.points > 0 ? 0 : config.w_dishonesty_list;
  }
  out.factors.push_back(listed);

  RiskFactor category{"category", 0, 0, 0, 0};
  if (config.high_risk_categories.count(in.category)) {
    category.value = category.decayed = 1;
    category.points = config.w_category;
  }
  out.factors.push_back(category);

  // Recency: how lately anything adverse happened, 0.5^(months since / half-life).
  RiskFactor recency{"recency", 0, 0, 0, 0};
  std::optional<std::string> last;
  for (const auto* ev : {&in.failed_samples, &in.complaints, &in.cases}) {
    auto l = latest(*ev);
    if (l && (!last || *l > *last)) last = l;
  }
  if (last) {
    const int age = std::max(0, months_between(*last, as_of));
    recency.value = age;
    recency.decayed = std::pow(0.5, age / config.half_life_months);
    recency.points = config.w_recency * recency.decayed;
  } else {
    recency.value = -1;
  }
  out.factors.push_back(recency);

  for (const RiskFactor& f : out.factors) out.score += f.points;
  for (RiskFactor& f : out.factors) f.share = out.score > 0 ? f.points / out.score : 0;
  return out;
}

}  // namespace lj::screen
