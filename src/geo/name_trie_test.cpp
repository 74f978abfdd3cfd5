#include "geo/name_trie.hpp"

#include <gtest/gtest.h>

namespace lj::geo {
namespace {

std::vector<NameTrie::Match> find(const NameTrie& t, std::u32string_view text) {
  std::vector<NameTrie::Match> out;
  t.find_all(text, out);
  return out;
}

TEST(GazetteerTrie, FindsEveryOccurrenceIncludingOverlapsAndPrefixes) {
  NameTrie t;
  const uint32_t dongsheng = t.add(U"东胜");
  const uint32_t dongsheng_qu = t.add(U"东胜区");
  const uint32_t shengqu = t.add(U"胜区");
  EXPECT_EQ(t.add(U"东胜"), dongsheng);  // the same name keeps its id
  EXPECT_EQ(t.name_count(), 3u);

  auto m = find(t, U"鄂尔多斯东胜区东胜");
  ASSERT_EQ(m.size(), 4u);
  EXPECT_EQ(m[0].start, 4u);
  EXPECT_EQ(m[0].length, 2u);
  EXPECT_EQ(m[0].name_id, dongsheng);
  EXPECT_EQ(m[1].start, 4u);
  EXPECT_EQ(m[1].length, 3u);
  EXPECT_EQ(m[1].name_id, dongsheng_qu);
  EXPECT_EQ(m[2].start, 5u);
  EXPECT_EQ(m[2].name_id, shengqu);
  EXPECT_EQ(m[3].start, 7u);
  EXPECT_EQ(m[3].name_id, dongsheng);
}

TEST(GazetteerTrie, EmptyTextAndNoMatch) {
  NameTrie t;
  t.add(U"赤峰市");
  EXPECT_TRUE(find(t, U"").empty());
  EXPECT_TRUE(find(t, U"赤峰").empty());  // a prefix of a name is no match
  EXPECT_EQ(find(t, U"xx赤峰市").size(), 1u);
}

}  // namespace
}  // namespace lj::geo
