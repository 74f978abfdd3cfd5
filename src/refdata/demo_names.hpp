// Internal to the demo data set: a deterministic random source and the makers of people's
// names, phone numbers, addresses and registry codes. Nothing here is real data: names and
// numbers are drawn from lists and digits; codes are made valid, not looked up.
#pragma once

#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace lj::refdata::demo {

// std::mt19937_64 is specified exactly by the standard, and so are these helpers (no
// library distributions), so a seed gives the same data set on every platform.
class Rng {
 public:
  explicit Rng(uint64_t seed) : engine_(seed) {}
  uint64_t below(uint64_t n) { return engine_() % n; }  // requires n > 0
  int between(int lo, int hi) { return lo + static_cast<int>(below(static_cast<uint64_t>(hi - lo + 1))); }
  bool chance(double p) { return static_cast<double>(engine_() >> 11) * 0x1.0p-53 < p; }
  template <class T>
  const T& pick(const std::vector<T>& v) { return v[below(v.size())]; }
  // Index drawn with probability proportional to weights[i]; requires a positive sum.
  size_t weighted(const std::vector<double>& weights);

 private:
  std::mt19937_64 engine_;
};

// A county-level division with its league/city, for names and addresses.
struct Place {
  std::string county_code, county_name, city_code, city_name;
};

std::string person_name(Rng& rng);
// An 11-digit mobile number starting 13, 15 or 18.
std::string mobile_phone(Rng& rng);
// "内蒙古自治区赤峰市松山区建设路88号".
std::string street_address(Rng& rng, const Place& place);
// A trade name (字号) of two characters, e.g. "恒达".
std::string trade_name(Rng& rng);
// 赤峰市 → 赤峰, 锡林郭勒盟 → 锡林郭勒.
std::string city_short(const std::string& city_name);

// GB 11714 check character of an 8-character organisation code body.
char org_code_check(std::string_view body8);
// GB 32100-2015 check character of the first 17 characters; '\0' when one is not allowed.
char uscc_check(std::string_view first17);
// A valid USCC: "91" (company) or "92" (individual business), the division code, a 9-character
// organisation code ("MA…" style for businesses registered from 2016) and the check character.
std::string make_uscc(Rng& rng, const std::string& division_code, bool individual, int year);

}  // namespace lj::refdata::demo
