#include "screen/hotspots.hpp"

#include <algorithm>
#include <map>

namespace lj::screen {
namespace {
double excess(const RateEstimate& e) {
  return e.estimated && e.province > 0 ? e.smoothed / e.province : 0;
}
}  // namespace

std::vector<Hotspot> compute_hotspots(const std::vector<HotspotCell>& cells,
                                      const HotspotConfig& config) {
  std::map<std::string, std::vector<const HotspotCell*>> by_category;
  for (const HotspotCell& c : cells) by_category[c.category].push_back(&c);

  std::vector<Hotspot> out;
  for (const auto& [category, group] : by_category) {
    std::vector<Count> samples, complaints;
    double failed = 0, sampled = 0, complained = 0, exposure = 0;
    for (const HotspotCell* c : group) {
      if (c->sampled >= config.min_sampled && c->sampled > 0) {
        samples.push_back({static_cast<double>(c->failed), static_cast<double>(c->sampled)});
        failed += static_cast<double>(c->failed);
        sampled += static_cast<double>(c->sampled);
      }
      if (c->enterprises > 0) {
        const double e = static_cast<double>(c->enterprises) / config.per_enterprises;
        complaints.push_back({static_cast<double>(c->complaints), e});
        complained += static_cast<double>(c->complaints);
        exposure += e;
      }
    }
    const BetaPrior beta = fit_beta_prior(samples);
    const GammaPrior gamma = fit_gamma_prior(complaints);
    const double province_failure = sampled > 0 ? failed / sampled : 0;
    const double province_complaints = exposure > 0 ? complained / exposure : 0;

    for (const HotspotCell* c : group) {
      if (!c->in_scope) continue;
      Hotspot h;
      h.division_code = c->division_code;
      h.category = category;
      h.sampled = c->sampled;
      h.failed = c->failed;
      h.complaints = c->complaints;
      h.enterprises = c->enterprises;
      if (c->sampled >= config.min_sampled && c->sampled > 0) {
        const Count n{static_cast<double>(c->failed), static_cast<double>(c->sampled)};
        // Compared with the prior's mean: the pooled rate, kept off 0 and 1 like the prior.
        const Posterior p = beta_posterior(beta, n, beta.mean());
        h.nonconformance = {
            true,      n.events / n.exposure,
            p.mean,    province_failure,
            p.p_above, p.p_above >= config.flag_level && c->failed >= config.min_events};
      }
      if (c->enterprises > 0) {
        const Count n{static_cast<double>(c->complaints),
                      static_cast<double>(c->enterprises) / config.per_enterprises};
        const Posterior p = gamma_posterior(gamma, n, gamma.mean());
        h.complaint_rate = {
            true,      n.events / n.exposure,
            p.mean,    province_complaints,
            p.p_above, p.p_above >= config.flag_level && c->complaints >= config.min_events};
      }
      out.push_back(std::move(h));
    }
  }
  std::sort(out.begin(), out.end(), [](const Hotspot& a, const Hotspot& b) {
    if (a.flags() != b.flags()) return a.flags() > b.flags();
    const double pa = std::max(a.nonconformance.p_above, a.complaint_rate.p_above);
    const double pb = std::max(b.nonconformance.p_above, b.complaint_rate.p_above);
    if (pa != pb) return pa > pb;
    const double ra = std::max(excess(a.nonconformance), excess(a.complaint_rate));
    const double rb = std::max(excess(b.nonconformance), excess(b.complaint_rate));
    if (ra != rb) return ra > rb;
    if (a.division_code != b.division_code) return a.division_code < b.division_code;
    return a.category < b.category;
  });
  return out;
}

}  // namespace lj::screen
