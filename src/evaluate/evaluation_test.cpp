// The evaluation of units on small fixtures whose figures are worked out by hand in the comments;
// the zero-case and declining rules at their thresholds' boundaries; periods; the scheme file.
#include "evaluate/evaluation.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

#include "evaluate/period.hpp"
#include "evaluate/scheme.hpp"

namespace lj::evaluate {
namespace {

Scheme three_indicators() {
  Scheme s;
  s.version = "test";
  s.indicators = {{"filed", "立案数", "cases_filed", Normalise::kPerOfficer, 50, ""},
                  {"timely", "办案时效", "timeliness", Normalise::kNone, 30, ""},
                  {"major", "大案要案", "major_cases", Normalise::kPer10kEntities, 20, ""}};
  s.zero_case_max = 0;
  s.vs_last_year = {30, 3};
  s.moving_average = {30, 3};
  s.moving_average_periods = 3;
  return s;
}

UnitFigures unit(const std::string& code, const std::string& level, int64_t filed, int64_t officers,
                 int64_t ended, int64_t met, int64_t major, int64_t entities) {
  UnitFigures f;
  f.code = code;
  f.name = "单位" + code;
  f.level = level;
  f.path = "/" + code + "/";
  f.cases_filed = filed;
  f.officers = officers;
  f.deadlines_ended = ended;
  f.deadlines_met = met;
  f.major_cases = major;
  f.market_entities = entities;
  return f;
}

const UnitEvaluation& find(const Evaluation& e, const std::string& code) {
  for (const auto& u : e.units)
    if (u.figures.code == code) return u;
  throw std::runtime_error("no unit " + code);
}

TEST(Evaluation, ScoresAgainstTheBestOfTheLevelWorkedOutByHand) {
  // County A: 6 filed / 3 officers = 2.0; 3 of 4 periods met = 0.75; 1 major per 5,000 entities
  //           = 2.0 per 10,000.
  // County B: 4 filed / 1 officer = 4.0; 2 of 2 met = 1.0; 0 major / 10,000 = 0.
  // County C: 0 filed / 2 officers = 0; no period ended (null); no entities (null).
  // Best of the counties: 4.0, 1.0, 2.0.
  //   A = 50 × 2/4 + 30 × 0.75/1 + 20 × 2/2 = 25 + 22.5 + 20 = 67.5
  //   B = 50 × 4/4 + 30 × 1/1   + 20 × 0/2 = 50 + 30   + 0  = 80
  //   C = 0 + 0 (null) + 0 (null)                              = 0
  // League L is alone at its level: every non-zero value is the best, so 50 + 30 + 20 = 100.
  const Scheme s = three_indicators();
  auto p = parse_period("2018-Q2");
  ASSERT_TRUE(p.ok());
  UnitFigures total = unit("150000", "province", 10, 6, 6, 5, 1, 15000);
  std::vector<UnitFigures> figs = {
      unit("A", "county", 6, 3, 4, 3, 1, 5000), unit("B", "county", 4, 1, 2, 2, 0, 10000),
      unit("C", "county", 0, 2, 0, 0, 0, 0), unit("L", "city", 10, 6, 6, 5, 1, 15000), total};
  Evaluation e = evaluate_units(s, *p, total, figs);
  ASSERT_EQ(e.units.size(), 4u);  // the province is not ranked
  EXPECT_DOUBLE_EQ(find(e, "A").score, 67.5);
  EXPECT_DOUBLE_EQ(find(e, "B").score, 80);
  EXPECT_DOUBLE_EQ(find(e, "C").score, 0);
  EXPECT_DOUBLE_EQ(find(e, "L").score, 100);
  EXPECT_EQ(find(e, "B").rank, 1);
  EXPECT_EQ(find(e, "A").rank, 2);
  EXPECT_EQ(find(e, "C").rank, 3);
  EXPECT_EQ(find(e, "C").ranked_among, 3);
  EXPECT_EQ(find(e, "L").rank, 1);
  EXPECT_EQ(find(e, "L").ranked_among, 1);
  // League first, then the counties by rank.
  EXPECT_EQ(e.units[0].figures.code, "L");
  EXPECT_EQ(e.units[1].figures.code, "B");
  const auto& a = find(e, "A");
  EXPECT_DOUBLE_EQ(*a.indicators[0].value, 2.0);
  EXPECT_DOUBLE_EQ(a.indicators[0].best, 4.0);
  EXPECT_DOUBLE_EQ(*a.indicators[1].value, 0.75);
  EXPECT_DOUBLE_EQ(*a.indicators[2].value, 2.0);
  EXPECT_FALSE(find(e, "C").indicators[1].value.has_value());
  EXPECT_FALSE(find(e, "C").indicators[2].value.has_value());
  // The zero-case unit, with the figures behind it.
  ASSERT_EQ(e.zero_case.size(), 1u);
  EXPECT_EQ(e.zero_case[0].code, "C");
  EXPECT_EQ(e.zero_case[0].officers, 2);
  Json j = to_json(e, s);
  EXPECT_EQ(j["units"][1]["indicators"][0]["points"], 50.0);
  EXPECT_EQ(j["zero_case"][0]["unit_code"], "C");
}

TEST(Evaluation, EqualScoresShareARank) {
  // X and Y: 2 filed / 1 officer each (the best) = 50 points; Z: 1 / 1 = 25 points.
  // Ranks 1, 1, 3.
  Scheme s = three_indicators();
  s.indicators.resize(1);
  auto p = parse_period("2018-05");
  std::vector<UnitFigures> figs = {unit("X", "county", 2, 1, 0, 0, 0, 0),
                                   unit("Y", "county", 2, 1, 0, 0, 0, 0),
                                   unit("Z", "county", 1, 1, 0, 0, 0, 0)};
  Evaluation e = evaluate_units(s, *p, UnitFigures{}, figs);
  EXPECT_EQ(find(e, "X").rank, 1);
  EXPECT_EQ(find(e, "Y").rank, 1);
  EXPECT_EQ(find(e, "Z").rank, 3);
  EXPECT_DOUBLE_EQ(find(e, "Z").score, 25);
}

TEST(Evaluation, NoOfficersOrNoCasesAnywhereGivesNoPoints) {
  // Nobody filed a case: the best is 0, so nobody gets the indicator's points (never 0/0).
  Scheme s = three_indicators();
  auto p = parse_period("2018");
  std::vector<UnitFigures> figs = {unit("X", "county", 0, 0, 0, 0, 0, 0),
                                   unit("Y", "county", 0, 3, 0, 0, 0, 0)};
  Evaluation e = evaluate_units(s, *p, UnitFigures{}, figs);
  EXPECT_DOUBLE_EQ(find(e, "X").score, 0);
  EXPECT_DOUBLE_EQ(find(e, "Y").score, 0);
  EXPECT_FALSE(find(e, "X").indicators[0].value.has_value());  // no officers: no per-officer value
  EXPECT_EQ(e.zero_case.size(), 2u);
}

TEST(Evaluation, ZeroCaseThresholdIsInclusive) {
  // max_cases 1: a unit with 1 case filed is listed, one with 2 is not.
  Scheme s = three_indicators();
  s.zero_case_max = 1;
  auto p = parse_period("2018-05");
  std::vector<UnitFigures> figs = {unit("X", "county", 1, 1, 0, 0, 0, 0),
                                   unit("Y", "county", 2, 1, 0, 0, 0, 0)};
  Evaluation e = evaluate_units(s, *p, UnitFigures{}, figs);
  ASSERT_EQ(e.zero_case.size(), 1u);
  EXPECT_EQ(e.zero_case[0].code, "X");
}

TEST(Declining, AgainstLastYearAtTheBoundary) {
  const DropRule rule{30, 3};
  EXPECT_TRUE(dropped(7, 10, rule));    // (10 − 7) / 10 = 30 %: at the threshold, listed
  EXPECT_FALSE(dropped(8, 10, rule));   // 20 %
  EXPECT_TRUE(dropped(2, 3, rule));     // 33.3 % of the smallest base that counts
  EXPECT_FALSE(dropped(0, 2, rule));    // 100 % of a base below min_base: too small to judge
  EXPECT_FALSE(dropped(12, 10, rule));  // a rise
}

TEST(Declining, AgainstTheMovingAverageAtTheBoundary) {
  const DropRule rule{30, 3};
  // Average of 10, 10, 10 = 10: 7 is exactly 30 % below (listed), 8 is 20 % below (not).
  EXPECT_TRUE(dropped_vs_average(7, {10, 10, 10}, rule));
  EXPECT_FALSE(dropped_vs_average(8, {10, 10, 10}, rule));
  // Average of 3, 3, 4 = 3.33: 2 is 40 % below; 3 is 10 % below.
  EXPECT_TRUE(dropped_vs_average(2, {3, 3, 4}, rule));
  EXPECT_FALSE(dropped_vs_average(3, {3, 3, 4}, rule));
  // Average of 2, 3, 3 = 2.67 < min_base 3: not judged even at 0.
  EXPECT_FALSE(dropped_vs_average(0, {2, 3, 3}, rule));
  // Average exactly 3 = min_base: judged.
  EXPECT_TRUE(dropped_vs_average(0, {3, 3, 3}, rule));
  EXPECT_FALSE(dropped_vs_average(0, {}, rule));
}

TEST(Declining, ListedWithTheFiguresAndReasons) {
  // D: 7 now, 10 a year ago (−30 %), previous 8, 8, 8 (average 8, −12.5 %): vs_last_year only.
  // E: 2 now, 2 a year ago, previous 4, 4, 4 (average 4, −50 %): moving_average only.
  // F: 5 now, 5 a year ago, previous 5, 5, 5: not listed.
  Scheme s = three_indicators();
  auto p = parse_period("2018-05");
  UnitFigures d = unit("D", "county", 7, 1, 0, 0, 0, 0);
  d.last_year = 10;
  d.previous = {8, 8, 8};
  UnitFigures e2 = unit("E", "county", 2, 1, 0, 0, 0, 0);
  e2.last_year = 2;
  e2.previous = {4, 4, 4};
  UnitFigures f = unit("F", "county", 5, 1, 0, 0, 0, 0);
  f.last_year = 5;
  f.previous = {5, 5, 5};
  Evaluation e = evaluate_units(s, *p, UnitFigures{}, {d, e2, f});
  ASSERT_EQ(e.declining.size(), 2u);
  EXPECT_EQ(e.declining[0].code, "D");
  EXPECT_EQ(e.declining[0].reasons, std::vector<std::string>{"vs_last_year"});
  EXPECT_DOUBLE_EQ(*e.declining[0].drop_vs_last_year_percent, 30);
  EXPECT_DOUBLE_EQ(*e.declining[0].drop_vs_average_percent, 12.5);
  EXPECT_EQ(e.declining[1].code, "E");
  EXPECT_EQ(e.declining[1].reasons, std::vector<std::string>{"moving_average"});
  EXPECT_DOUBLE_EQ(e.declining[1].moving_average, 4);
}

TEST(Period, ParsesEveryKindWithItsDays) {
  auto m = parse_period("2016-02");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->from(), "2016-02-01");
  EXPECT_EQ(m->to(), "2016-02-29");
  EXPECT_EQ(m->name_zh(), "2016年2月");
  auto q = parse_period("2018-Q1");
  ASSERT_TRUE(q.ok());
  EXPECT_EQ(q->to(), "2018-03-31");
  EXPECT_EQ(q->previous().code(), "2017-Q4");
  EXPECT_EQ(q->same_last_year().code(), "2017-Q1");
  EXPECT_EQ(q->name_zh(), "2018年第一季度");
  auto h = parse_period("2018-H2");
  ASSERT_TRUE(h.ok());
  EXPECT_EQ(h->from(), "2018-07-01");
  EXPECT_EQ(h->to(), "2018-12-31");
  auto y = parse_period("2018");
  ASSERT_TRUE(y.ok());
  EXPECT_EQ(y->from(), "2018-01-01");
  EXPECT_EQ(y->previous().code(), "2017");
  auto prev = parse_period("2018-02")->previous_periods(3);
  ASSERT_EQ(prev.size(), 3u);
  EXPECT_EQ(prev[0].code(), "2017-11");
  EXPECT_EQ(prev[2].code(), "2018-01");
}

TEST(Period, RejectsWhatIsNotAPeriodNamingTheField) {
  for (const char* bad :
       {"2018-13", "2018-00", "2018-Q5", "2018-H3", "18-05", "2018/05", "", "1999", "2018-5"}) {
    auto p = parse_period(bad, "month");
    ASSERT_FALSE(p.ok()) << bad;
    EXPECT_EQ(p.status().field(), "month") << bad;
  }
}

TEST(Scheme, TheShippedSchemeLoadsAndWeighs100) {
  const char* dir = std::getenv("LIJIAN_DATA_DIR");
  auto s = Scheme::load(dir ? dir : "data");
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  EXPECT_DOUBLE_EQ(s->total_weight(), 100);
  EXPECT_EQ(s->moving_average_periods, 3);
  double disclosure = 0;
  for (const auto& i : s->indicators)
    if (i.measure == "disclosure_on_time") disclosure = i.weight;
  EXPECT_DOUBLE_EQ(disclosure, 10) << "disclosure on time is wired (evaluation_repo.cpp)";
}

TEST(Scheme, ErrorsNameTheEntry) {
  Json doc = three_indicators().to_json();
  doc["indicators"][1]["weight"] = -1;
  auto s = Scheme::from_json(doc);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.status().field(), "indicators[1].weight");
  doc = three_indicators().to_json();
  doc["indicators"][0]["measure"] = "arrests";
  EXPECT_EQ(Scheme::from_json(doc).status().field(), "indicators[0].measure");
  doc = three_indicators().to_json();
  doc["declining"]["moving_average"]["periods"] = 0;
  EXPECT_EQ(Scheme::from_json(doc).status().field(), "declining.moving_average.periods");
  EXPECT_TRUE(Scheme::from_json(three_indicators().to_json()).ok());
}

}  // namespace
}  // namespace lj::evaluate
