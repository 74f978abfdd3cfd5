// The statistics of the hotspot screen on worked examples.
#include "screen/stats.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace lj::screen {
namespace {

TEST(ScreenStats, BetaCdfKnownValues) {
  EXPECT_NEAR(beta_cdf(0.3, 1, 1), 0.3, 1e-12);     // uniform
  EXPECT_NEAR(beta_cdf(0.5, 2, 3), 0.6875, 1e-12);  // 1 - (1-x)^4 - 4x(1-x)^3 at 1/2
  EXPECT_NEAR(beta_cdf(0.2, 2, 2), 3 * 0.04 - 2 * 0.008, 1e-12);
  EXPECT_NEAR(beta_cdf(0.9, 50, 50), 1.0, 1e-9);
  EXPECT_EQ(beta_cdf(0, 2, 2), 0);
  EXPECT_EQ(beta_cdf(1, 2, 2), 1);
}

TEST(ScreenStats, GammaCdfKnownValues) {
  EXPECT_NEAR(gamma_cdf(2, 1), 1 - std::exp(-2.0), 1e-12);      // exponential
  EXPECT_NEAR(gamma_cdf(3, 2), 1 - std::exp(-3.0) * 4, 1e-12);  // Erlang(2): 1 - e^-x (1 + x)
  EXPECT_NEAR(gamma_cdf(100, 100), 0.5133, 1e-3);               // near the median for large shape
  EXPECT_EQ(gamma_cdf(0, 3), 0);
}

TEST(ScreenStats, BetaPriorByMomentsOnAWorkedExample) {
  // Four divisions at 10% and one at 50%, 100 samples each: m = 0.18; S = 100·(4·0.0064 +
  // 0.1024) = 12.8; (k-1)·m(1-m) = 4·0.1476 = 0.5904; N - Σn²/N = 500 - 100 = 400;
  // τ² = (12.8 - 0.5904)/400 = 0.030524; α+β = 0.1476/0.030524 - 1 = 3.8355.
  std::vector<Count> units = {{10, 100}, {10, 100}, {10, 100}, {10, 100}, {50, 100}};
  BetaPrior p = fit_beta_prior(units);
  EXPECT_NEAR(p.mean(), 0.18, 1e-12);
  EXPECT_NEAR(p.alpha + p.beta, 0.1476 / 0.030524 - 1, 1e-3);
}

TEST(ScreenStats, NoExcessSpreadPoolsEveryUnit) {
  // Rates that differ no more than binomial noise: the prior is as strong as allowed.
  std::vector<Count> units = {{10, 100}, {11, 100}, {9, 100}, {10, 100}};
  BetaPrior p = fit_beta_prior(units, 1e4);
  EXPECT_NEAR(p.alpha + p.beta, 1e4, 1e-6);
  Posterior post = beta_posterior(p, {11, 100}, p.mean());
  EXPECT_NEAR(post.mean, 0.1, 1e-3);
  EXPECT_NEAR(post.p_above, 0.5, 0.05);
}

TEST(ScreenStats, ShrinkageDoesNotRankOneOfOneAboveFortyOfHundred) {
  // The province: mostly around 10%, one division at 40/100, one with a single failed sample.
  std::vector<Count> units = {{5, 60}, {8, 80}, {3, 40}, {12, 100}, {40, 100}, {1, 1}, {6, 50}};
  BetaPrior prior = fit_beta_prior(units);
  const double province = prior.mean();
  Posterior one = beta_posterior(prior, {1, 1}, province);
  Posterior forty = beta_posterior(prior, {40, 100}, province);
  EXPECT_LT(one.mean, forty.mean);
  EXPECT_LT(one.p_above, forty.p_above);
  EXPECT_GT(forty.p_above, 0.95);  // 40/100 against ~17% is a hotspot
  EXPECT_LT(one.p_above, 0.95);    // one failed sample is not evidence
}

TEST(ScreenStats, GammaPriorAndExceedance) {
  // Complaints over exposure (10,000s of enterprises): four alike, one far above.
  std::vector<Count> units = {{10, 1}, {12, 1.2}, {8, 0.8}, {10, 1}, {60, 1}};
  GammaPrior prior = fit_gamma_prior(units);
  EXPECT_NEAR(prior.mean(), 100.0 / 5.0, 1e-9);
  Posterior high = gamma_posterior(prior, {60, 1}, prior.mean());
  Posterior low = gamma_posterior(prior, {8, 0.8}, prior.mean());
  EXPECT_GT(high.p_above, 0.99);
  EXPECT_LT(low.p_above, 0.5);
  EXPECT_GT(high.mean, prior.mean());
  EXPECT_LT(high.mean, 60.0);  // shrunk toward the province
}

}  // namespace
}  // namespace lj::screen
