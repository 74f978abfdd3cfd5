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

double variance(const std::vector<double>& v, double mean) {
  double s = 0;
  for (double x : v) s += (x - mean) * (x - mean);
  return s / static_cast<double>(v.size() - 1);
}

}  // namespace

double beta_cdf(double x, double a, double b) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const double front =
      std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) +
               b * std::log1p(-x));
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

BetaPrior fit_beta_prior(const std::vector<Count>& units, double max_strength) {
  double events = 0, trials = 0, inv_n = 0;
  std::vector<double> rates;
  for (const Count& c : units) {
    if (c.exposure <= 0) continue;
    events += c.events;
    trials += c.exposure;
    inv_n += 1 / c.exposure;
    rates.push_back(c.events / c.exposure);
  }
  if (trials <= 0) return {};
  double m = events / trials;
  m = std::clamp(m, 0.5 / trials, 1 - 0.5 / trials);
  double strength = max_strength;
  if (rates.size() >= 2) {
    double mean_rate = 0;
    for (double r : rates) mean_rate += r;
    mean_rate /= static_cast<double>(rates.size());
    const double tau2 = variance(rates, mean_rate) -
                        m * (1 - m) * inv_n / static_cast<double>(rates.size());
    if (tau2 > 0) strength = std::clamp(m * (1 - m) / tau2 - 1, 1e-3, max_strength);
  }
  return {m * strength, (1 - m) * strength};
}

GammaPrior fit_gamma_prior(const std::vector<Count>& units, double max_strength) {
  double events = 0, exposure = 0, inv_e = 0;
  std::vector<double> rates;
  for (const Count& c : units) {
    if (c.exposure <= 0) continue;
    events += c.events;
    exposure += c.exposure;
    inv_e += 1 / c.exposure;
    rates.push_back(c.events / c.exposure);
  }
  if (exposure <= 0) return {};
  const double m = std::max(events, 0.5) / exposure;
  // rate = m/τ² is the prior's weight in exposure units; without excess spread it is capped.
  double rate = max_strength;
  if (rates.size() >= 2) {
    double mean_rate = 0;
    for (double r : rates) mean_rate += r;
    mean_rate /= static_cast<double>(rates.size());
    const double tau2 =
        variance(rates, mean_rate) - m * inv_e / static_cast<double>(rates.size());
    if (tau2 > 0) rate = std::clamp(m / tau2, 1e-6, max_strength);
  }
  return {m * rate, rate};
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
