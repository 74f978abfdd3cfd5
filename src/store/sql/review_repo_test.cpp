// Case-file reviews on both backends: one review per reviewer per case (replaced with a new
// version), audited, scoped; the evaluation of units averages the scores of a unit's subtree.
#include <algorithm>
#include <cstdlib>

#include "cases/review.hpp"
#include "model/json.hpp"
#include "store/sql/review_repo.hpp"
#include "store/store_test_fixture.hpp"

namespace lj {
namespace {

using namespace store_testing;

class CaseReviewRepoTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped()) return;
    const char* dir = std::getenv("LIJIAN_DATA_DIR");
    auto c = cases::ReviewChecklist::load(dir ? dir : "data");
    ASSERT_TRUE(c.ok()) << c.status().to_string();
    checklist_ = std::make_unique<cases::ReviewChecklist>(std::move(*c));
    repo_ = std::make_unique<CaseReviewRepo>(store_->sql());
    songshan_case_ = closed_case(kSongshan, "S-1");
    hongshan_case_ = closed_case(kHongshan, "H-1");
  }
  int64_t closed_case(const Actor& who, const std::string& source_id) {
    Lead lead = add_lead(who, source_id, "2018-04-20T09:00:00+08:00");
    auto c = store_->open_case(who, lead.id, Case{});
    EXPECT_TRUE(c.ok()) << c.status().to_string();
    EXPECT_TRUE(store_->sql()
                    .write([&](sql::Connection& conn) {
                      return conn.exec("UPDATE cases SET status = 'closed' WHERE id = ?", {c->id});
                    })
                    .ok());
    return c->id;
  }
  cases::ReviewScores scores(int minus) {
    Json items = Json::array();
    for (const auto& g : checklist_->groups())
      for (const auto& i : g.items) items.push_back(Json{{"item", i.code}, {"score", i.points}});
    for (auto& it : items) {  // take the points off the first items, each down to 0 at most
      const int take = std::min(minus, it["score"].get<int>());
      it["score"] = it["score"].get<int>() - take;
      minus -= take;
    }
    items[0]["comment"] = "立案审批表缺少审批日期";
    auto s = checklist_->score(Json{{"items", items}, {"comment", "总体规范"}});
    EXPECT_TRUE(s.ok()) << s.status().to_string();
    return *s;
  }
  Result<CaseReview> submit(const Actor& who, int64_t case_id, int minus) {
    auto check = [&](const Case& c) { return cases::may_review(who, c, *checklist_); };
    return repo_->submit(who, case_id, check, scores(minus), checklist_->version(),
                         checklist_->max_total());
  }
  size_t audit_entries() {
    size_t n = 0;
    EXPECT_TRUE(store_->scan_audit([&](const AuditEntry&) { return ++n, true; }).ok());
    return n;
  }

  std::unique_ptr<cases::ReviewChecklist> checklist_;
  std::unique_ptr<CaseReviewRepo> repo_;
  int64_t songshan_case_ = 0, hongshan_case_ = 0;
};

TEST_P(CaseReviewRepoTest, OneReviewPerReviewerReplacedWithANewVersionAndAudited) {
  const size_t audits = audit_entries();
  auto first = submit(kLeague, songshan_case_, 3);
  ASSERT_TRUE(first.ok()) << first.status().to_string();
  EXPECT_EQ(first->total, 97);
  EXPECT_EQ(first->max_total, 100);
  EXPECT_EQ(first->version, 1);
  EXPECT_EQ(first->unit_code, "150404");
  EXPECT_EQ(first->items[0]["comment"], "立案审批表缺少审批日期");
  auto again = submit(kLeague, songshan_case_, 5);
  ASSERT_TRUE(again.ok()) << again.status().to_string();
  EXPECT_EQ(again->id, first->id);
  EXPECT_EQ(again->version, 2);
  EXPECT_EQ(again->total, 95);
  ASSERT_TRUE(submit(kRegion, songshan_case_, 0).ok());
  auto list = repo_->of_case(kSongshan, songshan_case_);
  ASSERT_TRUE(list.ok());
  EXPECT_EQ(list->size(), 2u);
  EXPECT_EQ(audit_entries(), audits + 3);
  AuditVerdict v = verify_audit_chain([&](const auto& visit) { return store_->scan_audit(visit); });
  EXPECT_TRUE(v.intact) << v.reason;
}

TEST_P(CaseReviewRepoTest, RefusalsAndScopeChangeNothing) {
  Lead lead = add_lead(kSongshan, "S-open", "2018-04-21T09:00:00+08:00");
  auto open = store_->open_case(kSongshan, lead.id, Case{});
  ASSERT_TRUE(open.ok());
  const size_t audits = audit_entries();
  // The case's own unit does not review itself; a sibling does not even see the case.
  const Actor songshan_leader = actor_at("150404", "/150000/150400/150404/", Role::kLeader, 5);
  EXPECT_EQ(submit(songshan_leader, songshan_case_, 0).status().code(), Code::kForbidden);
  const Actor hongshan_leader = actor_at("150402", "/150000/150400/150402/", Role::kLeader, 6);
  EXPECT_EQ(submit(hongshan_leader, songshan_case_, 0).status().code(), Code::kNotFound);
  EXPECT_EQ(repo_->of_case(kHongshan, songshan_case_).status().code(), Code::kNotFound);
  EXPECT_EQ(submit(kLeague, open->id, 0).status().code(), Code::kConflict);
  EXPECT_EQ(audit_entries(), audits);
}

TEST_P(CaseReviewRepoTest, EvaluationAveragesTheScoresOfAUnitsSubtree) {
  ASSERT_TRUE(submit(kLeague, songshan_case_, 10).ok());  // 90
  ASSERT_TRUE(submit(kRegion, songshan_case_, 0).ok());   // 100
  ASSERT_TRUE(submit(kLeague, hongshan_case_, 5).ok());   // 95
  auto league = repo_->evaluate(kLeague, CaseReviewQuery{});
  ASSERT_TRUE(league.ok()) << league.status().to_string();
  EXPECT_EQ(league->unit_code, "150400");
  EXPECT_EQ(league->overall.count, 3);
  EXPECT_NEAR(league->overall.average, 95.0, 1e-9);
  ASSERT_EQ(league->units.size(), 2u);
  EXPECT_EQ(league->units[0].unit_code, "150402");  // 95.0 and 95.0: ties keep unit order
  EXPECT_NEAR(league->units[0].average_percent, 95.0, 1e-9);
  EXPECT_EQ(league->reviews.size(), 3u);

  CaseReviewQuery songshan;
  songshan.unit_code = "150404";
  auto one = repo_->evaluate(kRegion, songshan);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(one->overall.count, 2);
  EXPECT_NEAR(one->overall.average, 95.0, 1e-9);

  CaseReviewQuery later;
  later.from = "2018-05-02";
  auto none = repo_->evaluate(kRegion, later);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->overall.count, 0);
  CaseReviewQuery that_day;
  that_day.from = "2018-05-01";
  that_day.to = "2018-05-01";
  EXPECT_EQ(repo_->evaluate(kRegion, that_day)->overall.count, 3);

  CaseReviewQuery outside;
  outside.unit_code = "150404";
  EXPECT_EQ(repo_->evaluate(kHongshan, outside).status().field(), "unit");
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseReviewRepoTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lj
