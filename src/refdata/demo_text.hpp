// Internal to the demo data set: the Chinese title and text of a lead, built from templates per
// source, product category and violation type.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"
#include "refdata/demo_catalog.hpp"
#include "refdata/demo_names.hpp"

namespace lj::refdata::demo {

struct LeadStory {
  std::string source;                  // lead source code
  const CategoryInfo* category = nullptr;
  std::string product;                 // one of category->products
  std::vector<std::string> violations; // codes, first the main one
  Place place;
  std::string subject;                 // enterprise name, or "某农资经销部"
  bool sells_only = true;              // "销售" rather than "生产"
  bool online = false;
  std::string platform, shop_name;     // when online
  std::optional<int64_t> amount_fen;
  int year = 2018, quarter = 2;        // when received (sampling rounds)
  std::string referrer_city;           // another league/city, for referrals
  std::vector<std::string> failed_items;  // sampling: the items that failed
  std::string standard;                   // sampling: the standard tested against
};

struct LeadWords {
  std::string title;
  std::string text;
};

LeadWords write_lead(Rng& rng, const LeadStory& story);

// Amount in words as a lead would say it: "约3.5万元", "约800元".
std::string amount_words(int64_t fen);

}  // namespace lj::refdata::demo
