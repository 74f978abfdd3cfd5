#include "screen/stats.hpp"

#include <algorithm>
#include <cmath>

namespace lj::screen {
namespace {

constexpr int kMaxIterations = 500;
constexpr double kEpsilon = 1e-14;
constexpr double kTiny = 1e-300;

// Continued fraction of the incomplete beta (Lentz's method).
double beta_fraction(double x, double a, double b) {
  const double qab = a + b, qap = a + 1, qam = a - 1;
  double c = 1, d = 1 - qab * x / qap;
  if (std::fabs(d) < kTiny) d = kTiny;
  d = 1 / d;
  double h = d;
  for (int m = 1; m <= kMaxIterations; ++m) {
    const int m2 = 2 * m;
    double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1 + aa / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1 + aa / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1 / d;
    const double del = d * c;
    h *= del;
    if (std::fabs(del - 1) < kEpsilon) break;
  }
  return h;
}

}  // namespace

double beta_cdf(double x, double a, double b) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const double front = std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) +
                                a * std::log(x) + b * std::log1p(-x));
  if (x < (a + 1) / (a + b + 2)) return front * beta_fraction(x, a, b) / a;
  return 1 - front * beta_fraction(1 - x, b, a) / b;
}

double gamma_cdf(double x, double a) {
  if (x <= 0) return 0;
  const double log_front = -x + a * std::log(x) - std::lgamma(a);
  if (x < a + 1) {  // series
    double ap = a, sum = 1 / a, del = sum;
    for (int n = 0; n < kMaxIterations * 10; ++n) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (std::fabs(del) < std::fabs(sum) * kEpsilon) break;
    }
    return std::min(1.0, sum * std::exp(log_front));
  }
  // Continued fraction of the upper tail (Lentz).
  double b = x + 1 - a, c = 1 / kTiny, d = 1 / b, h = d;
  for (int i = 1; i <= kMaxIterations * 10; ++i) {
    const double an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = b + an / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1 / d;
    const double del = d * c;
    h *= del;
    if (std::fabs(del - 1) < kEpsilon) break;
  }
  return std::max(0.0, 1 - std::exp(log_front) * h);
}

// Both fits use the weighted moment estimator of the between-unit variance (the one of
// DerSimonian and Laird): with pooled mean m, S = Σ w_i (r_i − m)² has expectation
// (k − 1)·v + τ²·(W − Σw_i²/W), where w_i is a unit's exposure, W = Σw_i, and v the sampling
// variance per unit of exposure (m(1−m) binomial, m Poisson). So τ² = (S − (k−1)v)/(W − Σw²/W).
namespace {
struct Moments {
  double mean = 0;  // pooled rate
  double tau2 = 0;  // between-unit variance; <= 0 when none shows
  size_t units = 0;
  double exposure = 0;
};

Moments moments(const std::vector<Count>& units, bool binomial) {
  Moments out;
  double events = 0, w2 = 0;
  for (const Count& c : units) {
    if (c.exposure <= 0) continue;
    events += c.events;
    out.exposure += c.exposure;
    w2 += c.exposure * c.exposure;
    ++out.units;
  }
  if (out.exposure <= 0) return out;
  out.mean = events / out.exposure;
  if (binomial)
    out.mean = std::clamp(out.mean, 0.5 / out.exposure, 1 - 0.5 / out.exposure);
  else
    out.mean = std::max(out.mean, 0.5 / out.exposure);
  if (out.units < 2) return out;
  double s = 0;
  for (const Count& c : units) {
    if (c.exposure <= 0) continue;
    const double r = c.events / c.exposure - out.mean;
    s += c.exposure * r * r;
  }
  const double v = binomial ? out.mean * (1 - out.mean) : out.mean;
  const double denominator = out.exposure - w2 / out.exposure;
  if (denominator > 0) out.tau2 = (s - static_cast<double>(out.units - 1) * v) / denominator;
  return out;
}
}  // namespace

BetaPrior fit_beta_prior(const std::vector<Count>& units, double max_strength) {
  const Moments mo = moments(units, true);
  if (mo.exposure <= 0) return {};
  const double m = mo.mean;
  double strength = max_strength;
  if (mo.tau2 > 0) strength = std::clamp(m * (1 - m) / mo.tau2 - 1, 1e-3, max_strength);
  return {m * strength, (1 - m) * strength};
}

GammaPrior fit_gamma_prior(const std::vector<Count>& units, double max_strength) {
  const Moments mo = moments(units, false);
  if (mo.exposure <= 0) return {};
  // rate = m/τ² is the prior's weight in exposure units; without excess spread it is capped.
  double rate = max_strength;
  if (mo.tau2 > 0) rate = std::clamp(mo.mean / mo.tau2, 1e-6, max_strength);
  return {mo.mean * rate, rate};
}

Posterior beta_posterior(const BetaPrior& prior, const Count& c, double reference) {
  const double a = prior.alpha + c.events, b = prior.beta + (c.exposure - c.events);
  return {a / (a + b), 1 - beta_cdf(reference, a, b)};
}

Posterior gamma_posterior(const GammaPrior& prior, const Count& c, double reference) {
  const double shape = prior.shape + c.events, rate = prior.rate + c.exposure;
  return {shape / rate, 1 - gamma_cdf(reference * rate, shape)};
}

}  // namespace lj::screen
