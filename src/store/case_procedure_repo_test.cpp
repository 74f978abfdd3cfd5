// The case procedure on a stored case, on both backends: status, progress, timeline and audit
// move together; scope, versions and refusals change nothing.
#include <cstdlib>

#include "cases/case_actions.hpp"
#include "store/sql/case_procedure_repo.hpp"
#include "store/store_test_fixture.hpp"

namespace lj {
namespace {

using namespace store_testing;

const Actor kSongshanLeader = actor_at("150404", "/150000/150400/150404/", Role::kLeader, 5);

class CaseProcedureTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped()) return;
    const char* dir = std::getenv("LIJIAN_DATA_DIR");
    auto p = cases::Procedure::load(dir ? dir : "data");
    ASSERT_TRUE(p.ok()) << p.status().to_string();
    procedure_ = std::make_unique<cases::Procedure>(std::move(*p));
    auto cal = calendar::WorkCalendar::load(dir ? dir : "data");
    ASSERT_TRUE(cal.ok()) << cal.status().to_string();
    calendar_ = std::make_unique<calendar::WorkCalendar>(std::move(*cal));
    repo_ = std::make_unique<CaseProcedureRepo>(store_->sql());
    Lead lead = add_lead(kSongshan, "P-1", "2018-04-20T09:00:00+08:00");
    auto c = store_->open_case(kSongshan, lead.id, Case{});
    ASSERT_TRUE(c.ok()) << c.status().to_string();
    case_id_ = c->id;
  }
  Result<CaseProcedureRepo::Applied> act(const Actor& who, const std::string& action, Json fields = Json::object(),
                                         std::optional<int64_t> version = std::nullopt) {
    return cases::take_action(*repo_, *procedure_, *calendar_, who, case_id_, {action, std::move(fields), version});
  }
  std::string status() { return store_->get_case(kRegion, case_id_)->status; }
  size_t audit_entries() {
    size_t n = 0;
    EXPECT_TRUE(store_->scan_audit([&](const AuditEntry&) { return ++n, true; }).ok());
    return n;
  }

  std::unique_ptr<cases::Procedure> procedure_;
  std::unique_ptr<calendar::WorkCalendar> calendar_;
  std::unique_ptr<CaseProcedureRepo> repo_;
  int64_t case_id_ = 0;
};

TEST_P(CaseProcedureTest, AStepMovesStatusProgressTimelineAndAuditTogether) {
  const size_t audits = audit_entries();
  auto filed = act(kLeague, "file", {{"reason", "有效含量不足，涉嫌违法"}, {"note", "经局长批准"}});
  ASSERT_TRUE(filed.ok()) << filed.status().to_string();
  EXPECT_EQ(filed->c.status, "filed");
  EXPECT_EQ(filed->c.version, 2);
  EXPECT_EQ(filed->progress.filed_at, "2018-05-01T08:00:00+08:00");
  EXPECT_EQ(filed->event.kind, "action");
  EXPECT_EQ(filed->event.note, "经局长批准");
  EXPECT_EQ(filed->event.data["action"], "file");
  EXPECT_EQ(filed->event.data["from"], "filing_review");
  EXPECT_EQ(filed->event.data["fields"]["reason"], "有效含量不足，涉嫌违法");
  EXPECT_EQ(status(), "filed");
  EXPECT_EQ(audit_entries(), audits + 1);
  auto timeline = store_->case_timeline(kSongshan, case_id_);
  ASSERT_TRUE(timeline.ok());
  EXPECT_EQ(timeline->back().kind, "action");
  auto got = repo_->get(kSongshan, case_id_);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->second.filed_at, filed->progress.filed_at);
  AuditVerdict v = verify_audit_chain([&](const auto& visit) { return store_->scan_audit(visit); });
  EXPECT_TRUE(v.intact) << v.reason;
}

TEST_P(CaseProcedureTest, RefusalsChangeNothing) {
  const size_t audits = audit_entries();
  EXPECT_EQ(act(kSongshan, "file", {{"reason", "r"}}).status().code(), Code::kForbidden);  // an officer
  EXPECT_EQ(act(kSongshanLeader, "serve", {{"served_on", "x"}, {"method", "y"}}).status().code(), Code::kConflict);
  EXPECT_EQ(act(kSongshanLeader, "file").status().field(), "reason");
  EXPECT_EQ(act(kSongshanLeader, "file", {{"reason", "r"}, {"fine", "1"}}).status().field(), "fine");
  // A sibling county's user does not see the case at all.
  const Actor hongshan_leader = actor_at("150402", "/150000/150400/150402/", Role::kLeader, 6);
  EXPECT_EQ(act(hongshan_leader, "file", {{"reason", "r"}}).status().code(), Code::kNotFound);
  EXPECT_EQ(act(kSongshanLeader, "file", {{"reason", "r"}}, 7).status().code(), Code::kConflict);  // stale
  EXPECT_EQ(status(), "filing_review");
  EXPECT_EQ(audit_entries(), audits);
  EXPECT_TRUE(repo_->get(kSongshan, case_id_)->second.filed_at.empty());
}

TEST_P(CaseProcedureTest, SuspensionAndDecisionAreRecordedOnTheProgress) {
  ASSERT_TRUE(act(kSongshanLeader, "file", {{"reason", "r"}}, 1).ok());
  ASSERT_TRUE(act(kSongshan, "start_investigation").ok());
  auto suspended = act(kLeague, "suspend", {{"reason", "等待检验结果"}});
  ASSERT_TRUE(suspended.ok()) << suspended.status().to_string();
  EXPECT_EQ(suspended->progress.suspended_from, "investigating");
  auto next = cases::next_steps(*repo_, *procedure_, kSongshanLeader, case_id_);
  ASSERT_TRUE(next.ok());
  ASSERT_EQ((*next)["actions"].size(), 1u);
  EXPECT_EQ((*next)["actions"][0]["action"], "resume");
  auto resumed = act(kSongshanLeader, "resume", {{"reason", "检验结果已出"}});
  ASSERT_TRUE(resumed.ok());
  EXPECT_EQ(resumed->c.status, "investigating");
  EXPECT_TRUE(resumed->progress.suspended_from.empty());
  for (auto [action, fields] : std::vector<std::pair<std::string, Json>>{
           {"submit_legal_review", {{"findings", "f"}, {"proposed_decision", "罚款"}}},
           {"send_prior_notice", {{"notice_no", "松市监罚告〔2018〕1号"}, {"proposed_penalty", "罚款5000元"}}},
           {"close_statement_period", {{"statement", "当事人未陈述申辩"}}},
           {"decide_penalty", {{"decision_no", "松市监罚字〔2018〕1号"}, {"legal_basis", "《产品质量法》第五十条"}}}}) {
    auto r = act(kSongshanLeader, action, fields);
    ASSERT_TRUE(r.ok()) << action << ": " << r.status().to_string();
  }
  auto got = repo_->get(kRegion, case_id_);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->first.status, "decided");
  EXPECT_EQ(got->second.decision, "penalty");
  EXPECT_EQ(got->second.decision_no, "松市监罚字〔2018〕1号");
  EXPECT_FALSE(got->second.decided_at.empty());
  // Read-only relations see the next steps as none.
  auto analyst = cases::next_steps(*repo_, *procedure_, actor_at("150000", "/150000/", Role::kAnalyst, 9), case_id_);
  ASSERT_TRUE(analyst.ok());
  EXPECT_TRUE((*analyst)["actions"].empty());
}

// The store clock reads 2018-05-01 08:00; the lead arrived on 20 April 2018, so its 15 working
// days run to 14 May (劳动节 29 April – 1 May, Saturday 28 April worked).
TEST_P(CaseProcedureTest, DeadlinesAreStoredWithEveryStepAndListedByUnit) {
  ASSERT_TRUE(repo_->refresh_deadlines(kSongshan, case_id_, cases::deadline_schedule(*procedure_, *calendar_)).ok());
  auto list = [&](const Actor& who, DeadlineQuery q = {}) {
    auto r = cases::work_list(*repo_, *procedure_, *calendar_, who, q, "2018-05-02");
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    return r.ok() ? (*r)["items"] : Json::array();
  };
  Json items = list(kSongshan);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0]["kind"], "filing_decision");
  EXPECT_EQ(items[0]["due_on"], "2018-05-14");
  EXPECT_EQ(items[0]["status"], "open");
  EXPECT_EQ(items[0]["days_left"], 8);  // 3, 4, 7, 8, 9, 10, 11, 14 May
  EXPECT_EQ(list(kLeague).size(), 1u);
  EXPECT_TRUE(list(kHongshan).empty());  // a sibling county sees none of it
  DeadlineQuery other;
  other.unit_code = "150402";
  EXPECT_TRUE(list(kLeague, other).empty());
  DeadlineQuery soon;
  soon.due_before = "2018-05-10";
  EXPECT_TRUE(list(kSongshan, soon).empty());

  ASSERT_TRUE(act(kLeague, "file", {{"reason", "r"}}).ok());
  items = list(kSongshan);
  ASSERT_EQ(items.size(), 1u);  // filing decided; the 90 days of the case decision run
  EXPECT_EQ(items[0]["kind"], "case_decision");
  EXPECT_EQ(items[0]["due_on"], "2018-07-30");  // 1 May + 90 days
  auto states = cases::deadlines_of_case(*repo_, *procedure_, *calendar_, kSongshan, case_id_, "2018-05-02");
  ASSERT_TRUE(states.ok());
  ASSERT_EQ(states->size(), 2u);
  EXPECT_EQ((*states)[0].status, "met");
  EXPECT_EQ((*states)[0].ended_on, "2018-05-01");
  ASSERT_TRUE(act(kLeague, "suspend", {{"reason", "等待检验"}}).ok());
  items = list(kSongshan);
  EXPECT_EQ(items[0]["status"], "paused");
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseProcedureTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lj
