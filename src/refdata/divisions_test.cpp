#include "refdata/divisions.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "refdata/data_dir.hpp"

namespace lj::refdata {
namespace {

std::string dir() {
  auto d = data_dir();
  EXPECT_TRUE(d.ok()) << d.status().to_string();
  return d.ok() ? *d : std::string();
}

std::map<std::string, Unit> by_code(const std::vector<Unit>& units) {
  std::map<std::string, Unit> m;
  for (const Unit& u : units) m[u.code] = u;
  return m;
}

TEST(Divisions, InnerMongoliaHas121Units) {
  auto units = load_units(dir(), "15");
  ASSERT_TRUE(units.ok()) << units.status().to_string();
  EXPECT_EQ(units->size(), 121u);
  int provinces = 0, cities = 0, counties = 0;
  for (const Unit& u : *units) {
    provinces += u.level == "province";
    cities += u.level == "city";
    counties += u.level == "county";
  }
  EXPECT_EQ(provinces, 1);
  EXPECT_EQ(cities, 12);
  EXPECT_EQ(counties, 108);
  // The 6-digit form names the same province.
  auto again = load_units(dir(), "150000");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->size(), 121u);
}

TEST(Divisions, PathsNamesAndParents) {
  auto units = load_units(dir(), "15");
  ASSERT_TRUE(units.ok());
  auto m = by_code(*units);
  EXPECT_EQ(units->front().code, "150000");
  EXPECT_EQ(m["150000"].name, "内蒙古自治区市场监督管理局");
  EXPECT_EQ(m["150000"].path, "/150000/");
  EXPECT_EQ(m["150000"].parent_code, "");
  EXPECT_EQ(m["150400"].name, "赤峰市市场监督管理局");
  EXPECT_EQ(m["150400"].path, "/150000/150400/");
  EXPECT_EQ(m["150404"].name, "松山区市场监督管理局");
  EXPECT_EQ(m["150404"].parent_code, "150400");
  EXPECT_EQ(m["150404"].level, "county");
  EXPECT_EQ(m["150404"].path, "/150000/150400/150404/");
  EXPECT_EQ(m["152921"].name, "阿拉善左旗市场监督管理局");
  EXPECT_EQ(m["152921"].parent_code, "152900");
  EXPECT_EQ(m["152900"].level, "city");
  // Development zones are county-level bureaus; "管委会" is not part of a bureau's name.
  EXPECT_EQ(m["150172"].name, "呼和浩特经济技术开发区市场监督管理局");
  EXPECT_EQ(m["150172"].parent_code, "150100");
  EXPECT_EQ(m["152571"].name, "乌拉盖管理区市场监督管理局");
  // Every unit's path extends its parent's, and parents come first.
  std::map<std::string, size_t> pos;
  for (size_t i = 0; i < units->size(); ++i) pos[(*units)[i].code] = i;
  for (const Unit& u : *units) {
    if (u.parent_code.empty()) continue;
    ASSERT_TRUE(m.count(u.parent_code)) << u.code;
    EXPECT_EQ(u.path, m[u.parent_code].path + u.code + "/");
    EXPECT_LT(pos[u.parent_code], pos[u.code]);
  }
}

TEST(Divisions, MunicipalityCountiesHangUnderTheProvince) {
  auto units = load_units(dir(), "11");
  ASSERT_TRUE(units.ok()) << units.status().to_string();
  auto m = by_code(*units);
  EXPECT_EQ(m["110000"].name, "北京市市场监督管理局");
  EXPECT_EQ(m.count("110100"), 0u);  // no bureau named 市辖区
  EXPECT_EQ(m["110101"].name, "东城区市场监督管理局");
  EXPECT_EQ(m["110101"].parent_code, "110000");
  EXPECT_EQ(m["110101"].path, "/110000/110101/");
  for (const Unit& u : *units) EXPECT_EQ(u.name.find("市辖区"), std::string::npos) << u.code;
}

TEST(Divisions, OtherProvincesLoad) {
  auto gd = load_units(dir(), "44");
  ASSERT_TRUE(gd.ok()) << gd.status().to_string();
  auto m = by_code(*gd);
  EXPECT_EQ(m["440100"].name, "广州市市场监督管理局");
  // 东莞 has no counties: it is a city unit and not repeated as a county.
  EXPECT_EQ(m["441900"].level, "city");
  auto henan = load_units(dir(), "41");
  ASSERT_TRUE(henan.ok());
  auto h = by_code(*henan);
  EXPECT_EQ(h["419001"].parent_code, "410000");  // 济源市, directly under the province
  EXPECT_EQ(h.count("419000"), 0u);
}

TEST(Divisions, AllOfChinaHasUniqueCodes) {
  auto all = load_divisions(dir());
  ASSERT_TRUE(all.ok()) << all.status().to_string();
  std::map<std::string, int> seen;
  for (const Division& d : *all) EXPECT_EQ(++seen[d.code], 1) << d.code;
  EXPECT_GT(all->size(), 3000u);
}

TEST(Divisions, BadProvinceCodesAreErrors) {
  EXPECT_EQ(load_units(dir(), "99").status().code(), Code::kNotFound);
  EXPECT_EQ(load_units(dir(), "150400").status().code(), Code::kInvalidArgument);
  EXPECT_EQ(load_units(dir(), "x").status().code(), Code::kInvalidArgument);
  EXPECT_EQ(load_units(dir(), "").status().code(), Code::kInvalidArgument);
  EXPECT_EQ(load_units("/nonexistent", "15").status().code(), Code::kNotFound);
}

TEST(DataDir, OverrideFirstThenTheOtherCandidates) {
  const std::string good = dir();
  auto d = data_dir(good);
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(*d, good);
  // An override without the marker is skipped; $LIJIAN_DATA_DIR (set by CTest) still answers.
  auto fallback = data_dir("/nonexistent-lijian-data");
  ASSERT_TRUE(fallback.ok());
  EXPECT_NE(*fallback, "/nonexistent-lijian-data");
}

}  // namespace
}  // namespace lj::refdata
