#include "evaluate/period.hpp"

#include <chrono>
#include <cstdio>

namespace lj::evaluate {
namespace {

int months_of(PeriodKind k) {
  switch (k) {
    case PeriodKind::kMonth:
      return 1;
    case PeriodKind::kQuarter:
      return 3;
    case PeriodKind::kHalfYear:
      return 6;
    case PeriodKind::kYear:
      return 12;
  }
  return 1;
}

int count_of(PeriodKind k) {
  return 12 / months_of(k);
}

std::string ymd(int y, int m, int d) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf;
}

int last_day(int y, int m) {
  using namespace std::chrono;
  return static_cast<int>(static_cast<unsigned>(
      year_month_day_last{year{y}, month_day_last{month{static_cast<unsigned>(m)}}}.day()));
}

const char* kChineseNumbers[] = {"零", "一", "二", "三", "四"};

bool all_digits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

}  // namespace

std::string Period::code() const {
  char buf[40];
  switch (kind) {
    case PeriodKind::kMonth:
      std::snprintf(buf, sizeof buf, "%04d-%02d", year, index);
      break;
    case PeriodKind::kQuarter:
      std::snprintf(buf, sizeof buf, "%04d-Q%d", year, index);
      break;
    case PeriodKind::kHalfYear:
      std::snprintf(buf, sizeof buf, "%04d-H%d", year, index);
      break;
    case PeriodKind::kYear:
      std::snprintf(buf, sizeof buf, "%04d", year);
      break;
  }
  return buf;
}

std::string Period::from() const {
  return ymd(year, (index - 1) * months_of(kind) + 1, 1);
}

std::string Period::to() const {
  const int m = index * months_of(kind);
  return ymd(year, m, last_day(year, m));
}

std::string Period::name_zh() const {
  const std::string y = std::to_string(year) + "年";
  switch (kind) {
    case PeriodKind::kMonth:
      return y + std::to_string(index) + "月";
    case PeriodKind::kQuarter:
      return y + "第" + kChineseNumbers[index] + "季度";
    case PeriodKind::kHalfYear:
      return y + (index == 1 ? "上半年" : "下半年");
    case PeriodKind::kYear:
      return y;
  }
  return y;
}

const char* Period::kind_name() const {
  switch (kind) {
    case PeriodKind::kMonth:
      return "month";
    case PeriodKind::kQuarter:
      return "quarter";
    case PeriodKind::kHalfYear:
      return "half_year";
    case PeriodKind::kYear:
      return "year";
  }
  return "month";
}

Period Period::previous() const {
  Period p = *this;
  if (--p.index < 1) {
    p.index = count_of(kind);
    --p.year;
  }
  return p;
}

Period Period::same_last_year() const {
  Period p = *this;
  --p.year;
  return p;
}

std::vector<Period> Period::previous_periods(int n) const {
  std::vector<Period> out(static_cast<size_t>(n > 0 ? n : 0));
  Period p = *this;
  for (int i = n - 1; i >= 0; --i) {
    p = p.previous();
    out[static_cast<size_t>(i)] = p;
  }
  return out;
}

Result<Period> parse_period(const std::string& text, const std::string& field) {
  auto bad = [&] {
    return Status::Invalid(field, "'" + text +
                                      "' is not a period: expected YYYY-MM (month), YYYY-Qn "
                                      "(quarter), YYYY-Hn (half-year) or YYYY (year)");
  };
  if (text.size() < 4 || !all_digits(text.substr(0, 4))) return bad();
  Period p;
  p.year = std::stoi(text.substr(0, 4));
  if (p.year < 2000 || p.year > 2100)
    return Status::Invalid(field, "year out of range in '" + text + "'");
  if (text.size() == 4) {
    p.kind = PeriodKind::kYear;
    p.index = 1;
    return p;
  }
  if (text.size() == 7 && text[4] == '-' && all_digits(text.substr(5))) {
    p.kind = PeriodKind::kMonth;
    p.index = std::stoi(text.substr(5));
    if (p.index < 1 || p.index > 12) return bad();
    return p;
  }
  if (text.size() == 7 && text[4] == '-' && (text[5] == 'Q' || text[5] == 'H') &&
      all_digits(text.substr(6))) {
    p.kind = text[5] == 'Q' ? PeriodKind::kQuarter : PeriodKind::kHalfYear;
    p.index = text[6] - '0';
    if (p.index < 1 || p.index > count_of(p.kind)) return bad();
    return p;
  }
  return bad();
}

}  // namespace lj::evaluate
