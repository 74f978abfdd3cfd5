#include "geo/address_text.hpp"

#include <gtest/gtest.h>

namespace lj::geo {
namespace {

TEST(GazetteerMatchForm, FoldsWidthAndDropsSpaces) {
  EXPECT_EQ(match_form("赤峰市 松山区　迎宾路１１２号"), U"赤峰市松山区迎宾路112号");
  EXPECT_EQ(match_form("ＡＢＣ\t（东胜）\r\n"), U"ABC(东胜)");
  EXPECT_EQ(match_form("东\u200B胜\uFEFF区"), U"东胜区");  // zero-width characters
  EXPECT_EQ(match_form(""), U"");
  EXPECT_EQ(match_form("\xff东胜"), U"\uFFFD东胜");
}

TEST(GazetteerMatchForm, Ideographs) {
  EXPECT_TRUE(is_ideograph(U'旗'));
  EXPECT_FALSE(is_ideograph(U'1'));
  EXPECT_FALSE(is_ideograph(U'（'));
}

}  // namespace
}  // namespace lj::geo
