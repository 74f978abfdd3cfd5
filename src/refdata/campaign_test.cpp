#include "refdata/campaign.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "refdata/data_dir.hpp"

namespace lj::refdata {
namespace {

// The vocabulary exactly as MISSION.md lists it: the test is the check of the data file.
const std::map<std::string, std::vector<std::string>> kMissionCategories = {
    {"consumer_goods",
     {"children_products", "household_appliances", "textiles_apparel", "furniture_home",
      "food_related", "cashmere", "daily_consumer"}},
    {"agri_inputs", {"fertilizer", "drip_irrigation_tape", "agri_film", "agri_machinery"}},
    {"building_materials",
     {"steel", "wire_cable", "cement", "glass", "wall_materials", "insulation", "waterproofing",
      "coatings", "wood_panels", "fired_bricks", "cement_pipes"}},
    {"auto_parts_fuel",
     {"brake_linings", "filters", "turbochargers", "batteries", "auto_lamps", "bearings", "tires",
      "auto_interior", "fuel"}},
};
const std::map<std::string, std::set<std::string>> kMissionCodes = {
    {"special_action",
     {"consumer_goods", "agri_inputs", "building_materials", "auto_parts_fuel",
      "regional_remediation", "ecommerce"}},
    {"violation",
     {"substandard", "inferior_as_superior", "fake_as_conforming", "forged_origin",
      "no_production_license", "no_ccc", "false_labeling", "insufficient_content", "short_weight",
      "adulteration", "banned_product", "counterfeit_trademark"}},
    {"lead_source",
     {"hotline_12365", "sampling", "risk_monitoring", "media", "ecommerce_monitoring",
      "association", "rights_holder", "inspection", "undercover", "referral", "public_web",
      "other"}},
    {"lead_status", {"new", "verifying", "verified", "rejected", "case_opened"}},
    // The states of the case procedure (data/procedure/penalty-procedure.json).
    {"case_status", {"filing_review", "filed", "not_filed", "investigating", "testing", "legal_review", "notice",
                     "hearing", "deciding", "decided", "transfer_review", "transferred", "served",
                     "executed", "suspended", "closed", "revoked"}},
};

std::map<std::string, std::map<std::string, CodeEntry>> by_kind() {
  auto dir = data_dir();
  EXPECT_TRUE(dir.ok()) << dir.status().to_string();
  auto codes = load_codes(dir.ok() ? *dir : "");
  EXPECT_TRUE(codes.ok()) << codes.status().to_string();
  std::map<std::string, std::map<std::string, CodeEntry>> m;
  if (!codes.ok()) return m;
  for (const CodeEntry& c : *codes) {
    EXPECT_TRUE(m[c.kind].emplace(c.code, c).second) << c.kind << " " << c.code;
    EXPECT_EQ(c.campaign, "2018-zhijian-lijian");
    EXPECT_FALSE(c.name_zh.empty()) << c.code;
    EXPECT_FALSE(c.name_en.empty()) << c.code;
  }
  return m;
}

TEST(Campaign, HasExactlyTheMissionCodes) {
  auto m = by_kind();
  for (const auto& [kind, expected] : kMissionCodes) {
    std::set<std::string> actual;
    for (const auto& [code, entry] : m[kind]) actual.insert(code);
    EXPECT_EQ(actual, expected) << kind;
  }
}

TEST(Campaign, ProductCategoriesBelongToTheirSpecialAction) {
  auto m = by_kind();
  std::set<std::string> expected{"other"};
  for (const auto& [action, codes] : kMissionCategories) {
    for (const auto& code : codes) {
      expected.insert(code);
      ASSERT_TRUE(m["product_category"].count(code)) << code;
      EXPECT_EQ(m["product_category"][code].parent, action) << code;
    }
  }
  std::set<std::string> actual;
  for (const auto& [code, entry] : m["product_category"]) actual.insert(code);
  EXPECT_EQ(actual, expected);
  EXPECT_EQ(m["product_category"]["other"].parent, "");
  EXPECT_EQ(m["product_category"]["fertilizer"].name_zh, "化肥");
}

TEST(Campaign, DocumentNamesTheCampaignAndTheFertilizerDrives) {
  auto dir = data_dir();
  ASSERT_TRUE(dir.ok());
  auto c = load_campaign(*dir);
  ASSERT_TRUE(c.ok()) << c.status().to_string();
  EXPECT_EQ((*c)["id"], "2018-zhijian-lijian");
  EXPECT_EQ((*c)["name"], "2018年“质检利剑”行动");
  for (const Json& a : (*c)["special_actions"]) {
    if (a["code"] != "agri_inputs") continue;
    ASSERT_EQ(a["windows"].size(), 2u);
    EXPECT_EQ(a["windows"][0]["from"], "2018-03-01");
    EXPECT_EQ(a["windows"][1]["to"], "2018-10-31");
  }
}

TEST(Campaign, MissingFileIsNotFound) {
  EXPECT_EQ(load_codes("/nonexistent").status().code(), Code::kNotFound);
}

}  // namespace
}  // namespace lj::refdata
