#include "resolve/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <set>

#include "text/normalize.hpp"

namespace lj::resolve {
namespace {

double round4(double v) {
  return std::round(v * 10000.0) / 10000.0;
}

Result<double> env_double(const char* name, double fallback) {
  const char* v = std::getenv(name);
  if (!v || !*v) return fallback;
  char* end = nullptr;
  double d = std::strtod(v, &end);
  if (*end != '\0' || !(d >= 0 && d <= 1))
    return Status::Invalid(name, std::string(name) + " must be a number between 0 and 1");
  return d;
}

std::vector<std::string> split_names(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(';', start);
    if (end == std::string::npos) end = s.size();
    if (end > start) out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

Result<Options> options_from_env() {
  Options o;
  LJ_ASSIGN_OR_RETURN(o.high, env_double("LIJIAN_RESOLVE_HIGH", o.high));
  LJ_ASSIGN_OR_RETURN(o.low, env_double("LIJIAN_RESOLVE_LOW", o.low));
  if (const char* w = std::getenv("LIJIAN_RESOLVE_WINDOW_DAYS"); w && *w) {
    char* end = nullptr;
    long d = std::strtol(w, &end, 10);
    if (*end != '\0' || d < 0 || d > 3660)
      return Status::Invalid("LIJIAN_RESOLVE_WINDOW_DAYS",
                             "LIJIAN_RESOLVE_WINDOW_DAYS must be 0..3660 days");
    o.window_days = static_cast<int>(d);
  }
  LJ_RETURN_IF_ERROR(validate(o));
  return o;
}

Status validate(const Options& o) {
  if (!(o.high > 0 && o.high <= 1)) return Status::Invalid("high", "high must be in (0, 1]");
  if (!(o.low >= 0 && o.low <= o.high))
    return Status::Invalid("low", "low must be between 0 and high");
  if (o.window_days < 0) return Status::Invalid("window_days", "window_days must not be negative");
  if (o.max_candidates < 1)
    return Status::Invalid("max_candidates", "max_candidates must be at least 1");
  return Status::Ok();
}

double jaro_winkler(std::u32string_view a, std::u32string_view b) {
  if (a.empty() || b.empty()) return a == b ? 1.0 : 0.0;
  if (a == b) return 1.0;
  const size_t range = std::max<size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
  std::vector<bool> am(a.size()), bm(b.size());
  size_t matches = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const size_t lo = i > range ? i - range : 0, hi = std::min(b.size(), i + range + 1);
    for (size_t j = lo; j < hi; ++j) {
      if (bm[j] || a[i] != b[j]) continue;
      am[i] = bm[j] = true;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  size_t k = 0, transpositions = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!am[i]) continue;
    while (!bm[k]) ++k;
    if (a[i] != b[k]) ++transpositions;
    ++k;
  }
  const double m = static_cast<double>(matches);
  const double jaro = (m / static_cast<double>(a.size()) + m / static_cast<double>(b.size()) +
                       (m - static_cast<double>(transpositions) / 2.0) / m) /
                      3.0;
  size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) ++prefix;
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

double bigram_dice(std::u32string_view a, std::u32string_view b) {
  if (a.empty() || b.empty()) return 0.0;
  if (a.size() == 1 || b.size() == 1) return a == b ? 1.0 : 0.0;
  std::set<std::u32string_view> sa, sb;
  for (size_t i = 0; i + 1 < a.size(); ++i) sa.insert(a.substr(i, 2));
  for (size_t i = 0; i + 1 < b.size(); ++i) sb.insert(b.substr(i, 2));
  size_t common = 0;
  for (const auto& x : sa) common += sb.count(x);
  return 2.0 * static_cast<double>(common) / static_cast<double>(sa.size() + sb.size());
}

std::pair<double, std::string> region_similarity(const std::string& a, const std::string& b) {
  auto level = [](const std::string& c) {
    if (c.size() != 6) return 0;
    if (c.compare(2, 4, "0000") == 0) return 1;  // province
    if (c.compare(4, 2, "00") == 0) return 2;    // league/city
    return 3;                                    // county
  };
  const int la = level(a), lb = level(b);
  if (la <= 1 || lb <= 1) return {0.5, "region unknown"};
  if (a.compare(0, 2, b, 0, 2) != 0) return {0.0, "different province (" + a + " vs " + b + ")"};
  if (a.compare(0, 4, b, 0, 4) != 0)
    return {0.2, "same province, different league (" + a + " vs " + b + ")"};
  if (la == 3 && lb == 3) {
    if (a == b) return {1.0, "same county " + a};
    return {0.6, "same league, different county (" + a + " vs " + b + ")"};
  }
  return {0.6, "same league " + a.substr(0, 4) + "00"};
}

Scored score(const NameNormalizer& names, const Options& o, const Subject& s, const Candidate& c) {
  return score(names, o, s, c, names.core(s.name), names.address_key(s.address));
}

Scored score(const NameNormalizer& names, const Options& o, const Subject& s, const Candidate& c,
             const std::string& lead_core, const std::string& lead_address_key) {
  Scored out;
  out.enterprise_id = c.id;
  out.name = c.name;
  const std::u32string lc = u32(lead_core);
  double best = -1;
  std::string best_core;
  std::vector<std::string> all = {c.name};
  for (auto& f : split_names(c.former_names)) all.push_back(f);
  for (size_t i = 0; i < all.size(); ++i) {
    std::string core = i == 0 && !c.core.empty() ? c.core : names.core(all[i]);
    double sim = jaro_winkler(lc, u32(core));
    if (sim > best) {
      best = sim;
      best_core = i == 0 ? core : core + " (former name)";
    }
  }
  Factor name{"name", round4(best), o.name_weight, 0,
              "core '" + lead_core + "' vs '" + best_core + "'"};
  Factor addr{"address", 0.5, o.address_weight, 0, "address unknown"};
  if (!s.address.empty() && !c.address.empty()) {
    addr.similarity = round4(bigram_dice(u32(lead_address_key), u32(names.address_key(c.address))));
    addr.detail = "address bigram overlap";
  }
  auto [rsim, rdetail] = region_similarity(s.region_code, c.region_code);
  Factor region{"region", rsim, o.region_weight, 0, rdetail};
  double total = 0;
  for (Factor* f : {&name, &addr, &region}) {
    f->contribution = round4(f->similarity * f->weight);
    total += f->similarity * f->weight;
    out.reasons.push_back(*f);
  }
  out.score = round4(std::clamp(total, 0.0, 1.0));
  return out;
}

std::vector<std::string> blocking_keys(std::string_view core) {
  const std::u32string s = u32(core);
  std::vector<std::string> keys;
  if (s.size() == 1) keys.push_back("k:" + std::string(core));
  std::set<std::u32string> seen;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    auto pair = s.substr(i, 2);
    if (seen.insert(pair).second) keys.push_back("k:" + text::from_u32(pair));
  }
  return keys;
}

}  // namespace lj::resolve
