#include "geo/aliases.hpp"

#include <gtest/gtest.h>

#include <map>

#include "text/normalize.hpp"

namespace lj::geo {
namespace {

// alias text -> strength, as UTF-8 for readable failures.
std::map<std::string, int> aliases(const std::string& code, const std::string& name,
                                   const std::string& level) {
  std::map<std::string, int> out;
  for (const Alias& a : aliases_of({code, name, "", level}))
    out[text::from_u32(a.text)] = a.strength;
  return out;
}

TEST(GazetteerAliases, SuffixesRemoved) {
  EXPECT_EQ(aliases("150404", "松山区", "county"),
            (std::map<std::string, int>{{"松山区", kStrengthFull}, {"松山", kStrengthShort}}));
  EXPECT_EQ(aliases("150421", "阿鲁科尔沁旗", "county").at("阿鲁科尔沁"), kStrengthLongShort);
  EXPECT_EQ(aliases("152500", "锡林郭勒盟", "city").at("锡林郭勒"), kStrengthLongShort);
  EXPECT_EQ(aliases("150400", "赤峰市", "city").at("赤峰"), kStrengthShort);
  EXPECT_EQ(aliases("152502", "锡林浩特市", "county").at("锡林浩特"), kStrengthLongShort);
  EXPECT_EQ(aliases("310115", "浦东新区", "county").at("浦东"), kStrengthShort);
  EXPECT_EQ(aliases("150206", "白云鄂博矿区", "county").at("白云鄂博"), kStrengthLongShort);
  EXPECT_EQ(aliases("610103", "碑林区", "county").count("碑林"), 1u);
  EXPECT_EQ(aliases("429021", "神农架林区", "county").count("神农架"), 1u);
}

TEST(GazetteerAliases, EthnicNamesOfAutonomousAreasRemoved) {
  EXPECT_EQ(aliases("150723", "鄂伦春自治旗", "county").count("鄂伦春"), 1u);
  auto mo = aliases("150722", "莫力达瓦达斡尔族自治旗", "county");
  EXPECT_EQ(mo.count("莫力达瓦"), 1u);
  EXPECT_EQ(mo.count("莫力达瓦达斡尔族"), 1u);
  EXPECT_EQ(aliases("150724", "鄂温克族自治旗", "county").count("鄂温克"), 1u);
  EXPECT_EQ(aliases("222400", "延边朝鲜族自治州", "city").count("延边"), 1u);
  EXPECT_EQ(aliases("632800", "海西蒙古族藏族自治州", "city").count("海西"), 1u);
  EXPECT_EQ(aliases("150223", "达尔罕茂明安联合旗", "county").count("达尔罕茂明安"), 1u);
}

TEST(GazetteerAliases, ProvinceShortForms) {
  EXPECT_EQ(aliases("150000", "内蒙古自治区", "province").at("内蒙古"), kStrengthLongShort);
  EXPECT_EQ(aliases("650000", "新疆维吾尔自治区", "province").at("新疆"), kStrengthProvinceShort);
  EXPECT_EQ(aliases("450000", "广西壮族自治区", "province").at("广西"), kStrengthProvinceShort);
  EXPECT_EQ(aliases("640000", "宁夏回族自治区", "province").at("宁夏"), kStrengthProvinceShort);
  EXPECT_EQ(aliases("540000", "西藏自治区", "province").at("西藏"), kStrengthProvinceShort);
  EXPECT_EQ(aliases("110000", "北京市", "province").at("北京"), kStrengthProvinceShort);
  // Single-character abbreviations (京, 蒙) are never aliases: they occur inside too many words.
  EXPECT_EQ(aliases("110000", "北京市", "province").count("京"), 0u);
}

TEST(GazetteerAliases, GenericAndShortStemsAreGuarded) {
  EXPECT_EQ(aliases("620102", "城关区", "county").count("城关"), 0u);
  EXPECT_EQ(aliases("370103", "市中区", "county").count("市中"), 0u);
  EXPECT_EQ(aliases("140302", "城区", "county").size(), 1u);  // no 1-character stem
  auto generic = aliases_of({"140302", "城区", "", "county"});
  ASSERT_EQ(generic.size(), 1u);
  EXPECT_TRUE(generic[0].needs_ancestor);
  auto weak = aliases_of({"150602", "东胜区", "", "county"});
  ASSERT_EQ(weak.size(), 2u);
  EXPECT_FALSE(weak[0].needs_boundary);
  EXPECT_TRUE(weak[1].needs_boundary);
  auto shanxi = aliases_of({"140000", "山西省", "", "province"});
  ASSERT_EQ(shanxi.size(), 2u);
  EXPECT_FALSE(shanxi[1].needs_boundary);
  EXPECT_TRUE(shanxi[1].needs_clean_start);
  EXPECT_EQ(aliases("533103", "芒市", "county").size(), 1u);
}

TEST(GazetteerAliases, DevelopmentZonesKeepTheirNames) {
  auto hohhot = aliases("150172", "呼和浩特经济技术开发区", "county");
  EXPECT_EQ(hohhot.count("呼和浩特经济技术开发区"), 1u);
  EXPECT_EQ(hohhot.count("呼和浩特经开区"), 1u);
  EXPECT_EQ(hohhot.count("呼和浩特经济技术开发"), 0u);
  auto alxa = aliases("152971", "内蒙古阿拉善高新技术产业开发区", "county");
  EXPECT_EQ(alxa.count("阿拉善高新技术产业开发区"), 1u);
  EXPECT_EQ(alxa.count("阿拉善高新区"), 1u);
  auto wulagai = aliases("152571", "乌拉盖管理区管委会", "county");
  EXPECT_EQ(wulagai.count("乌拉盖管理区"), 1u);
  EXPECT_EQ(wulagai.count("乌拉盖"), 1u);
  auto hongjiang = aliases("431271", "怀化市洪江管理区", "county");
  EXPECT_EQ(hongjiang.count("怀化市洪江"), 0u);
  EXPECT_EQ(hongjiang.count("洪江"), 0u);
}

TEST(GazetteerAliases, BoundaryCharacters) {
  EXPECT_TRUE(ends_word_before(U'镇', false));
  EXPECT_FALSE(ends_word_before(U'路', false));  // 东胜路 is a street, found in any city
  EXPECT_TRUE(ends_word_before(U'1', false));
  EXPECT_TRUE(ends_word_before(U'利', true));  // another name starts there
  EXPECT_FALSE(ends_word_before(U'利', false));
  EXPECT_TRUE(starts_street(U"路8号"));
  EXPECT_TRUE(starts_street(U"西路"));
  EXPECT_TRUE(starts_street(U"南大街"));
  EXPECT_FALSE(starts_street(U"西"));
  EXPECT_FALSE(starts_street(U"稠州北路"));
  EXPECT_FALSE(starts_street(U""));
}

}  // namespace
}  // namespace lj::geo
