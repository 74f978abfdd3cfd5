// Case facts and integrity flags on a stored case, on both backends: round trip, version check,
// scope, audit, flags raised and resolved, and the supervising unit's list.
#include <cstdlib>

#include "cases/case_actions.hpp"
#include "cases/integrity_eval.hpp"
#include "store/sql/case_documents_testing.hpp"
#include "store/sql/case_facts_repo.hpp"
#include "store/sql/case_procedure_repo.hpp"
#include "store/store_test_fixture.hpp"

namespace lj {
namespace {

using namespace store_testing;

class CaseFactsRepoTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped()) return;
    const char* dir = std::getenv("LIJIAN_DATA_DIR");
    const std::string d = dir ? dir : "data";
    auto p = cases::Procedure::load(d);
    ASSERT_TRUE(p.ok()) << p.status().to_string();
    procedure_ = std::make_unique<cases::Procedure>(std::move(*p));
    auto cal = calendar::WorkCalendar::load(d);
    ASSERT_TRUE(cal.ok()) << cal.status().to_string();
    calendar_ = std::make_unique<calendar::WorkCalendar>(std::move(*cal));
    auto r = cases::IntegrityRules::load(d);
    ASSERT_TRUE(r.ok()) << r.status().to_string();
    rules_ = std::make_unique<cases::IntegrityRules>(std::move(*r));
    repo_ = std::make_unique<CaseFactsRepo>(store_->sql());
    Lead lead = add_lead(kSongshan, "F-1", "2018-04-20T09:00:00+08:00");
    auto c = store_->open_case(kSongshan, lead.id, Case{});
    ASSERT_TRUE(c.ok()) << c.status().to_string();
    case_id_ = c->id;
    ASSERT_TRUE(testing::put_test_document(store_->sql(), kSongshan, case_id_, "filing_approval").ok());
  }
  CaseFactsRepo::Evaluate evaluate() {
    return cases::integrity_evaluator(*rules_, *procedure_, *calendar_);
  }
  Result<std::pair<Case, StoredFacts>> put(const Actor& who, Json facts,
                                           std::optional<int64_t> version = std::nullopt) {
    auto parsed = cases::facts_from_json(facts);
    EXPECT_TRUE(parsed.ok()) << parsed.status().to_string();
    return repo_->put(who, case_id_, version, cases::to_json(*parsed, true), evaluate());
  }
  Status act(const Actor& who, const std::string& action, Json fields = Json::object()) {
    CaseProcedureRepo proc(store_->sql());
    auto r = cases::take_action(proc, *procedure_, *calendar_, who, case_id_,
                                {action, fields, std::nullopt});
    if (!r.ok()) return r.status();
    return repo_->refresh_case(who, case_id_, evaluate());
  }
  std::vector<IntegrityFlag> flags(const Actor& who, const std::string& state = "open") {
    FlagQuery q;
    q.state = state;
    auto r = repo_->list_flags(who, q);
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    return r.ok() ? *r : std::vector<IntegrityFlag>{};
  }

  std::unique_ptr<cases::Procedure> procedure_;
  std::unique_ptr<calendar::WorkCalendar> calendar_;
  std::unique_ptr<cases::IntegrityRules> rules_;
  std::unique_ptr<CaseFactsRepo> repo_;
  int64_t case_id_ = 0;
};

const Json kPerson = {{"kind", "person"},
                      {"name", "王五"},
                      {"id_number", "11010519491231002X"},
                      {"phone", "13812345678"},
                      {"address", "赤峰市松山区某路1号"}};

TEST_P(CaseFactsRepoTest, FactsRoundTripWithVersionCheckAndAudit) {
  auto none = repo_->get(kSongshan, case_id_);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->second.exists);
  EXPECT_EQ(none->second.version, 0);
  Json facts = {{"parties", Json::array({kPerson})},
                {"products", Json::array({{{"name", "复合肥"}, {"batch", "20180301"}}})},
                {"goods_value_fen", 1'000'000},
                {"sales_fen", 800'000},
                {"penalties", Json::array({{{"kind", "fine"}, {"amount_fen", 1'500'000}},
                                           {{"kind", "confiscate_goods"}}})},
                {"legal_basis", Json::array({"PQL-50"})}};
  auto first = put(kSongshan, facts, 0);
  ASSERT_TRUE(first.ok()) << first.status().to_string();
  EXPECT_EQ(first->second.version, 1);
  auto got = repo_->get(kLeague, case_id_);
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(got->second.facts["parties"][0]["id_number"], "11010519491231002X");
  EXPECT_EQ(got->second.facts["products"][0]["batch"], "20180301");
  EXPECT_EQ(got->second.facts["sales_fen"], 800'000);
  // A stale version changes nothing.
  auto stale = put(kSongshan, facts, 0);
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.status().code(), Code::kConflict);
  EXPECT_EQ(repo_->get(kSongshan, case_id_)->second.version, 1);
  // The audit entry names the change without the person's data.
  bool audited = false;
  ASSERT_TRUE(store_
                  ->scan_audit([&](const AuditEntry& e) {
                    if (e.action == "case.facts") {
                      audited = true;
                      const std::string dump = e.after.dump();
                      EXPECT_EQ(dump.find("11010519491231002X"), std::string::npos);
                      EXPECT_EQ(dump.find("13812345678"), std::string::npos);
                    }
                    return true;
                  })
                  .ok());
  EXPECT_TRUE(audited);
}

TEST_P(CaseFactsRepoTest, OutsideTheScopeIsNotFound) {
  EXPECT_EQ(repo_->get(kHongshan, case_id_).status().code(), Code::kNotFound);
  auto r = repo_->put(kHongshan, case_id_, std::nullopt, Json::object(), evaluate());
  EXPECT_EQ(r.status().code(), Code::kNotFound);
}

TEST_P(CaseFactsRepoTest, CriminalTransferFlagOnTheSupervisingUnitsListUntilRefused) {
  ASSERT_TRUE(put(kSongshan, {{"sales_fen", 5'000'000}}).ok());
  auto league = flags(kLeague);
  ASSERT_EQ(league.size(), 1u);
  EXPECT_EQ(league[0].kind, "criminal_transfer");
  EXPECT_EQ(league[0].case_id, case_id_);
  EXPECT_EQ(league[0].unit_code, "150404");
  EXPECT_EQ(league[0].supervising_unit, "150400");
  EXPECT_EQ(league[0].shown["sales_threshold_fen"], 5'000'000);
  EXPECT_EQ(flags(kRegion).size(), 1u);   // the region sees its leagues' counties
  EXPECT_TRUE(flags(kHongshan).empty());  // a sibling county does not
  EXPECT_TRUE(flags(kSongshan).empty());  // the list is the supervisor's, not the handler's
  EXPECT_TRUE(repo_->get(kSongshan, case_id_)->second.major);  // sales >= the major criterion
  // Filed, investigated, proposed: still open; refused with reasons: resolved.
  const Actor leader = actor_at("150404", "/150000/150400/150404/", Role::kLeader, 5);
  ASSERT_TRUE(act(leader, "file", {{"reason", "涉嫌销售不合格产品"}}).ok());
  ASSERT_TRUE(act(kSongshan, "start_investigation").ok());
  ASSERT_TRUE(act(kSongshan, "propose_transfer",
                  {{"reason", "销售金额达到追诉标准"}, {"proposed_by", "甲、乙"}})
                  .ok());
  EXPECT_EQ(flags(kLeague).size(), 1u);
  ASSERT_TRUE(act(kLeague, "refuse_transfer", {{"reason", "销售金额证据不足"}}).ok());
  EXPECT_TRUE(flags(kLeague).empty());
  auto resolved = flags(kLeague, "resolved");
  ASSERT_EQ(resolved.size(), 1u);
  EXPECT_FALSE(resolved[0].resolved_at.empty());
}

TEST_P(CaseFactsRepoTest, DiscretionFlagResolvesWhenThePenaltyComesIntoRange) {
  Json facts = {{"goods_value_fen", 1'000'000},
                {"legal_basis", Json::array({"PQL-50"})},
                {"penalties", Json::array({{{"kind", "fine"}, {"amount_fen", 100'000}}})}};
  ASSERT_TRUE(put(kSongshan, facts).ok());
  auto open = flags(kLeague);
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].kind, "discretion");
  EXPECT_EQ(open[0].shown["tier_min_fen"], 1'300'000);
  EXPECT_EQ(open[0].shown["tier_max_fen"], 2'200'000);
  facts["penalties"][0]["amount_fen"] = 1'500'000;
  ASSERT_TRUE(put(kSongshan, facts).ok());
  EXPECT_TRUE(flags(kLeague).empty());
  EXPECT_EQ(flags(kLeague, "all").size(), 1u);
}

TEST_P(CaseFactsRepoTest, UnfiledCaseAndLeadAreFlaggedByTheRefresh) {
  // The fixture's clock is 2018-05-01: the case's lead came on 2018-04-20, not yet due.
  ASSERT_TRUE(repo_->refresh_case(kSongshan, case_id_, evaluate()).ok());
  EXPECT_TRUE(flags(kLeague).empty());
  clock_.advance(1530403200 - 1525132800);  // 2018-07-01: long past 15 working days
  Lead verified = add_lead(kSongshan, "F-2", "2018-04-02T09:00:00+08:00");
  LeadPatch patch;
  patch.status = "verified";
  ASSERT_TRUE(store_->update_lead(kSongshan, verified.id, patch).ok());
  auto r = repo_->refresh_all(Actor::system("test"), cases::final_states(*procedure_), evaluate(),
                              cases::lead_evaluator(*procedure_, *calendar_));
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(r->raised, 2);
  auto list = flags(kLeague);
  ASSERT_EQ(list.size(), 2u);
  int on_case = 0, on_lead = 0;
  for (const auto& f : list) {
    EXPECT_EQ(f.kind, "unfiled");
    if (f.case_id == case_id_) ++on_case;
    if (f.lead_id == verified.id) ++on_lead;
  }
  EXPECT_EQ(on_case, 1);
  EXPECT_EQ(on_lead, 1);
  // Filing the case resolves its flag.
  const Actor leader = actor_at("150404", "/150000/150400/150404/", Role::kLeader, 5);
  ASSERT_TRUE(act(leader, "file", {{"reason", "立案"}}).ok());
  ASSERT_EQ(flags(kLeague).size(), 1u);
  EXPECT_EQ(flags(kLeague)[0].lead_id, verified.id);
}

INSTANTIATE_TEST_SUITE_P(Backends, CaseFactsRepoTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lj
