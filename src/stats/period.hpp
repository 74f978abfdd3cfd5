// Statistical periods (docs/statistics.md): a month "2018-05", a quarter "2018-Q2", a half-year
// "2018-H1", a year "2018", or a custom range of months "2018-03..2018-08". Months are civil
// months in Asia/Shanghai, both ends included.
#pragma once

#include <string>

#include "core/status.hpp"

namespace lj::stats {

struct Period {
  std::string from_month, to_month;  // "YYYY-MM"
  std::string label;                 // 2018年上半年, 2018年第二季度, 2018年5月, ...
};

// Errors name the field `field` ("period").
Result<Period> parse_period(const std::string& text, const std::string& field = "period");

}  // namespace lj::stats
