// Labelling a lead as it arrives: what the source gave is kept, the rest classified.
#include "classify/service.hpp"

#include <gtest/gtest.h>

#include "refdata/data_dir.hpp"

namespace lj::classify {
namespace {

std::shared_ptr<const Classifier> rules() {
  auto dir = refdata::data_dir();
  EXPECT_TRUE(dir.ok());
  auto c = load_rules_classifier(*dir);
  EXPECT_TRUE(c.ok()) << c.status().to_string();
  return *c;
}

Lead lead(const std::string& text) {
  Lead l;
  l.text = text;
  return l;
}

TEST(LabelLead, FillsWhatTheSourceDidNotGive) {
  auto c = rules();
  Lead l = lead("农资店销售的复合肥养分不足");
  LabelProvenance p = label_lead(*c, l, given_in(l));
  EXPECT_EQ(l.product_category, "fertilizer");
  EXPECT_EQ(l.special_actions, std::vector<std::string>{"agri_inputs"});
  EXPECT_EQ(l.violations, std::vector<std::string>{"insufficient_content"});
  EXPECT_EQ(p.category_source, "rules");
  EXPECT_EQ(p.actions_source, "rules");
  EXPECT_EQ(p.violations_source, "rules");
  ASSERT_TRUE(p.confidence.has_value());
  EXPECT_GE(*p.confidence, 0.75);
}

TEST(LabelLead, KeepsTheSourcesCategoryAndDerivesItsAction) {
  auto c = rules();
  Lead l = lead("农资店销售的复合肥养分不足");
  l.product_category = "steel";
  LabelProvenance p = label_lead(*c, l, given_in(l));
  EXPECT_EQ(l.product_category, "steel");
  EXPECT_EQ(l.special_actions, std::vector<std::string>{"building_materials"});
  EXPECT_EQ(l.violations, std::vector<std::string>{"insufficient_content"});
  EXPECT_EQ(p.category_source, "source");
  EXPECT_EQ(p.actions_source, "source");
  EXPECT_EQ(p.violations_source, "rules");
  EXPECT_FALSE(p.confidence.has_value());
}

TEST(LabelLead, OnlineKeepsEcommerceAndOtherStaysEmpty) {
  auto c = rules();
  Lead l = lead("网店销售的劳保用品质量差");
  l.channel = "online";
  l.special_actions = {"ecommerce"};  // what the channel rule added
  LabelProvenance p = label_lead(*c, l, given_in(l));
  EXPECT_EQ(l.product_category, "");
  EXPECT_EQ(l.special_actions, std::vector<std::string>{"ecommerce"});
  EXPECT_EQ(p.category_source, "none");
  Lead fert = lead("网店销售的尿素");
  fert.channel = "online";
  fert.special_actions = {"ecommerce"};
  label_lead(*c, fert, given_in(fert));
  EXPECT_EQ(fert.special_actions, (std::vector<std::string>{"agri_inputs", "ecommerce"}));
}

TEST(LabelLead, ExplicitlyGivenEmptyListsAreKept) {
  auto c = rules();
  Lead l = lead("农资店销售的复合肥养分不足");
  LabelProvenance p = label_lead(*c, l, GivenLabels{false, true, true});
  EXPECT_EQ(l.product_category, "fertilizer");
  EXPECT_TRUE(l.special_actions.empty());
  EXPECT_TRUE(l.violations.empty());
  EXPECT_EQ(p.actions_source, "source");
  EXPECT_EQ(p.violations_source, "source");
}

}  // namespace
}  // namespace lj::classify
