#include "text/bigrams.hpp"

#include <gtest/gtest.h>

namespace lj::text {
namespace {

using V = std::vector<std::string>;

TEST(BigramsTest, OverlappingBigramsPlusLastCharacter) {
  EXPECT_EQ(bigram_tokens("保健食品"), (V{"保健", "健食", "食品", "品"}));
  EXPECT_EQ(bigram_token_string("保健食品"), "保健 健食 食品 品");
}

TEST(BigramsTest, OneCharacterWordsAndSeparators) {
  EXPECT_EQ(bigram_tokens("酒，烟。"), (V{"酒", "烟"}));
  EXPECT_EQ(bigram_tokens("假 药"), (V{"假", "药"}));
  EXPECT_EQ(bigram_tokens(""), V{});
  EXPECT_EQ(bigram_tokens("  ，。!"), V{});
}

TEST(BigramsTest, NormalisesFullWidthAndCase) {
  EXPECT_EQ(bigram_tokens("ＡＢ１"), (V{"ab", "b1", "1"}));
  EXPECT_EQ(bigram_tokens("Ab ab"), (V{"ab", "b"}));  // duplicates dropped
}

TEST(BigramsTest, InvalidUtf8DoesNotThrow) {
  EXPECT_NO_THROW(bigram_tokens(std::string("\xff\xfe\xe4", 3)));
}

TEST(BigramsTest, ParseSearchSplitsTermsAndWords) {
  auto t = parse_search("  保健品　酒 A-b ");
  ASSERT_EQ(t.size(), 3u);  // U+3000 is folded to a space by NFKC
  EXPECT_EQ(t[0].exact, (V{"保健", "健品"}));
  EXPECT_TRUE(t[0].prefixes.empty());
  EXPECT_EQ(t[0].needle, "保健品");
  EXPECT_TRUE(t[0].needs_recheck);
  EXPECT_EQ(t[1].prefixes, V{"酒"});
  EXPECT_FALSE(t[1].needs_recheck);
  EXPECT_EQ(t[2].prefixes, (V{"a", "b"}));
  EXPECT_EQ(t[2].needle, "a-b");
  EXPECT_TRUE(t[2].needs_recheck);
  EXPECT_TRUE(parse_search("   ").empty());
}

TEST(BigramsTest, PunctuationOnlyTermHasNoTokens) {
  auto t = parse_search("-");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_TRUE(t[0].exact.empty());
  EXPECT_TRUE(t[0].prefixes.empty());
  EXPECT_TRUE(t[0].needs_recheck);
}

}  // namespace
}  // namespace lj::text
