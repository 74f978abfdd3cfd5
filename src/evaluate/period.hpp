// Evaluation periods (考核周期): a month "2018-05", a quarter "2018-Q2", a half-year "2018-H1" or
// a year "2018", each the civil dates [from, to] inclusive in Asia/Shanghai. Pure.
#pragma once

#include <string>
#include <vector>

#include "core/status.hpp"

namespace lj::evaluate {

enum class PeriodKind { kMonth, kQuarter, kHalfYear, kYear };

struct Period {
  PeriodKind kind = PeriodKind::kMonth;
  int year = 0;
  int index = 1;  // month 1..12, quarter 1..4, half 1..2, 1 for a year

  std::string code() const;       // "2018-05" | "2018-Q2" | "2018-H1" | "2018"
  std::string from() const;       // first day, YYYY-MM-DD
  std::string to() const;         // last day, YYYY-MM-DD
  std::string name_zh() const;    // 2018年5月 | 2018年第二季度 | 2018年上半年 | 2018年
  const char* kind_name() const;  // month | quarter | half_year | year

  Period previous() const;        // the period of the same kind just before
  Period same_last_year() const;  // the same period one year earlier
  // The `n` periods before this one, oldest first.
  std::vector<Period> previous_periods(int n) const;
  bool operator==(const Period&) const = default;
};

// Parses a period code; kInvalidArgument naming `field` and the accepted forms otherwise.
// Years 2000..2100.
Result<Period> parse_period(const std::string& text, const std::string& field = "period");

}  // namespace lj::evaluate
