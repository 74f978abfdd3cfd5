// The case procedure on a stored case, on both backends: status, progress, timeline and audit
// move together; scope, versions and refusals change nothing.
#include <cstdlib>

#include "cases/case_actions.hpp"
#include "store/sql/case_documents_testing.hpp"
#include "store/sql/case_facts_repo.hpp"
#include "cases/integrity_eval.hpp"
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
    ASSERT_TRUE(testing::put_test_document(store_->sql(), kSongshan, case_id_, "filing_approval").ok());
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

// A step that needs a document refuses without it, naming it; the next steps show what is
// missing; a generated or uploaded document satisfies it (issue 4: documents, not only fields).
TEST_P(CaseProcedureTest, StepsThatNeedADocumentNameTheMissingOne) {
  Lead lead = add_lead(kSongshan, "P-2", "2018-04-21T09:00:00+08:00");
  auto c = store_->open_case(kSongshan, lead.id, Case{});
  ASSERT_TRUE(c.ok());
  auto act_on = [&](const Actor& who, const std::string& action, Json fields = Json::object()) {
    return cases::take_action(*repo_, *procedure_, *calendar_, who, c->id, {action, std::move(fields), std::nullopt});
  };
  auto next = cases::next_steps(*repo_, *procedure_, kSongshanLeader, c->id);
  ASSERT_TRUE(next.ok());
  for (const auto& a : (*next)["actions"])
    if (a["action"] == "file") {
      ASSERT_EQ(a["missing_documents"].size(), 1u);
      EXPECT_EQ(a["missing_documents"][0]["name_zh"], "立案审批表");
    }
  auto refused = act_on(kSongshanLeader, "file", {{"reason", "r"}});
  EXPECT_EQ(refused.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(refused.status().field(), "documents");
  EXPECT_NE(refused.status().message().find("立案审批表"), std::string::npos) << refused.status().message();
  EXPECT_EQ(store_->get_case(kRegion, c->id)->status, "filing_review");
  ASSERT_TRUE(testing::put_test_document(store_->sql(), kSongshan, c->id, "filing_approval").ok());
  ASSERT_TRUE(act_on(kSongshanLeader, "file", {{"reason", "r"}}).ok());
  for (auto [action, fields] : std::vector<std::pair<std::string, Json>>{
           {"start_investigation", Json::object()},
           {"submit_legal_review", {{"findings", "f"}, {"proposed_decision", "罚款"}}},
           {"send_prior_notice", {{"notice_no", "n"}, {"proposed_penalty", "p"}}},
           {"close_statement_period", {{"statement", "s"}}},
           {"decide_penalty", {{"decision_no", "d"}, {"legal_basis", "b"}}}})
    ASSERT_TRUE(act_on(kSongshanLeader, action, fields).ok()) << action;
  auto serve = act_on(kSongshan, "serve", {{"served_on", "2018-05-03"}, {"method", "直接送达"}});
  EXPECT_EQ(serve.status().field(), "documents") << serve.status().to_string();
  EXPECT_NE(serve.status().message().find("行政处罚决定书"), std::string::npos);
  // The uploaded signed decision serves as well as the generated one.
  ASSERT_TRUE(testing::put_test_document(store_->sql(), kSongshan, c->id, "signed_decision").ok());
  ASSERT_TRUE(act_on(kSongshan, "serve", {{"served_on", "2018-05-03"}, {"method", "直接送达"}}).ok());
  EXPECT_EQ(repo_->get(kSongshan, c->id)->second.documents,
            (std::vector<std::string>{"filing_approval", "signed_decision"}));
}

// Decree 310: two or more officers propose; the head decides within 3 days; the approved case
// goes to the police within 24 hours — late or missing, it is flagged.
TEST_P(CaseProcedureTest, Decree310ProposalByTwoOfficersAndTheTwentyFourHours) {
  ASSERT_TRUE(act(kSongshanLeader, "file", {{"reason", "r"}}).ok());
  ASSERT_TRUE(act(kSongshan, "start_investigation").ok());
  auto one = act(kSongshan, "propose_transfer", {{"reason", "r"}, {"proposed_by", "张三"}});
  EXPECT_EQ(one.status().field(), "proposed_by");
  EXPECT_EQ(act(kSongshan, "propose_transfer", {{"reason", "r"}, {"proposed_by", {"张三", "张三"}}}).status().field(),
            "proposed_by");
  ASSERT_TRUE(act(kSongshan, "propose_transfer", {{"reason", "r"}, {"proposed_by", "张三、李四"}}).ok());
  ASSERT_TRUE(act(kLeague, "approve_transfer", {{"police_authority", "赤峰市公安局松山分局"}, {"transfer_no", "t"}}).ok());
  // The store clock reads 2018-05-01T08:00:00+08:00: due 2018-05-02T08:00:00+08:00.
  auto history = repo_->history(kSongshan, case_id_);
  ASSERT_TRUE(history.ok());
  auto at = [&](const std::string& now) {
    for (const auto& d : cases::case_deadlines(*procedure_, *calendar_, history->timeline, "", now))
      if (d.kind == "police_handover") return d;
    return cases::DeadlineState{};
  };
  EXPECT_EQ(at("2018-05-02T07:59:00+08:00").status, "open");
  EXPECT_EQ(at("2018-05-02T07:59:00+08:00").due_at, "2018-05-02T08:00:00+08:00");
  EXPECT_EQ(at("2018-05-02T08:01:00+08:00").status, "overdue");
  EXPECT_EQ(at("2018-05-02").status, "open") << "given only the day, overdue from the next";
  EXPECT_EQ(at("2018-05-03").status, "overdue");
  auto flag = cases::check_transfer_deadlines(cases::case_deadlines(
      *procedure_, *calendar_, history->timeline, "", "2018-05-02T09:00:00+08:00"));
  ASSERT_TRUE(flag);
  EXPECT_EQ(flag->kind, "transfer_deadline");
  EXPECT_NE(flag->reason.find("24 hours"), std::string::npos);
  // The hand-over needs the transfer letter on file.
  auto handed = act(kSongshan, "hand_over_to_police", {{"police_receipt", "受案回执001"}, {"handed_over_at", "2018-05-01T15:00"}});
  EXPECT_EQ(handed.status().field(), "documents");
  ASSERT_TRUE(testing::put_test_document(store_->sql(), kSongshan, case_id_, "transfer_letter").ok());
  ASSERT_TRUE(act(kSongshan, "hand_over_to_police", {{"police_receipt", "受案回执001"}, {"handed_over_at", "2018-05-01T15:00"}}).ok());
  history = repo_->history(kSongshan, case_id_);
  for (const auto& d : cases::case_deadlines(*procedure_, *calendar_, history->timeline, "", "2018-05-09"))
    if (d.kind == "police_handover" || d.kind == "transfer_approval") {
      EXPECT_EQ(d.status, "met") << d.kind;
    }
}

// The collective discussion sets the case decision period: here 180 days from filing.
TEST_P(CaseProcedureTest, CollectiveDiscussionSetsTheDecisionPeriod) {
  ASSERT_TRUE(act(kSongshanLeader, "file", {{"reason", "r"}}).ok());
  EXPECT_EQ(act(kSongshanLeader, "extend_by_collective_discussion",
                {{"discussion_record", "局务会议纪要"}, {"period_days", "0"}, {"reason", "案情复杂"}})
                .status()
                .field(),
            "period_days");
  EXPECT_EQ(act(kSongshan, "extend_by_collective_discussion",
                {{"discussion_record", "x"}, {"period_days", 180}, {"reason", "x"}})
                .status()
                .code(),
            Code::kForbidden);
  ASSERT_TRUE(act(kLeague, "extend_by_collective_discussion",
                  {{"discussion_record", "2018年第5次局务会议纪要"}, {"period_days", 180}, {"reason", "案情重大复杂"}})
                  .ok());
  auto d = cases::deadlines_of_case(*repo_, *procedure_, *calendar_, kSongshan, case_id_, "2018-05-02");
  ASSERT_TRUE(d.ok());
  bool seen = false;
  for (const auto& x : *d)
    if (x.kind == "case_decision") {
      seen = true;
      EXPECT_EQ(x.due_on, "2018-10-28");  // 1 May + 180 days
      EXPECT_TRUE(x.set_by_step);
    }
  EXPECT_TRUE(seen);
}

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
