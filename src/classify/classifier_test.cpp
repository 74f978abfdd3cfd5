// The keyword rules of data/classify/rules.json and their combination with the model.
#include "classify/classifier.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <thread>

#include "refdata/campaign.hpp"
#include "refdata/data_dir.hpp"

namespace lj::classify {
namespace {

std::shared_ptr<const Classifier> rules() {
  static std::shared_ptr<const Classifier> c = [] {
    auto dir = refdata::data_dir();
    EXPECT_TRUE(dir.ok()) << dir.status().to_string();
    auto loaded = load_rules_classifier(*dir);
    EXPECT_TRUE(loaded.ok()) << loaded.status().to_string();
    return *loaded;
  }();
  return c;
}

bool has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

struct CategoryCase {
  const char* text;
  const char* category;
  const char* action;
};

TEST(Classifier, RecognisesEveryProductCategory) {
  const CategoryCase cases[] = {
      {"某母婴店销售的儿童玩具存在易脱落小零件", "children_products", "consumer_goods"},
      {"超市销售的电热水壶使用中插头发热冒烟", "household_appliances", "consumer_goods"},
      {"服装店销售的羽绒服含绒量明显偏低", "textiles_apparel", "consumer_goods"},
      {"家具城销售的板式衣柜甲醛释放量超标", "furniture_home", "consumer_goods"},
      {"批发商行销售的一次性塑料餐盒使用回收料", "food_related", "consumer_goods"},
      {"绒衫专卖店销售的山羊绒衫以羊毛冒充", "cashmere", "consumer_goods"},
      {"日用百货商店销售的一次性打火机无厂名厂址", "daily_consumer", "consumer_goods"},
      {"农资经销部销售的复合肥总养分不足", "fertilizer", "agri_inputs"},
      {"尿素和磷肥包装破损", "fertilizer", "agri_inputs"},
      {"销售的单翼迷宫式滴灌带壁厚不均", "drip_irrigation_tape", "agri_inputs"},
      {"销售的地膜厚度不足0.01毫米", "agri_film", "agri_inputs"},
      {"农机配件店销售的旋耕机刀片易断", "agri_machinery", "agri_inputs"},
      {"工地使用的热轧带肋钢筋重量偏差超标", "steel", "building_materials"},
      {"五金店销售的BV线线径不足", "wire_cable", "building_materials"},
      {"建材市场销售的ＢＶ铜芯电线导体电阻超标", "wire_cable", "building_materials"},
      {"销售的袋装水泥强度不足", "cement", "building_materials"},
      {"销售的钢化玻璃自爆", "glass", "building_materials"},
      {"销售的加气混凝土砌块抗压强度低", "wall_materials", "building_materials"},
      {"销售的挤塑板燃烧性能不达标", "insulation", "building_materials"},
      {"销售的SBS改性沥青防水卷材不透水性差", "waterproofing", "building_materials"},
      {"销售的内墙乳胶漆甲醛含量高", "coatings", "building_materials"},
      {"销售的细木工板胶合强度低", "wood_panels", "building_materials"},
      {"砖厂生产的烧结多孔砖强度低", "fired_bricks", "building_materials"},
      {"生产的预应力钢筒混凝土管渗水", "cement_pipes", "building_materials"},
      {"汽配店销售的刹车片磨损快", "brake_linings", "auto_parts_fuel"},
      {"汽配店销售的机油滤清器过滤效率低", "filters", "auto_parts_fuel"},
      {"修理厂更换的涡轮增压器漏油", "turbochargers", "auto_parts_fuel"},
      {"销售的汽车蓄电池容量不足", "batteries", "auto_parts_fuel"},
      {"销售的LED大灯配光不合格", "auto_lamps", "auto_parts_fuel"},
      {"销售的汽车轮毂轴承异响", "bearings", "auto_parts_fuel"},
      {"轮胎店销售的翻新轮胎冒充新轮胎", "tires", "auto_parts_fuel"},
      {"汽车用品店销售的汽车脚垫气味刺鼻", "auto_interior", "auto_parts_fuel"},
      {"加油站销售的0号柴油硫含量超标", "fuel", "auto_parts_fuel"},
  };
  for (const auto& c : cases) {
    Classification got = rules()->classify(c.text, false);
    EXPECT_EQ(got.product_category, c.category) << c.text;
    EXPECT_EQ(got.special_actions, std::vector<std::string>{c.action}) << c.text;
    EXPECT_GE(got.confidence, 0.5) << c.text;
    EXPECT_EQ(got.category_source, "rules") << c.text;
  }
}

struct ViolationCase {
  const char* text;
  const char* violation;
};

TEST(Classifier, RecognisesEveryViolation) {
  const ViolationCase cases[] = {
      {"抽检发现复合肥质量不合格", "substandard"},
      {"销售的羽绒服以次充好", "inferior_as_superior"},
      {"以不合格电线冒充合格产品销售", "fake_as_conforming"},
      {"包装标注的厂名厂址系伪造，涉嫌冒用他人厂名厂址", "forged_origin"},
      {"塑料餐盒无生产许可证编号，涉嫌无证生产", "no_production_license"},
      {"电热水壶无3C标志", "no_ccc"},
      {"电暖器未经CCC认证出厂销售", "no_ccc"},
      {"汽油涉嫌虚标标号", "false_labeling"},
      {"复合肥养分不足", "insufficient_content"},
      {"复合肥有效含量不足", "insufficient_content"},
      {"集贸市场短斤缺两", "short_weight"},
      {"加油站加油机作弊", "short_weight"},
      {"柴油掺杂掺假", "adulteration"},
      {"销售地条钢生产的螺纹钢", "banned_product"},
      {"销售国家明令淘汰的黏土实心砖", "banned_product"},
      {"网店销售的羊绒衫假冒注册商标", "counterfeit_trademark"},
      {"商标权利人投诉侵权", "counterfeit_trademark"},
  };
  for (const auto& c : cases) {
    Classification got = rules()->classify(c.text, false);
    EXPECT_TRUE(has(got.violations, c.violation)) << c.text;
    EXPECT_EQ(got.violations_source, "rules") << c.text;
  }
}

TEST(Classifier, FuelCheatingIsShortWeightOnFuel) {
  Classification got =
      rules()->classify("某加油站加油机涉嫌作弊，实际加油量明显少于显示数量", false);
  EXPECT_EQ(got.product_category, "fuel");
  EXPECT_EQ(got.violations, std::vector<std::string>{"short_weight"});
}

TEST(Classifier, PassingOffAsConformingIsNotAlsoSubstandard) {
  Classification got = rules()->classify("以不合格复合肥冒充合格产品销售", false);
  EXPECT_TRUE(has(got.violations, "fake_as_conforming"));
  EXPECT_FALSE(has(got.violations, "substandard"));
}

TEST(Classifier, TextFittingNoCategoryIsOther) {
  for (const char* text : {"群众来信反映邻居家装修噪音扰民", "销售的劳保用品无中文标识", ""}) {
    Classification got = rules()->classify(text, false);
    EXPECT_EQ(got.product_category, "other") << text;
    EXPECT_TRUE(got.special_actions.empty()) << text;
    EXPECT_EQ(got.category_source, "none") << text;
  }
}

TEST(Classifier, OnlineAddsEcommerce) {
  Classification online = rules()->classify("网店销售的复合肥养分不足", true);
  EXPECT_EQ(online.special_actions, (std::vector<std::string>{"agri_inputs", "ecommerce"}));
  Classification other = rules()->classify("网店销售的劳保用品", true);
  EXPECT_EQ(other.product_category, "other");
  EXPECT_EQ(other.special_actions, std::vector<std::string>{"ecommerce"});
}

TEST(Classifier, ReasonsNameTheKeywordAndWhereItMatched) {
  Classification got = rules()->classify("举报：尿素短斤缺两", false);
  ASSERT_EQ(got.reasons.size(), 2u);
  EXPECT_EQ(got.reasons[0].code, "fertilizer");
  EXPECT_EQ(got.reasons[0].keyword, "尿素");
  EXPECT_EQ(got.reasons[0].start, 3u);  // code points: 举 报 ： 尿
  EXPECT_EQ(got.reasons[0].end, 5u);
  EXPECT_EQ(got.reasons[1].kind, "violation");
  EXPECT_EQ(got.reasons[1].code, "short_weight");
  Json j = to_json(got, true);
  EXPECT_EQ(j["sources"]["product_category"], "rules");
  EXPECT_TRUE(j["model_id"].is_null());
  EXPECT_FALSE(to_json(got, false).contains("reasons"));
}

TEST(Classifier, RulesNamingAnUnknownCodeAreRejected) {
  auto dir = refdata::data_dir();
  ASSERT_TRUE(dir.ok());
  auto codes = refdata::load_codes(*dir);
  ASSERT_TRUE(codes.ok());
  Json doc = {{"product_categories", {{"rockets", {"火箭"}}}}, {"violations", Json::object()}};
  auto parsed = parse_rules(doc, *codes);
  ASSERT_FALSE(parsed.ok());
  EXPECT_EQ(parsed.status().field(), "product_categories.rockets");
  Json empty_keyword = {{"product_categories", {{"fuel", {""}}}}, {"violations", Json::object()}};
  EXPECT_FALSE(parse_rules(empty_keyword, *codes).ok());
}

TEST(Classifier, IsThreadSafe) {
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 500; ++i) {
        if (rules()->classify("农资经销部销售的复合肥总养分不足", false).product_category !=
            "fertilizer")
          ++wrong;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace lj::classify
