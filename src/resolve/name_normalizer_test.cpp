#include "resolve/name_normalizer.hpp"

#include <gtest/gtest.h>

namespace lj::resolve {
namespace {

NameNormalizer names() {
  return NameNormalizer({"内蒙古自治区", "赤峰市", "松山区", "红山区", "呼和浩特市", "新城区",
                         "锡林郭勒盟", "阿鲁科尔沁旗"});
}

struct Case {
  const char* in;
  const char* core;
};

TEST(NameNormalizerTest, VariantsOfOneEnterpriseShareTheirCore) {
  const NameNormalizer n = names();
  const Case cases[] = {
      {"赤峰市金穗化肥有限公司", "金穗化肥"},
      {"金穗化肥厂（赤峰）", "金穗化肥"},
      {"内蒙古金穗化肥有限责任公司松山分公司", "金穗化肥"},
      {"内蒙古自治区金穗化肥股份有限公司", "金穗化肥"},
      {"金穗化肥(内蒙古)有限公司", "金穗化肥"},
      {"赤峰 金穗·化肥 有限公司", "金穗化肥"},
      {"赤峰市松山区金穗化肥有限公司", "金穗化肥"},
      {"金穗化肥【总店】", "金穗化肥"},
  };
  for (const Case& c : cases) EXPECT_EQ(n.core(c.in), c.core) << c.in;
}

TEST(NameNormalizerTest, EveryLegalFormSuffixIsRemoved) {
  const NameNormalizer n = names();
  for (const char* suffix :
       {"有限公司", "有限责任公司", "股份有限公司", "集团有限公司", "集团",   "公司",
        "总公司",   "厂",           "总厂",         "店",           "商行",   "商店",
        "经营部",   "门市部",       "经销部",       "批发部",       "销售部", "专业合作社",
        "合作社",   "个体工商户",   "工作室"}) {
    EXPECT_EQ(n.core(std::string("金穗农资") + suffix), "金穗农资") << suffix;
  }
  // Suffixes stack: a group's limited company.
  EXPECT_EQ(n.core("金穗集团股份有限公司"), "金穗");
}

TEST(NameNormalizerTest, RegionPrefixesInFullAndShortFormAreRemoved) {
  const NameNormalizer n = names();
  for (const char* prefix :
       {"内蒙古自治区", "内蒙古", "赤峰市", "赤峰", "松山区", "松山", "锡林郭勒盟", "锡林郭勒",
        "阿鲁科尔沁旗", "阿鲁科尔沁", "中国", "赤峰市红山区"}) {
    EXPECT_EQ(n.core(std::string(prefix) + "金穗农资有限公司"), "金穗农资") << prefix;
  }
}

TEST(NameNormalizerTest, BracketsAndWidthAreFolded) {
  const NameNormalizer n = names();
  EXPECT_EQ(n.core("ＡＢＣ化肥有限公司"), "abc化肥");
  EXPECT_EQ(n.core("金穗化肥有限公司（赤峰）"), "金穗化肥");
  EXPECT_EQ(n.core("金穗化肥有限公司[内蒙古]"), "金穗化肥");
  EXPECT_EQ(n.core("金穗化肥有限公司〔松山〕"), "金穗化肥");
  EXPECT_EQ(n.core("金穗（化肥）有限公司"), "金穗");
}

TEST(NameNormalizerTest, BranchPartsAreRemoved) {
  const NameNormalizer n = names();
  EXPECT_EQ(n.core("金穗化肥有限公司松山分公司"), "金穗化肥");
  EXPECT_EQ(n.core("金穗化肥有限公司赤峰营业部"), "金穗化肥");
  EXPECT_EQ(n.core("金穗化肥有限公司红山办事处"), "金穗化肥");
  EXPECT_EQ(n.core("华联超市红山分店"), "华联超市");
  EXPECT_EQ(n.core("华联超市红山店"), "华联超市");
  EXPECT_EQ(n.core("华联超市松山门店"), "华联超市");
}

TEST(NameNormalizerTest, ShortNamesKeepTwoCharacters) {
  const NameNormalizer n = names();
  EXPECT_EQ(n.core("赤峰厂"), "赤峰");  // the region is all that is left: it stays
  EXPECT_EQ(n.core("店"), "店");
  EXPECT_EQ(n.core(""), "");
  EXPECT_EQ(n.core("（）"), "");
}

TEST(NameNormalizerTest, UnitNamesAreReadAsDivisionNames) {
  std::vector<Unit> units = {
      {"150400", "赤峰市市场监督管理局", "150000", "city", "/150000/150400/"}};
  const NameNormalizer n = NameNormalizer::from_units(units);
  EXPECT_EQ(n.core("赤峰市金穗化肥有限公司"), "金穗化肥");
  EXPECT_EQ(n.core("赤峰金穗化肥有限公司"), "金穗化肥");
}

TEST(NameNormalizerTest, AddressKeyDropsRegionNamesAndPunctuation) {
  const NameNormalizer n = names();
  EXPECT_EQ(n.address_key("内蒙古自治区赤峰市松山区 建设路88号"), "建设路88号");
  EXPECT_EQ(n.address_key("赤峰市，松山区建设路８８号"), "建设路88号");
}

}  // namespace
}  // namespace lj::resolve
