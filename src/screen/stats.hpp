// Small-sample statistics of the screening (docs/screening.md, "Hotspots"): empirical-Bayes
// fits of a beta prior to proportions and of a gamma prior to Poisson rates by the method of
// moments, and the distribution functions that turn posteriors into exceedance probabilities.
// Pure functions, no state, thread-safe.
#pragma once

#include <vector>

namespace lj::screen {

// Regularised incomplete beta I_x(a, b) for a, b > 0 and 0 <= x <= 1: P(X <= x), X ~ Beta(a, b).
double beta_cdf(double x, double a, double b);
// Regularised lower incomplete gamma P(a, x) for a > 0, x >= 0: P(X <= x), X ~ Gamma(a, 1).
double gamma_cdf(double x, double a);

// One unit's count: `events` out of `trials` (failed samples of sampled) or events over an
// exposure (complaints over 10,000s of registered enterprises).
struct Count {
  double events = 0;
  double exposure = 0;  // trials, or exposure units; > 0
};

// A beta prior Beta(alpha, beta) of the proportion, fitted across units by moments.
struct BetaPrior {
  double alpha = 1, beta = 1;
  double mean() const { return alpha / (alpha + beta); }
};
// Method of moments over the units with trials > 0: m = Σy/Σn (the pooled rate); the spread
// between units τ² = (Σ n_i (p_i − m)² − (k−1)·m(1−m)) / (N − Σn_i²/N), the observed weighted
// spread less its binomial part (N = Σn_i, k units); then α+β = m(1−m)/τ² − 1. When τ² is not
// positive (no excess spread) or fewer than two units, α+β is `max_strength` (every unit pulled
// to the pooled rate). m of 0 or 1 is nudged by half an event so the prior stays proper.
BetaPrior fit_beta_prior(const std::vector<Count>& units, double max_strength = 1e4);

// A gamma prior Gamma(shape, rate) of a Poisson rate per exposure unit, fitted by moments:
// m = Σc/ΣE; τ² = (Σ E_i (r_i − m)² − (k−1)·m) / (ΣE − ΣE_i²/ΣE); shape = m²/τ², rate = m/τ²
// (the same fallback).
struct GammaPrior {
  double shape = 1, rate = 1;
  double mean() const { return shape / rate; }
};
GammaPrior fit_gamma_prior(const std::vector<Count>& units, double max_strength = 1e4);

// Posterior of one unit and the probability that its rate exceeds `reference`.
struct Posterior {
  double mean = 0;     // posterior mean rate
  double p_above = 0;  // P(rate > reference | data)
};
Posterior beta_posterior(const BetaPrior& prior, const Count& c, double reference);
Posterior gamma_posterior(const GammaPrior& prior, const Count& c, double reference);

}  // namespace lj::screen
