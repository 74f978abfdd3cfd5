#include "stats/period.hpp"

#include <regex>

namespace lj::stats {
namespace {

std::string month(int y, int m) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
  return buf;
}

}  // namespace

Result<Period> parse_period(const std::string& text, const std::string& field) {
  static const std::regex kYear(R"((\d{4}))"), kHalf(R"((\d{4})-H([12]))"),
      kQuarter(R"((\d{4})-Q([1-4]))"), kMonth(R"((\d{4})-(\d{2}))"),
      kRange(R"((\d{4})-(\d{2})\.\.(\d{4})-(\d{2}))");
  std::smatch m;
  auto bad = [&](const std::string& why) {
    return Status::Invalid(field, "'" + text + "' " + why);
  };
  if (std::regex_match(text, m, kYear)) {
    int y = std::stoi(m[1]);
    return Period{month(y, 1), month(y, 12), std::to_string(y) + "年"};
  }
  if (std::regex_match(text, m, kHalf)) {
    int y = std::stoi(m[1]), h = std::stoi(m[2]);
    return Period{month(y, h == 1 ? 1 : 7), month(y, h == 1 ? 6 : 12),
                  std::to_string(y) + (h == 1 ? "年上半年" : "年下半年")};
  }
  if (std::regex_match(text, m, kQuarter)) {
    int y = std::stoi(m[1]), q = std::stoi(m[2]);
    static const char* kNames[] = {"一", "二", "三", "四"};
    return Period{month(y, 3 * q - 2), month(y, 3 * q),
                  std::to_string(y) + "年第" + kNames[q - 1] + "季度"};
  }
  if (std::regex_match(text, m, kMonth)) {
    int y = std::stoi(m[1]), mo = std::stoi(m[2]);
    if (mo < 1 || mo > 12) return bad("has no month " + std::to_string(mo));
    return Period{month(y, mo), month(y, mo),
                  std::to_string(y) + "年" + std::to_string(mo) + "月"};
  }
  if (std::regex_match(text, m, kRange)) {
    int y1 = std::stoi(m[1]), m1 = std::stoi(m[2]), y2 = std::stoi(m[3]), m2 = std::stoi(m[4]);
    if (m1 < 1 || m1 > 12 || m2 < 1 || m2 > 12) return bad("names a month outside 01..12");
    Period p{month(y1, m1), month(y2, m2), ""};
    if (p.to_month < p.from_month) return bad("ends before it starts");
    p.label = std::to_string(y1) + "年" + std::to_string(m1) + "月至" + std::to_string(y2) +
              "年" + std::to_string(m2) + "月";
    return p;
  }
  return bad("is not a period: use 2018, 2018-H1, 2018-Q2, 2018-05 or 2018-03..2018-08");
}

}  // namespace lj::stats
