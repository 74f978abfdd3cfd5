// Periods and the 万元 rendering of the statistics (stats/period.hpp, stats/summary.hpp).
#include "stats/period.hpp"

#include <gtest/gtest.h>

#include "stats/summary.hpp"

namespace lj::stats {
namespace {

TEST(StatsPeriod, EveryFormNamesItsMonthsAndLabel) {
  auto year = parse_period("2018");
  ASSERT_TRUE(year.ok());
  EXPECT_EQ(year->from_month, "2018-01");
  EXPECT_EQ(year->to_month, "2018-12");
  EXPECT_EQ(year->label, "2018年");
  auto h2 = parse_period("2018-H2");
  ASSERT_TRUE(h2.ok());
  EXPECT_EQ(h2->from_month, "2018-07");
  EXPECT_EQ(h2->label, "2018年下半年");
  auto q2 = parse_period("2018-Q2");
  ASSERT_TRUE(q2.ok());
  EXPECT_EQ(q2->from_month, "2018-04");
  EXPECT_EQ(q2->to_month, "2018-06");
  EXPECT_EQ(q2->label, "2018年第二季度");
  auto m = parse_period("2018-05");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->from_month, "2018-05");
  EXPECT_EQ(m->to_month, "2018-05");
  auto range = parse_period("2017-11..2018-02");
  ASSERT_TRUE(range.ok());
  EXPECT_EQ(range->from_month, "2017-11");
  EXPECT_EQ(range->to_month, "2018-02");
  EXPECT_EQ(range->label, "2017年11月至2018年2月");
}

TEST(StatsPeriod, BadPeriodsNameTheField) {
  for (const char* bad : {"", "2018-13", "2018-H3", "2018-Q5", "18", "2018-06..2018-01", "2018-00..2018-02"}) {
    auto p = parse_period(bad, "period");
    EXPECT_FALSE(p.ok()) << bad;
    EXPECT_EQ(p.status().field(), "period") << bad;
  }
}

TEST(StatsSummary, MoneyInWanYuanRoundsHalfUp) {
  EXPECT_EQ(wan_yuan(0), "0.00");
  EXPECT_EQ(wan_yuan(5'000'000), "5.00");       // 50,000 yuan
  EXPECT_EQ(wan_yuan(1'234'567), "1.23");       // 12,345.67 yuan
  EXPECT_EQ(wan_yuan(1'235'000), "1.24");       // half up
  EXPECT_EQ(wan_yuan(-1'235'000), "-1.24");
  EXPECT_EQ(wan_yuan(123'456'789'000), "123456.79");
}

}  // namespace
}  // namespace lj::stats
