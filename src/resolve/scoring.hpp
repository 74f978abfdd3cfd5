// Match scores between a lead's enterprise (as the source wrote it) and a registry enterprise:
// a weighted sum of three factors, each with its similarity in 0..1 and the contribution it
// made, so a reviewer sees why a candidate scored what it did.
//  - name: Jaro-Winkler similarity of the cores (name_normalizer.hpp); the registry's former
//    names count too (the best one wins);
//  - address: Dice coefficient of the character bigrams of the address keys (region names
//    removed); 0.5 when either address is unknown;
//  - region: 1 same county, 0.6 same league/city, 0.2 same province, 0 otherwise; 0.5 when
//    either side's region is unknown or only known at the province level.
// A valid USCC that the registry holds is an exact match, score 1 (resolve_repo handles it).
// Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "resolve/name_normalizer.hpp"

namespace lj::resolve {

// Thresholds and limits of entity resolution and grouping (configuration: `lijian resolve`
// flags, or LIJIAN_RESOLVE_* environment variables for import and serve; see
// docs/entity-resolution.md).
struct Options {
  double high = 0.85;  // score >= high: the lead is linked automatically
  double low = 0.60;   // low <= score < high: a review-queue item; below: no match
  double name_weight = 0.60, address_weight = 0.25, region_weight = 0.15;  // sum to 1
  int window_days = 90;         // leads of one matter lie within this many days of its first
  int max_candidates = 20;      // candidates scored per lead (the best by shared keys)
  int max_key_postings = 2000;  // a blocking key held by more enterprises is not used
  int review_candidates = 5;    // candidates kept on a queue item
};
// Defaults overridden by LIJIAN_RESOLVE_HIGH, _LOW, _WINDOW_DAYS when set; errors name the
// variable.
Result<Options> options_from_env();
// kInvalidArgument naming the field when the thresholds or limits do not make sense.
Status validate(const Options& o);

struct Factor {
  std::string name;  // "name" | "address" | "region" | "uscc"
  double similarity = 0;
  double weight = 0;
  double contribution = 0;  // similarity * weight
  std::string detail;       // e.g. "core 'xx化肥' vs 'xx化肥'"
};

struct Subject {  // what the lead says about its enterprise
  std::string name, address, region_code;
};

struct Candidate {  // a registry enterprise
  int64_t id = 0;
  std::string name, former_names, address, region_code, uscc;
  std::string core;  // the core of `name` when known (the index stores it); computed when empty
};

struct Scored {
  int64_t enterprise_id = 0;
  std::string name;
  double score = 0;  // 0..1, rounded to 4 decimals
  std::vector<Factor> reasons;
};

double jaro_winkler(std::u32string_view a, std::u32string_view b);
// Dice coefficient of the sets of adjacent code-point pairs (1 for two equal one-character
// strings, 0 when either is empty).
double bigram_dice(std::u32string_view a, std::u32string_view b);
// Similarity of two GB/T 2260 codes (see above) and its description.
std::pair<double, std::string> region_similarity(const std::string& a, const std::string& b);

// With the lead's side precomputed (scoring many candidates for one lead): `lead_core` =
// names.core(s.name), `lead_address_key` = names.address_key(s.address).
Scored score(const NameNormalizer& names, const Options& o, const Subject& s, const Candidate& c,
             const std::string& lead_core, const std::string& lead_address_key);
Scored score(const NameNormalizer& names, const Options& o, const Subject& s, const Candidate& c);

// The blocking keys of a core name: its distinct bigrams ("k:" + pair), or the core itself
// when it has one character.
std::vector<std::string> blocking_keys(std::string_view core);

}  // namespace lj::resolve
