#include "resolve/grouping.hpp"

#include <gtest/gtest.h>

#include <algorithm>

namespace lj::resolve {
namespace {

TEST(GroupingTest, CivilDay) {
  EXPECT_EQ(civil_day("1970-01-01"), 0);
  EXPECT_EQ(civil_day("2018-04-02T10:00:00+08:00"), 17623);
  EXPECT_EQ(civil_day("2018-07-01") - civil_day("2018-04-02"), 90);
  EXPECT_EQ(civil_day("2018-02-30"), -1);
  EXPECT_EQ(civil_day("x"), -1);
}

TEST(GroupingTest, WindowEdgesAreInclusive) {
  const int d0 = civil_day("2018-04-02");
  auto g = assign_groups(
      {{1, d0, {"substandard"}}, {2, d0 + 90, {"substandard"}}, {3, d0 + 91, {"substandard"}}}, 90);
  EXPECT_EQ(g[1], 1);
  EXPECT_EQ(g[2], 1);  // 90 days after the first: same matter
  EXPECT_EQ(g[3], 3);  // 91 days: a new matter
}

TEST(GroupingTest, ViolationsMustOverlap) {
  auto g = assign_groups({{1, 100, {"substandard"}},
                          {2, 101, {"counterfeit_trademark"}},
                          {3, 102, {"counterfeit_trademark", "substandard"}},
                          {4, 103, {}},
                          {5, 104, {}}},
                         90);
  EXPECT_EQ(g[1], 1);
  EXPECT_EQ(g[2], 2);
  EXPECT_EQ(g[3], 1);  // the first matter that shares a violation
  EXPECT_EQ(g[4], 4);  // no violation named: only with others naming none
  EXPECT_EQ(g[5], 4);
}

TEST(GroupingTest, OutcomeDoesNotDependOnArrivalOrder) {
  std::vector<GroupMember> m = {{7, 120, {"a"}}, {3, 100, {"a"}}, {5, 100, {"a"}}, {9, 300, {"a"}}};
  auto g1 = assign_groups(m, 90);
  std::reverse(m.begin(), m.end());
  auto g2 = assign_groups(m, 90);
  EXPECT_EQ(g1, g2);
  EXPECT_EQ(g1[3], 3);  // earliest day, then lowest id
  EXPECT_EQ(g1[5], 3);
  EXPECT_EQ(g1[7], 3);
  EXPECT_EQ(g1[9], 9);
}

TEST(GroupingTest, SubjectKey) {
  int64_t id = 42;
  EXPECT_EQ(subject_key(&id, "金穗化肥"), "e:42");
  EXPECT_EQ(subject_key(nullptr, "金穗化肥"), "n:金穗化肥");
  EXPECT_EQ(subject_key(nullptr, ""), "");
}

}  // namespace
}  // namespace lj::resolve
