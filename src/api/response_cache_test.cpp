#include "api/response_cache.hpp"

#include <gtest/gtest.h>

namespace lj::api {
namespace {

TEST(ResponseCache, AnEntryIsValidForItsGenerationOnly) {
  ResponseCache cache(4, 100);
  EXPECT_FALSE(cache.get("k", 1));
  cache.put("k", 1, "page");
  EXPECT_EQ(cache.get("k", 1), "page");
  EXPECT_FALSE(cache.get("k", 2)) << "a change (new generation) must not see the old page";
  cache.put("k", 3, "newer");
  cache.put("k", 2, "late and older");
  EXPECT_EQ(cache.get("k", 3), "newer") << "an older generation never replaces a newer one";
  auto s = cache.stats();
  EXPECT_EQ(s.hits, 2);
  EXPECT_EQ(s.misses, 2);
}

TEST(ResponseCache, EvictsTheLeastRecentlyUsedAndSkipsLargeBodies) {
  ResponseCache cache(2, 10);
  cache.put("a", 1, "A");
  cache.put("b", 1, "B");
  EXPECT_TRUE(cache.get("a", 1));  // a is now the most recent
  cache.put("c", 1, "C");
  EXPECT_TRUE(cache.get("a", 1));
  EXPECT_FALSE(cache.get("b", 1));
  EXPECT_TRUE(cache.get("c", 1));
  cache.put("big", 1, std::string(11, 'x'));
  EXPECT_FALSE(cache.get("big", 1));
  ResponseCache off(0, 10);
  off.put("a", 1, "A");
  EXPECT_FALSE(off.get("a", 1));
}

}  // namespace
}  // namespace lj::api
