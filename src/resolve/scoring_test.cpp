#include "resolve/scoring.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace lj::resolve {
namespace {

const NameNormalizer& names() {
  static const NameNormalizer n(
      {"内蒙古自治区", "赤峰市", "松山区", "红山区", "呼和浩特市", "新城区"});
  return n;
}

TEST(ScoringTest, JaroWinklerKnownValues) {
  EXPECT_NEAR(jaro_winkler(U"MARTHA", U"MARHTA"), 0.9611, 1e-4);
  EXPECT_NEAR(jaro_winkler(U"DIXON", U"DICKSONX"), 0.8133, 1e-4);
  EXPECT_DOUBLE_EQ(jaro_winkler(U"金穗化肥", U"金穗化肥"), 1.0);
  EXPECT_DOUBLE_EQ(jaro_winkler(U"金穗", U"绿源"), 0.0);
  EXPECT_DOUBLE_EQ(jaro_winkler(U"", U"绿源"), 0.0);
}

TEST(ScoringTest, BigramDice) {
  EXPECT_DOUBLE_EQ(bigram_dice(U"建设路88号", U"建设路88号"), 1.0);
  EXPECT_DOUBLE_EQ(bigram_dice(U"建设路", U"红旗街"), 0.0);
  EXPECT_NEAR(bigram_dice(U"建设路88号", U"建设路99号"), 0.4, 1e-9);  // 建设 设路 shared of 5+5
  EXPECT_DOUBLE_EQ(bigram_dice(U"", U"x"), 0.0);
}

TEST(ScoringTest, RegionSimilarityByLevel) {
  EXPECT_EQ(region_similarity("150404", "150404").first, 1.0);
  EXPECT_EQ(region_similarity("150404", "150402").first, 0.6);
  EXPECT_EQ(region_similarity("150400", "150402").first, 0.6);
  EXPECT_EQ(region_similarity("150404", "150102").first, 0.2);
  EXPECT_EQ(region_similarity("150404", "110101").first, 0.0);
  EXPECT_EQ(region_similarity("150000", "150404").first, 0.5);
  EXPECT_EQ(region_similarity("", "150404").first, 0.5);
}

TEST(ScoringTest, CandidatesAreOrderedByEvidenceAndReasonsAddUp) {
  Options o;
  Subject s{"赤峰市金穗化肥有限公司", "赤峰市松山区建设路88号", "150404"};
  Candidate same{1,        "内蒙古金穗化肥有限责任公司松山分公司",
                 "",       "内蒙古自治区赤峰市松山区建设路88号",
                 "150404", "",
                 ""};
  Candidate elsewhere{2, "金穗化肥有限公司", "", "", "150102", "", ""};
  Candidate similar{3, "金禾化肥有限公司", "", "赤峰市松山区红旗街12号", "150404", "", ""};
  Candidate other{4, "绿源种业有限公司", "", "赤峰市松山区红旗街12号", "150404", "", ""};
  const Scored a = score(names(), o, s, same), b = score(names(), o, s, elsewhere),
               c = score(names(), o, s, similar), d = score(names(), o, s, other);
  EXPECT_DOUBLE_EQ(a.score, 1.0);
  EXPECT_GT(a.score, b.score);
  EXPECT_GT(b.score, c.score);
  EXPECT_GT(c.score, d.score);
  EXPECT_GE(a.score, o.high);
  EXPECT_LT(d.score, o.low);
  for (const Scored* x : {&a, &b, &c, &d}) {
    ASSERT_EQ(x->reasons.size(), 3u);
    EXPECT_EQ(x->reasons[0].name, "name");
    EXPECT_EQ(x->reasons[1].name, "address");
    EXPECT_EQ(x->reasons[2].name, "region");
    double sum = 0;
    for (const Factor& f : x->reasons) sum += f.contribution;
    EXPECT_NEAR(sum, x->score, 1e-3) << x->name;
  }
  EXPECT_EQ(b.reasons[1].detail, "address unknown");
  EXPECT_EQ(b.reasons[1].similarity, 0.5);
  EXPECT_EQ(b.reasons[2].similarity, 0.2);
  EXPECT_EQ(a.reasons[0].detail, "core '金穗化肥' vs '金穗化肥'");
}

TEST(ScoringTest, FormerNamesCount) {
  Options o;
  Subject s{"金穗化肥厂", "", "150404"};
  Candidate renamed{1, "绿野农业科技有限公司", "金穗化肥厂;金穗农资商行", "", "150404", "", ""};
  const Scored r = score(names(), o, s, renamed);
  EXPECT_DOUBLE_EQ(r.reasons[0].similarity, 1.0);
  EXPECT_NE(r.reasons[0].detail.find("former name"), std::string::npos);
}

TEST(ScoringTest, BlockingKeysAreTheDistinctBigramsOfTheCore) {
  EXPECT_EQ(blocking_keys("金穗化肥"), (std::vector<std::string>{"k:金穗", "k:穗化", "k:化肥"}));
  EXPECT_EQ(blocking_keys("金金金"), (std::vector<std::string>{"k:金金"}));
  EXPECT_EQ(blocking_keys("金"), (std::vector<std::string>{"k:金"}));
  EXPECT_TRUE(blocking_keys("").empty());
}

TEST(ScoringTest, OptionsAreValidated) {
  Options o;
  EXPECT_TRUE(validate(o).ok());
  o.low = 0.9;
  EXPECT_EQ(validate(o).field(), "low");
  o = Options{};
  o.high = 0;
  EXPECT_EQ(validate(o).field(), "high");
}

}  // namespace
}  // namespace lj::resolve
