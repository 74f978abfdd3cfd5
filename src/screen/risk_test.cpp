// The risk score's factors, points and shares.
#include "screen/risk.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace lj::screen {
namespace {

const RiskFactor& factor(const RiskScore& s, const std::string& name) {
  for (const RiskFactor& f : s.factors)
    if (f.name == name) return f;
  throw std::out_of_range(name);
}

TEST(RiskScore, MonthsAndDecay) {
  EXPECT_EQ(months_between("2018-03", "2019-03"), 12);
  EXPECT_EQ(months_between("2018-12", "2019-01"), 1);
  // One event now counts 1, one a half-life ago 0.5, one later than as_of counts as now.
  EXPECT_NEAR(decayed_count({{"2019-03", 1}, {"2018-03", 1}, {"2019-05", 1}}, "2019-03", 12), 2.5,
              1e-12);
}

TEST(RiskScore, FactorsPointsAndSharesOnAWorkedExample) {
  RiskInput in;
  in.enterprise_id = 7;
  in.category = "fertilizer";
  in.failed_samples = {{"2019-03", 1}};  // decayed 1 -> 35 · 1/2 = 17.5
  in.complaints = {{"2018-03", 2}};      // decayed 1 -> 20 · 1/2 = 10
  in.status = "列入严重违法失信名单";    // 15
  RiskScore s = score_risk(in, RiskConfig{}, "2019-03");
  EXPECT_NEAR(factor(s, "sampling_failures").points, 17.5, 1e-9);
  EXPECT_NEAR(factor(s, "complaints").decayed, 1.0, 1e-9);
  EXPECT_NEAR(factor(s, "complaints").points, 10, 1e-9);
  EXPECT_EQ(factor(s, "complaints").value, 2);
  EXPECT_EQ(factor(s, "prior_cases").points, 0);
  EXPECT_EQ(factor(s, "dishonesty").points, 15);
  EXPECT_EQ(factor(s, "category").points, 5);
  EXPECT_EQ(factor(s, "recency").value, 0);  // the latest event is this month
  EXPECT_NEAR(factor(s, "recency").points, 5, 1e-9);
  EXPECT_NEAR(s.score, 17.5 + 10 + 15 + 5 + 5, 1e-9);
  double shares = 0;
  for (const RiskFactor& f : s.factors) shares += f.share;
  EXPECT_NEAR(shares, 1.0, 1e-12);
  EXPECT_NEAR(factor(s, "sampling_failures").share, 17.5 / 52.5, 1e-12);
}

TEST(RiskScore, NothingKnownScoresZeroWithZeroShares) {
  RiskInput in;
  in.category = "textiles_apparel";
  RiskScore s = score_risk(in, RiskConfig{}, "2019-03");
  EXPECT_EQ(s.score, 0);
  for (const RiskFactor& f : s.factors) EXPECT_EQ(f.share, 0) << f.name;
  EXPECT_EQ(factor(s, "recency").value, -1);
}

TEST(RiskScore, OldEventsWeighLessAndTheScoreStaysBelowTheWeights) {
  RiskInput recent, old;
  recent.failed_samples = {{"2019-01", 3}};
  old.failed_samples = {{"2016-01", 3}};
  RiskConfig config;
  RiskScore a = score_risk(recent, config, "2019-03"), b = score_risk(old, config, "2019-03");
  EXPECT_GT(a.score, b.score);
  RiskInput everything;
  everything.failed_samples = everything.complaints = everything.cases = {{"2019-03", 1000}};
  everything.dishonesty_listed = true;
  everything.category = "fuel";
  RiskScore c = score_risk(everything, config, "2019-03");
  EXPECT_LT(c.score, 100);
  EXPECT_GT(c.score, 99);
}

TEST(RiskScore, WeightsAreConfigurable) {
  RiskInput in;
  in.dishonesty_listed = true;
  RiskConfig config;
  config.w_dishonesty = 40;
  EXPECT_EQ(score_risk(in, config, "2019-03").score, 40);
  EXPECT_TRUE(is_dishonest_status("serious_dishonesty"));
  // A listing decided in the penalty procedure is its own explained factor.
  RiskInput decided;
  decided.dishonesty_list_decided = true;
  RiskScore d = score_risk(decided, RiskConfig{}, "2019-03");
  EXPECT_EQ(d.score, 15);
  ASSERT_EQ(d.factors.size(), 7u);
  EXPECT_EQ(d.factors[4].name, "dishonesty_list");
  EXPECT_EQ(d.factors[4].value, 1);
  EXPECT_EQ(d.factors[4].share, 1);
  EXPECT_EQ(d.factors[3].points, 0) << "the registry status factor stays apart";
  // Listed by both sources: the one list scores once.
  decided.dishonesty_listed = true;
  RiskScore both = score_risk(decided, RiskConfig{}, "2019-03");
  EXPECT_EQ(both.score, 15);
  EXPECT_EQ(both.factors[3].points, 15);
  EXPECT_EQ(both.factors[4].value, 1);
  EXPECT_EQ(both.factors[4].points, 0);
  EXPECT_FALSE(is_dishonest_status("存续"));
}

}  // namespace
}  // namespace lj::screen
