#include "calendar/work_calendar.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace lj::calendar {
namespace {

Date D(const char* s) {
  auto d = parse_date(s);
  EXPECT_TRUE(d.ok()) << s;
  return *d;
}

const WorkCalendar& shipped() {
  static const WorkCalendar cal = [] {
    const char* dir = std::getenv("LIJIAN_DATA_DIR");
    auto c = WorkCalendar::load(dir ? dir : "data");
    EXPECT_TRUE(c.ok()) << c.status().to_string();
    return c.ok() ? *c : WorkCalendar{};
  }();
  return cal;
}

std::string add(const char* from, int n) {
  auto r = shipped().add_working_days(D(from), n);
  return r.ok() ? format_date(*r) : "error: " + r.status().message();
}

TEST(WorkCalendar, ShipsTheYearsOfTheNotices) {
  EXPECT_EQ(shipped().first_year(), 2017);
  EXPECT_GE(shipped().last_year(), 2026);
}

// Each expectation is counted by hand from the State Council notice of its year.
TEST(WorkCalendar, DeadlinesAcrossHolidaysAndAdjustedWeekends) {
  // 15 working days to decide on filing, from Monday 12 February 2018: 13, 14; 春节 15–21;
  // 22, 23, Saturday 24 (worked), 26, 27, 28, 1 March, 2, 5, 6, 7, 8, 9.
  EXPECT_EQ(add("2018-02-12", 15), "2018-03-09");
  EXPECT_EQ(add("2018-09-28", 1), "2018-09-29");  // a Saturday worked before 国庆
  EXPECT_EQ(add("2018-09-28", 2), "2018-09-30");  // and the Sunday
  EXPECT_EQ(add("2018-09-28", 3), "2018-10-08");  // 国庆 1–7 October
  EXPECT_EQ(add("2018-12-28", 1), "2018-12-29");  // set by the 2019 notice
  EXPECT_EQ(add("2018-12-28", 2), "2019-01-02");  // 元旦 30 December – 1 January
  EXPECT_EQ(add("2019-04-30", 1), "2019-05-05");  // 劳动节 as revised: 1–4 May, Sunday 5 worked
  EXPECT_EQ(add("2020-01-23", 1), "2020-02-03");  // 春节 extended to 2 February 2020
  EXPECT_EQ(add("2023-09-28", 1), "2023-10-07");  // 中秋 and 国庆 together, Saturday 7 worked
  // 10 working days of legal review from Monday 30 September 2024: 8, 9, 10, 11, Saturday 12
  // (worked), 14, 15, 16, 17, 18 October.
  EXPECT_EQ(add("2024-09-30", 10), "2024-10-18");
  EXPECT_EQ(add("2025-01-27", 1), "2025-02-05");  // 除夕 a holiday from 2025
  EXPECT_EQ(add("2026-02-13", 1), "2026-02-14");  // Saturday worked before 春节 2026
  EXPECT_EQ(add("2026-02-13", 2), "2026-02-24");  // 春节 15–23 February 2026
  EXPECT_EQ(add("2018-06-15", 0), "2018-06-15");
  // 2017: 春节 27 January – 2 February with Sunday 22 January and Saturday 4 February worked;
  // 中秋 and 国庆 1–8 October with Saturday 30 September worked.
  EXPECT_EQ(add("2017-01-26", 1), "2017-02-03");
  EXPECT_EQ(add("2017-02-03", 1), "2017-02-04");
  EXPECT_EQ(add("2017-09-29", 1), "2017-09-30");
  EXPECT_EQ(add("2017-09-29", 2), "2017-10-09");
  // The start day is not counted, even when it is a holiday.
  EXPECT_EQ(add("2018-10-03", 1), "2018-10-08");
}

TEST(WorkCalendar, WorkingDaysAndCounts) {
  EXPECT_FALSE(*shipped().is_working_day(D("2025-01-01")));
  EXPECT_TRUE(*shipped().is_working_day(D("2025-01-26")));  // a Sunday worked
  EXPECT_FALSE(*shipped().is_working_day(D("2025-01-25")));  // an ordinary Saturday
  EXPECT_TRUE(*shipped().is_working_day(D("2025-01-24")));
  EXPECT_EQ(*shipped().working_days_between(D("2018-02-12"), D("2018-03-09")), 15);
  EXPECT_EQ(*shipped().working_days_between(D("2018-03-09"), D("2018-02-12")), 0);
  EXPECT_EQ(*shipped().working_days_between(D("2024-09-30"), D("2024-10-07")), 0);
}

TEST(WorkCalendar, RefusesDatesItDoesNotCover) {
  EXPECT_FALSE(shipped().is_working_day(D("2016-12-29")).ok());
  const std::string late = std::to_string(shipped().last_year()) + "-12-20";
  auto past_end = shipped().add_working_days(D(late.c_str()), 15);
  ASSERT_FALSE(past_end.ok());
  EXPECT_NE(past_end.status().message().find("cn-holidays.json"), std::string::npos);
  EXPECT_FALSE(shipped().add_working_days(D("2018-01-02"), -1).ok());
}

TEST(WorkCalendar, BadDataIsNamed) {
  auto err = [](const char* json) {
    auto c = WorkCalendar::from_json(Json::parse(json));
    return c.ok() ? std::string("ok") : c.status().field() + ": " + c.status().message();
  };
  EXPECT_EQ(err(R"({"years":{"2018":{"workdays":["2018-02-11"]}}})"), "ok");
  EXPECT_NE(err(R"({"years":{"2018":{"workdays":["2018-02-12"]}}})").find("years.2018.workdays[0]: 2018-02-12 is not a Saturday"), std::string::npos);
  EXPECT_NE(err(R"({"years":{"2018":{},"2020":{}}})").find("years.2019"), std::string::npos);
  EXPECT_NE(err(R"({"years":{"2018":{"holidays":[["2018-02-21","2018-02-15"]]}}})").find("years.2018.holidays[0]"), std::string::npos);
  EXPECT_NE(err(R"({"years":{"2018":{"holidays":[["2018-02-30","2018-03-01"]]}}})").find("not a date"), std::string::npos);
  EXPECT_NE(err(R"({"years":{"2018":{"holidays":[["2018-02-10","2018-02-11"]],"workdays":["2018-02-11"]}}})").find("both"), std::string::npos);
  EXPECT_NE(err(R"({"years":{}})").find("years"), std::string::npos);
}

TEST(WorkCalendar, ParsesOnlyRealDates) {
  EXPECT_TRUE(parse_date("2024-02-29").ok());
  EXPECT_FALSE(parse_date("2023-02-29").ok());
  EXPECT_FALSE(parse_date("2023-2-28").ok());
  EXPECT_FALSE(parse_date("2023-02-28T00:00").ok());
  EXPECT_EQ(format_date(D("2018-03-09")), "2018-03-09");
}

}  // namespace
}  // namespace lj::calendar
