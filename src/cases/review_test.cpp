// The case-file review checklist: loading, scoring every item once within its points, and who
// may review which case.
#include <gtest/gtest.h>

#include <cstdlib>

#include "cases/review.hpp"
#include "model/json.hpp"

namespace lj::cases {
namespace {

ReviewChecklist shipped() {
  const char* dir = std::getenv("LIJIAN_DATA_DIR");
  auto c = ReviewChecklist::load(dir ? dir : "data");
  EXPECT_TRUE(c.ok()) << c.status().to_string();
  return *c;
}

Json full_marks(const ReviewChecklist& c) {
  Json items = Json::array();
  for (const auto& g : c.groups())
    for (const auto& i : g.items) items.push_back(Json{{"item", i.code}, {"score", i.points}});
  return Json{{"items", items}, {"comment", "卷宗规范"}};
}

Actor actor(const std::string& path, Role role) {
  Actor a;
  a.role = role;
  a.unit_path = path;
  return a;
}

TEST(ReviewChecklist, ShippedChecklistHasTheGroupsAndTotalsOneHundred) {
  ReviewChecklist c = shipped();
  EXPECT_EQ(c.max_total(), 100);
  std::vector<std::string> groups;
  for (const auto& g : c.groups()) groups.push_back(g.name_zh);
  EXPECT_EQ(groups, (std::vector<std::string>{"立案", "调查取证", "法律适用", "程序", "文书"}));
  EXPECT_EQ(c.reviewable_states(), std::vector<std::string>{"closed"});
}

TEST(ReviewChecklist, ScoresEveryItemOnceWithinItsPoints) {
  ReviewChecklist c = shipped();
  Json body = full_marks(c);
  auto s = c.score(body);
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  EXPECT_EQ(s->total, 100);
  EXPECT_EQ(s->comment, "卷宗规范");

  Json over = body;
  over["items"][1]["score"] = 99;
  EXPECT_EQ(c.score(over).status().field(), "items[1].score");
  Json negative = body;
  negative["items"][0]["score"] = -1;
  EXPECT_EQ(c.score(negative).status().field(), "items[0].score");
  Json missing = body;
  missing["items"].erase(3);
  EXPECT_EQ(c.score(missing).status().field(), "items");
  Json twice = body;
  twice["items"].push_back(body["items"][0]);
  EXPECT_EQ(c.score(twice).status().field(),
            "items[" + std::to_string(body["items"].size()) + "].item");
  Json unknown = body;
  unknown["items"][0]["item"] = "nope";
  EXPECT_EQ(c.score(unknown).status().field(), "items[0].item");
  Json extra = body;
  extra["grade"] = "A";
  EXPECT_EQ(c.score(extra).status().field(), "grade");
}

TEST(ReviewChecklist, ParseNamesTheBadEntry) {
  auto bad = ReviewChecklist::parse(R"({"version":"1","name_zh":"x","reviewable_states":["closed"],
    "groups":[{"code":"g","name_zh":"立案","items":[{"code":"a","text":"t","points":0}]}]})");
  EXPECT_EQ(bad.status().field(), "groups[0].items[0].points");
  auto dup = ReviewChecklist::parse(R"({"version":"1","name_zh":"x","reviewable_states":["closed"],
    "groups":[{"code":"g","name_zh":"立案","items":[{"code":"a","text":"t","points":1},{"code":"a","text":"t","points":1}]}]})");
  EXPECT_EQ(dup.status().field(), "groups[0].items[1].code");
}

TEST(ReviewChecklist, OnlyALeaderAboveTheCasesUnitReviewsAClosedCase) {
  ReviewChecklist c = shipped();
  Case cs;
  cs.case_no = "150404-2018-000001";
  cs.unit_path = "/150000/150400/150404/";
  cs.status = "closed";
  EXPECT_TRUE(may_review(actor("/150000/150400/", Role::kLeader), cs, c).ok());
  EXPECT_TRUE(may_review(actor("/150000/", Role::kLeader), cs, c).ok());
  EXPECT_EQ(may_review(actor("/150000/150400/150404/", Role::kLeader), cs, c).code(),
            Code::kForbidden);
  EXPECT_EQ(may_review(actor("/150000/150400/", Role::kOfficer), cs, c).code(), Code::kForbidden);
  EXPECT_EQ(may_review(actor("/150000/150400/150402/", Role::kLeader), cs, c).code(),
            Code::kForbidden);
  cs.status = "decided";
  EXPECT_EQ(may_review(actor("/150000/150400/", Role::kLeader), cs, c).code(), Code::kConflict);
}

}  // namespace
}  // namespace lj::cases
