// The serious-dishonesty list (migration 12) on both backends: proposed only inside the penalty
// procedure for a heavier penalty, notice and objection period on the working-day calendar,
// decision, early removal after correction, removal on schedule (idempotent), scope, audit, the
// published fields and the risk score's factor.
#include <cstdlib>

#include "cases/case_actions.hpp"
#include "cases/dishonesty.hpp"
#include "cases/schedule.hpp"
#include "store/sql/case_documents_testing.hpp"
#include "store/sql/case_facts_repo.hpp"
#include "store/sql/dishonesty_repo.hpp"
#include "store/sql/screen_repo.hpp"
#include "store/store_test_fixture.hpp"

namespace lj {
namespace {

using namespace store_testing;

const Actor kCountyLeader = actor_at("150404", "/150000/150400/150404/", Role::kLeader, 5);

class DishonestyRepoTest : public StoreTest {
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
    auto r = cases::DishonestyRules::load(d);
    ASSERT_TRUE(r.ok()) << r.status().to_string();
    rules_ = std::make_unique<cases::DishonestyRules>(std::move(*r));
    Enterprise e;
    e.uscc = "91150404MA0N1234X5";
    e.name = "赤峰市某农资有限公司";
    e.region_code = "150404";
    auto up = store_->upsert_enterprise(Actor::system("test"), e);
    ASSERT_TRUE(up.ok()) << up.status().to_string();
    enterprise_id_ = up->id;
  }

  // A case of Songshan at the prior notice, with facts carrying `penalties` and `circumstances`.
  int64_t case_at_notice(const std::string& source_id, Json penalties,
                         const std::string& circumstances = "ordinary") {
    Lead lead = add_lead(kSongshan, source_id, "2018-04-20T09:00:00+08:00");
    auto c = store_->open_case(kSongshan, lead.id, Case{});
    EXPECT_TRUE(c.ok()) << c.status().to_string();
    Json facts = {
        {"parties", Json::array({{{"kind", "enterprise"}, {"enterprise_id", enterprise_id_}}})},
        {"goods_value_fen", 1'000'000},
        {"legal_basis", Json::array({"PQL-50"})},
        {"circumstances", circumstances},
        {"penalties", penalties}};
    if (circumstances != "ordinary") facts["circumstance_reasons"] = "多次违法";
    auto parsed = cases::facts_from_json(facts);
    EXPECT_TRUE(parsed.ok()) << parsed.status().to_string();
    CaseFactsRepo facts_repo(store_->sql());
    auto put = facts_repo.put(
        kSongshan, c->id, std::nullopt, cases::to_json(*parsed, true),
        [](const Case&, const Json*, const std::vector<CaseEvent>&, const std::string&,
           const std::string&) -> Result<IntegrityEval> { return IntegrityEval{}; });
    EXPECT_TRUE(put.ok()) << put.status().to_string();
    EXPECT_TRUE(
        testing::put_test_document(store_->sql(), kSongshan, c->id, "filing_approval").ok());
    act(c->id, kCountyLeader, "file", {{"reason", "立案"}});
    act(c->id, kSongshan, "start_investigation");
    act(c->id, kSongshan, "submit_legal_review",
        {{"findings", "查明"}, {"proposed_decision", "罚款"}});
    act(c->id, kCountyLeader, "send_prior_notice",
        {{"notice_no", "赤松市监告〔2018〕1号"}, {"proposed_penalty", "罚款"}});
    return c->id;
  }
  void act(int64_t case_id, const Actor& who, const std::string& action,
           Json fields = Json::object()) {
    CaseProcedureRepo proc(store_->sql());
    auto r = cases::take_action(proc, *procedure_, *calendar_, who, case_id,
                                {action, fields, std::nullopt});
    ASSERT_TRUE(r.ok()) << action << ": " << r.status().to_string();
  }
  Result<DishonestyListing> propose(const Actor& who, int64_t case_id,
                                    const std::string& reason = "多次销售不合格化肥，从重处罚") {
    DishonestyRepo repo(store_->sql());
    return repo.propose(who, case_id,
                        [&](const Case& c, const Json* facts, const std::vector<Enterprise>& ents,
                            const std::string& authority) {
                          return cases::proposal(*rules_, c, facts, ents, authority, reason,
                                                 who.role);
                        });
  }
  Result<DishonestyListing> step(const Actor& who, int64_t id, const std::string& action,
                                 Json fields, const std::string& today) {
    DishonestyRepo repo(store_->sql());
    return repo.apply(who, id, std::nullopt, action, [&](const DishonestyListing& before) {
      return cases::dishonesty_step(*rules_, *calendar_, before, action, who.role, who.username,
                                    fields, today);
    });
  }
  int64_t audit_count(const std::string& id) {
    AuditQuery q;
    q.entity = "dishonesty_listing";
    q.entity_id = id;
    auto page = store_->list_audit(Actor::system("test"), q);
    EXPECT_TRUE(page.ok()) << page.status().to_string();
    return page.ok() ? static_cast<int64_t>(page->items.size()) : -1;
  }

  std::unique_ptr<cases::Procedure> procedure_;
  std::unique_ptr<calendar::WorkCalendar> calendar_;
  std::unique_ptr<cases::DishonestyRules> rules_;
  int64_t enterprise_id_ = 0;
};

const Json kHeavyFine = Json::array({{{"kind", "fine"}, {"amount_fen", 2'800'000}}});

TEST_P(DishonestyRepoTest, ProposedOnlyInsideTheProcedureForAHeavierPenalty) {
  // Still in filing review: refused naming case_id.
  Lead lead = add_lead(kSongshan, "D-0", "2018-04-20T09:00:00+08:00");
  auto early = store_->open_case(kSongshan, lead.id, Case{});
  ASSERT_TRUE(early.ok());
  auto r = propose(kSongshan, early->id);
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(r.status().field(), "case_id");
  // An ordinary fine and a warning: no heavier penalty.
  const int64_t ordinary = case_at_notice("D-1", Json::array({{{"kind", "warning"}}}));
  r = propose(kSongshan, ordinary);
  EXPECT_EQ(r.status().field(), "case_id");
  EXPECT_NE(r.status().message().find("heavier penalty"), std::string::npos)
      << r.status().message();
  // Heavy tier with a fine, and a licence revoked: both grounds.
  const int64_t heavy = case_at_notice(
      "D-2",
      Json::array({{{"kind", "fine"}, {"amount_fen", 2'800'000}}, {{"kind", "revoke_licence"}}}),
      "heavy");
  EXPECT_EQ(propose(kHongshan, heavy).status().code(), Code::kNotFound) << "a sibling county";
  EXPECT_EQ(propose(kSongshan, heavy, " ").status().field(), "reason");
  r = propose(kSongshan, heavy);
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(r->status, "proposed");
  EXPECT_EQ(r->grounds, (std::vector<std::string>{"heavy_discretion", "licence_revoked"}));
  EXPECT_EQ(r->party_name, "赤峰市某农资有限公司");
  EXPECT_EQ(r->uscc, "91150404MA0N1234X5");
  EXPECT_EQ(r->authority, "松山区市场监督管理局");
  EXPECT_EQ(propose(kSongshan, heavy).status().code(), Code::kConflict) << "one listing per case";
  EXPECT_EQ(audit_count(std::to_string(r->id)), 1);
  bool on_timeline = false;
  for (const auto& e : *store_->case_timeline(kSongshan, heavy))
    on_timeline = on_timeline || e.kind == "dishonesty_proposed";
  EXPECT_TRUE(on_timeline);
}

TEST_P(DishonestyRepoTest, NoticeObjectionDecisionAndRemovalOnSchedule) {
  const int64_t case_id = case_at_notice("D-3", kHeavyFine, "heavy");
  auto l = propose(kSongshan, case_id);
  ASSERT_TRUE(l.ok()) << l.status().to_string();
  const int64_t id = l->id;
  // The head notifies; an officer may not.
  EXPECT_EQ(step(kSongshan, id, "notify", {{"notice_no", "N-1"}}, "2018-05-02").status().code(),
            Code::kForbidden);
  EXPECT_EQ(step(kCountyLeader, id, "notify", Json::object(), "2018-05-02").status().field(),
            "notice_no");
  auto n =
      step(kCountyLeader, id, "notify", {{"notice_no", "赤松市监失告〔2018〕1号"}}, "2018-04-27");
  ASSERT_TRUE(n.ok()) << n.status().to_string();
  // 5 working days from Friday 27 April 2018: 28 April is an adjusted working Saturday, 29 April
  // to 1 May the Labour Day holiday: 28 Apr, 2, 3, 4, 7 May.
  EXPECT_EQ(n->objection_due, "2018-05-07");
  // Deciding inside the objection period is refused.
  EXPECT_EQ(step(kCountyLeader, id, "decide", {{"decision_no", "D"}}, "2018-05-07").status().code(),
            Code::kConflict);
  // The party objects in time; the head answers and does not uphold it; then decides.
  auto o = step(kSongshan, id, "record_objection", {{"objection", "已整改，请求不予列入"}},
                "2018-05-07");
  ASSERT_TRUE(o.ok()) << o.status().to_string();
  EXPECT_EQ(
      step(kCountyLeader, id, "answer_objection", {{"answer", "x"}, {"upheld", "no"}}, "2018-05-08")
          .status()
          .field(),
      "upheld");
  auto a = step(kCountyLeader, id, "answer_objection",
                {{"answer", "整改不足以消除违法后果"}, {"upheld", false}}, "2018-05-08");
  ASSERT_TRUE(a.ok()) << a.status().to_string();
  EXPECT_EQ(a->status, "answered");
  auto d =
      step(kCountyLeader, id, "decide", {{"decision_no", "赤松市监失决〔2018〕1号"}}, "2018-05-09");
  ASSERT_TRUE(d.ok()) << d.status().to_string();
  EXPECT_EQ(d->status, "listed");
  EXPECT_EQ(d->listed_on, "2018-05-09");
  EXPECT_EQ(d->expires_on, "2021-05-09");
  EXPECT_EQ(d->steps["answer_objection"]["fields"]["answer"], "整改不足以消除违法后果");

  DishonestyRepo repo(store_->sql());
  EXPECT_EQ(*repo.listed_enterprises(), (std::vector<int64_t>{enterprise_id_}));
  auto pub = repo.current(nullptr, DishonestyQuery{});
  ASSERT_TRUE(pub.ok());
  ASSERT_EQ(pub->first.size(), 1u);
  const Json shown = to_public_json(pub->first[0]);
  EXPECT_FALSE(shown.contains("steps"));
  EXPECT_FALSE(shown.contains("case_id"));
  EXPECT_EQ(shown["decision_no"], "赤松市监失决〔2018〕1号");
  EXPECT_TRUE(repo.current(&kHongshan, DishonestyQuery{})->first.empty()) << "scoped for partners";
  EXPECT_EQ(repo.get(kHongshan, id).status().code(), Code::kNotFound);
  EXPECT_TRUE(repo.get(kLeague, id).ok());

  // The risk score's own factor.
  auto risk =
      sql::enterprise_risk(store_->sql(), kLeague, enterprise_id_, "2018-05", screen::RiskConfig{});
  ASSERT_TRUE(risk.ok()) << risk.status().to_string();
  bool listed_factor = false;
  for (const auto& f : risk->factors)
    if (f.name == "dishonesty_list") listed_factor = f.points == 15;
  EXPECT_TRUE(listed_factor);

  // Early removal only after a year on the list; refused, then removed on schedule.
  EXPECT_EQ(step(kSongshan, id, "apply_removal", {{"correction", "已整改"}}, "2019-05-08")
                .status()
                .code(),
            Code::kConflict);
  ASSERT_TRUE(
      step(kSongshan, id, "apply_removal", {{"correction", "已整改并履行处罚"}}, "2019-05-09")
          .ok());
  auto refused =
      step(kCountyLeader, id, "refuse_removal", {{"reason", "整改材料不全"}}, "2019-05-10");
  ASSERT_TRUE(refused.ok()) << refused.status().to_string();
  EXPECT_EQ(refused->status, "listed");
  EXPECT_EQ(*repo.remove_expired("2021-05-08"), 0);
  EXPECT_EQ(*repo.remove_expired("2021-05-09"), 1);
  EXPECT_EQ(*repo.remove_expired("2021-05-09"), 0) << "idempotent";
  auto gone = repo.get(kSongshan, id);
  EXPECT_EQ(gone->status, "removed");
  EXPECT_EQ(gone->removal, "expired");
  EXPECT_TRUE(repo.listed_enterprises()->empty());
  EXPECT_TRUE(repo.current(nullptr, DishonestyQuery{})->first.empty());
  // propose, notify, objection, answer, decide, apply, refuse, expire
  EXPECT_EQ(audit_count(std::to_string(id)), 8);
}

TEST_P(DishonestyRepoTest, AnUpheldObjectionOrARefusalEndsWithoutListing) {
  const int64_t case_id = case_at_notice("D-4", Json::array({{{"kind", "suspend_production"}}}));
  auto l = propose(kSongshan, case_id);
  ASSERT_TRUE(l.ok()) << l.status().to_string();
  EXPECT_EQ(l->grounds, (std::vector<std::string>{"production_suspended"}));
  ASSERT_TRUE(step(kCountyLeader, l->id, "notify", {{"notice_no", "N"}}, "2018-05-02").ok());
  // Objection after the period: refused.
  EXPECT_EQ(step(kSongshan, l->id, "record_objection", {{"objection", "x"}}, "2018-05-10")
                .status()
                .code(),
            Code::kConflict);
  ASSERT_TRUE(
      step(kSongshan, l->id, "record_objection", {{"objection", "停产已撤销"}}, "2018-05-03").ok());
  auto a = step(kCountyLeader, l->id, "answer_objection",
                {{"answer", "异议成立"}, {"upheld", true}}, "2018-05-04");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->status, "not_listed");
  EXPECT_EQ(
      step(kCountyLeader, l->id, "decide", {{"decision_no", "x"}}, "2018-05-20").status().code(),
      Code::kConflict);
}

// The scheduled work (serve's housekeeping, `lijian flags --refresh`): the 有案不立 flag of a case
// left in filing review, the removal of an expired listing; a second run (another server)
// changes nothing and audits nothing.
TEST_P(DishonestyRepoTest, TheScheduleRaisesTimeFlagsRemovesExpiredListingsAndIsIdempotent) {
  const int64_t listed_case = case_at_notice("D-5", kHeavyFine, "heavy");
  auto l = propose(kSongshan, listed_case);
  ASSERT_TRUE(l.ok()) << l.status().to_string();
  ASSERT_TRUE(step(kCountyLeader, l->id, "notify", {{"notice_no", "N"}}, "2018-05-02").ok());
  ASSERT_TRUE(step(kCountyLeader, l->id, "refuse", {{"reason", "不予列入"}}, "2018-05-03").ok());
  const int64_t other = case_at_notice("D-6", kHeavyFine, "heavy");
  auto l2 = propose(kSongshan, other);
  ASSERT_TRUE(l2.ok());
  ASSERT_TRUE(step(kCountyLeader, l2->id, "notify", {{"notice_no", "N"}}, "2018-05-02").ok());
  ASSERT_TRUE(step(kCountyLeader, l2->id, "decide", {{"decision_no", "D"}}, "2018-05-10").ok());
  // A lead received on 20 April 2018 whose case stays in filing review: its 15 working days
  // ran out on 14 May.
  Lead lead = add_lead(kSongshan, "D-7", "2018-04-20T09:00:00+08:00");
  ASSERT_TRUE(store_->open_case(kSongshan, lead.id, Case{}).ok());
  auto rules = cases::IntegrityRules::load(
      std::getenv("LIJIAN_DATA_DIR") ? std::getenv("LIJIAN_DATA_DIR") : "data");
  ASSERT_TRUE(rules.ok());
  auto run = [&](const std::string& now) {
    const auto t = parse_time(now);
    clock_.advance(*t - clock_.now());
    auto r =
        cases::run_schedule(store_->sql(), *procedure_, *calendar_, *rules, Actor::system("test"));
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    return r.ok() ? *r : cases::ScheduleRun{};
  };
  cases::ScheduleRun first = run("2021-05-10T09:00:00+08:00");
  EXPECT_GE(first.raised, 1);
  EXPECT_EQ(first.listings_removed, 1);
  DishonestyRepo repo(store_->sql());
  EXPECT_EQ(repo.get(kSongshan, l2->id)->removal, "expired");
  EXPECT_EQ(repo.get(kSongshan, l->id)->status, "not_listed");
  size_t audits = 0;
  ASSERT_TRUE(store_->scan_audit([&](const AuditEntry&) { return ++audits, true; }).ok());
  cases::ScheduleRun second = run("2021-05-10T09:10:00+08:00");
  EXPECT_EQ(second.raised, 0);
  EXPECT_EQ(second.resolved, 0);
  EXPECT_EQ(second.listings_removed, 0);
  EXPECT_EQ(second.escalated, 0);
  size_t after = 0;
  ASSERT_TRUE(store_->scan_audit([&](const AuditEntry&) { return ++after, true; }).ok());
  EXPECT_EQ(after, audits) << "a second server's run audits nothing";
  CaseFactsRepo facts(store_->sql());
  FlagQuery q;
  q.kind = "unfiled";
  auto flags = facts.list_flags(kLeague, q);
  ASSERT_TRUE(flags.ok());
  EXPECT_GE(flags->size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, DishonestyRepoTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lj
