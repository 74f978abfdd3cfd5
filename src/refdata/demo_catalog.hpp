// Internal to the demo data set: per product category, the words realistic leads and
// enterprise names are made of. Lists are '|'-separated; the first violation is the commonest.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lj::refdata::demo {

struct Business {
  std::string suffix;         // 农资经销部, 化肥有限公司
  std::string industry_code;  // GB/T 4754-2017 class (4 digits)
  bool sells_only;            // a shop: "销售", not "生产"; individual businesses get USCC "92"
};

struct CategoryInfo {
  std::string code;    // product category code (MISSION.md)
  std::string action;  // its special action; empty for "other"
  int weight;          // relative share of leads and enterprises
  std::vector<std::string> products;
  std::vector<std::string> violations;
  std::vector<std::string> details;  // one sentence each, without final punctuation
  std::vector<Business> businesses;  // empty: no enterprises of this category
  std::string shop;                  // an unnamed seller: "某" + shop
  std::string standard;              // the product standard sampling tests against
  std::vector<std::string> failed_items;
};

// Every category of the 2018 campaign, in MISSION.md order, "other" last.
const std::vector<CategoryInfo>& catalog();
const CategoryInfo& category_info(std::string_view code);  // requires a catalog code

// Short Chinese name of a violation for titles ("有效含量不足"); the code itself if unknown.
std::string violation_short(std::string_view code);

}  // namespace lj::refdata::demo
