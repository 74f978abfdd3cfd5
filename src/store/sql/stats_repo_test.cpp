// The statistics roll-ups on both backends: after lead inserts (single and batch), lead edits,
// label corrections, case transitions and facts edits the roll-ups equal a computation from the
// base tables (verify() is empty and the figures match counts written by hand), the unit tree
// rolls up at query time, scope holds, and rebuild is idempotent.
#include <cstdlib>

#include "cases/case_actions.hpp"
#include "cases/integrity_eval.hpp"
#include "store/sql/case_documents_testing.hpp"
#include "store/sql/case_facts_repo.hpp"
#include "store/sql/case_procedure_repo.hpp"
#include "store/sql/classify_repo.hpp"
#include "store/sql/stats_repo.hpp"
#include "store/store_test_fixture.hpp"

namespace lj {
namespace {

using namespace store_testing;

class StatsRepoTest : public StoreTest {
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
    repo_ = std::make_unique<StatsRepo>(store_->sql());
  }
  Status act(const Actor& who, int64_t case_id, const std::string& action, Json fields = Json::object()) {
    CaseProcedureRepo proc(store_->sql());
    return cases::take_action(proc, *procedure_, *calendar_, who, case_id,
                              {action, fields, std::nullopt})
        .status();
  }
  void expect_in_step() {
    auto diff = repo_->verify();
    ASSERT_TRUE(diff.ok()) << diff.status().to_string();
    for (const auto& d : *diff) ADD_FAILURE() << d;
  }
  StatsAnswer query(const Actor& who, StatsQuery q) {
    if (q.from_month.empty()) q.from_month = "2018-01";
    if (q.to_month.empty()) q.to_month = "2018-12";
    auto a = repo_->query(who, q);
    EXPECT_TRUE(a.ok()) << a.status().to_string();
    return a.ok() ? *a : StatsAnswer{};
  }
  // The number of leads in the base table matching a WHERE clause, for the comparison.
  int64_t base_count(const std::string& where) {
    int64_t n = 0;
    EXPECT_TRUE(store_->sql()
                    .read([&](sql::Connection& c) -> Status {
                      LJ_ASSIGN_OR_RETURN(auto rows, c.query("SELECT COUNT(*) FROM leads WHERE " + where));
                      n = rows.at(0).int64(0);
                      return Status::Ok();
                    })
                    .ok());
    return n;
  }

  std::unique_ptr<cases::Procedure> procedure_;
  std::unique_ptr<calendar::WorkCalendar> calendar_;
  std::unique_ptr<cases::IntegrityRules> rules_;
  std::unique_ptr<StatsRepo> repo_;
};

TEST_P(StatsRepoTest, LeadRollupsFollowInsertsEditsAndLabelCorrections) {
  add_lead(kSongshan, "S-1", "2018-04-20T09:00:00+08:00");
  add_lead(kSongshan, "S-2", "2018-05-02T09:00:00+08:00");
  Lead h = add_lead(kHongshan, "H-1", "2018-05-03T09:00:00+08:00");
  std::vector<Lead> batch;
  for (int i = 0; i < 5; ++i) {
    Lead l = make_lead("B-" + std::to_string(i), i % 2 ? "150402" : "150404",
                       "2018-0" + std::to_string(5 + i % 2) + "-10T10:00:00+08:00");
    l.source = i < 3 ? "sampling" : "hotline_12365";
    if (i == 4) l.special_actions = {"agri_inputs", "online_goods"};
    batch.push_back(l);
  }
  batch.push_back(batch[0]);  // a duplicate in the batch counts once
  ASSERT_TRUE(store_->insert_leads(kLeague, batch).ok());
  ASSERT_TRUE(store_->insert_leads(kLeague, batch).ok());  // a rerun stores nothing new
  expect_in_step();

  StatsAnswer all = query(kRegion, {});
  EXPECT_EQ(all.totals.leads, 8);
  EXPECT_EQ(all.totals.leads, base_count("received_at >= '2018-01' AND received_at < '2019'"));
  EXPECT_EQ(all.lead_table, "stats_lead_margins");

  // An edit moving a lead to another unit and category moves its count.
  LeadPatch patch;
  patch.unit_code = "150404";
  patch.product_category = "wire_cable";
  patch.violations = std::vector<std::string>{"counterfeit_mark"};
  ASSERT_TRUE(store_->update_lead(kLeague, h.id, patch).ok());
  expect_in_step();

  StatsQuery by_unit;
  by_unit.unit_code = "150400";
  by_unit.group_by = "unit";
  StatsAnswer units = query(kLeague, by_unit);
  ASSERT_EQ(units.groups.size(), 2u);  // 红山区, 松山区 (the league itself has none)
  EXPECT_EQ(units.groups[0].key, "150402");
  EXPECT_EQ(units.groups[0].figures.leads, base_count("unit_code = '150402'"));
  EXPECT_EQ(units.groups[1].figures.leads, base_count("unit_code = '150404'"));
  EXPECT_EQ(units.totals.leads, 8);

  StatsQuery sa;
  sa.group_by = "special_action";
  StatsAnswer by_action = query(kRegion, sa);
  std::map<std::string, int64_t> actions;
  for (const auto& g : by_action.groups) actions[g.key] = g.figures.leads;
  EXPECT_EQ(actions["agri_inputs"], base_count("special_actions LIKE '%,agri_inputs,%'"));
  EXPECT_EQ(actions["online_goods"], 1);
  EXPECT_EQ(by_action.totals.leads, 8);  // a lead with two actions counts once in the total

  // Two labels go to the pair margins, three to the full roll-up; both answer as the base table.
  StatsQuery two;
  two.source = "sampling";
  two.special_action = "agri_inputs";
  two.group_by = "month";
  StatsAnswer combined = query(kRegion, two);
  EXPECT_EQ(combined.lead_table, "stats_lead_margins");
  EXPECT_FALSE(combined.cases_included);
  EXPECT_EQ(combined.totals.leads,
            base_count("source = 'sampling' AND special_actions LIKE '%,agri_inputs,%'"));
  ASSERT_EQ(combined.groups.size(), 12u);
  EXPECT_EQ(combined.groups[4].key, "2018-05");
  EXPECT_EQ(combined.groups[4].figures.leads,
            base_count("source = 'sampling' AND received_at LIKE '2018-05%'"));

  StatsQuery by_action_of_source;
  by_action_of_source.source = "sampling";
  by_action_of_source.group_by = "special_action";
  StatsAnswer pair = query(kRegion, by_action_of_source);
  EXPECT_EQ(pair.lead_table, "stats_lead_margins");
  std::map<std::string, int64_t> pair_actions;
  for (const auto& g : pair.groups) pair_actions[g.key] = g.figures.leads;
  EXPECT_EQ(pair_actions["agri_inputs"],
            base_count("source = 'sampling' AND special_actions LIKE '%,agri_inputs,%'"));
  EXPECT_EQ(pair_actions["online_goods"], 0);
  StatsQuery three = two;
  three.violation = "insufficient_content";
  StatsAnswer full = query(kRegion, three);
  EXPECT_EQ(full.lead_table, "stats_lead_rollup");
  EXPECT_EQ(full.totals.leads,
            base_count("source = 'sampling' AND special_actions LIKE '%,agri_inputs,%' AND "
                       "violations LIKE '%,insufficient_content,%'"));

  // A label correction moves the counts of its lead.
  ClassifyRepo classify(store_->sql());
  LabelsChange change;
  change.product_category = "fuel";
  change.special_actions = {"fuel_quality"};
  change.violations = {"substandard"};
  ASSERT_TRUE(classify.set_labels(kSongshan, add_lead(kSongshan, "S-3", "2018-06-01T09:00:00+08:00").id, change).ok());
  expect_in_step();
  StatsQuery fuel;
  fuel.product_category = "fuel";
  EXPECT_EQ(query(kRegion, fuel).totals.leads, 1);

  // Scope: a county sees its own figures; a unit outside the scope is not found.
  EXPECT_EQ(query(kHongshan, {}).totals.leads, base_count("unit_code = '150402'"));
  StatsQuery other;
  other.from_month = "2018-01";
  other.to_month = "2018-12";
  other.unit_code = "150404";
  EXPECT_EQ(repo_->query(kHongshan, other).status().code(),
            Code::kNotFound);

  // A database upgraded with data answers unavailable until its first rebuild.
  ASSERT_TRUE(store_->sql()
                  .write([](sql::Connection& c) {
                    return c.exec("INSERT INTO stats_state (name, value) VALUES ('rebuild_pending', '1')");
                  })
                  .ok());
  EXPECT_EQ(repo_->query(kRegion, other).status().code(), Code::kUnavailable);
  EXPECT_TRUE(*repo_->rebuild_pending());

  // Rebuild is idempotent and leaves the same figures.
  ASSERT_TRUE(repo_->rebuild(Actor::system("test")).ok());
  EXPECT_FALSE(*repo_->rebuild_pending());
  ASSERT_TRUE(repo_->rebuild(Actor::system("test")).ok());
  expect_in_step();
  EXPECT_EQ(query(kRegion, {}).totals.leads, 9);
}

TEST_P(StatsRepoTest, CaseFiguresFollowTransitionsAndFacts) {
  Lead lead = add_lead(kSongshan, "C-1", "2018-04-20T09:00:00+08:00");
  auto opened = store_->open_case(kSongshan, lead.id, Case{});
  ASSERT_TRUE(opened.ok()) << opened.status().to_string();
  const int64_t id = opened->id;
  expect_in_step();
  EXPECT_EQ(query(kRegion, {}).totals.filed, 0);  // waiting for filing
  const Actor leader = actor_at("150404", "/150000/150400/150404/", Role::kLeader, 5);
  // Filing needs the 立案审批表 on file (docs/case-procedure.md).
  ASSERT_TRUE(testing::put_test_document(store_->sql(), kSongshan, id, "filing_approval").ok());
  ASSERT_TRUE(act(leader, id, "file", {{"reason", "涉嫌销售不合格产品"}}).ok());
  expect_in_step();
  EXPECT_EQ(query(kRegion, {}).totals.filed, 1);

  CaseFactsRepo facts(store_->sql());
  Json doc = {{"goods_value_fen", 12'000'000},
              {"sales_fen", 9'000'000},
              {"illegal_income_fen", 3'000'000},
              {"penalties", Json::array({{{"kind", "fine"}, {"amount_fen", 5'000'000}}})}};
  auto parsed = cases::facts_from_json(doc);
  ASSERT_TRUE(parsed.ok()) << parsed.status().to_string();
  ASSERT_TRUE(facts.put(kSongshan, id, std::nullopt, cases::to_json(*parsed, true),
                        cases::integrity_evaluator(*rules_, *procedure_, *calendar_))
                  .ok());
  expect_in_step();
  ASSERT_TRUE(act(kSongshan, id, "start_investigation").ok());
  ASSERT_TRUE(act(kSongshan, id, "propose_transfer",
                  {{"reason", "销售金额达到追诉标准"}, {"proposed_by", {"甲", "乙"}}})
                  .ok());
  ASSERT_TRUE(act(kLeague, id, "approve_transfer",
                  {{"police_authority", "赤峰市公安局松山区分局"}, {"transfer_no", "松市监移〔2018〕1号"}})
                  .ok());
  expect_in_step();
  ASSERT_TRUE(act(kLeague, id, "close", {{"closing_report", "已移送公安机关"}}).ok());
  expect_in_step();
  StatsAnswer a = query(kRegion, {});
  EXPECT_EQ(a.totals.filed, 1);
  EXPECT_EQ(a.totals.transferred, 1);
  EXPECT_EQ(a.totals.closed, 1);
  EXPECT_EQ(a.totals.fines_fen, 5'000'000);
  EXPECT_EQ(a.totals.goods_value_fen, 12'000'000);
  EXPECT_EQ(a.totals.illegal_income_fen, 3'000'000);
  // The facts edited after closing move the money figures.
  doc["penalties"][0]["amount_fen"] = 6'000'000;
  parsed = cases::facts_from_json(doc);
  ASSERT_TRUE(facts.put(kSongshan, id, std::nullopt, cases::to_json(*parsed, true),
                        cases::integrity_evaluator(*rules_, *procedure_, *calendar_))
                  .ok());
  expect_in_step();
  EXPECT_EQ(query(kRegion, {}).totals.fines_fen, 6'000'000);
  EXPECT_EQ(query(kHongshan, {}).totals.filed, 0);

  auto typical = repo_->typical_cases(kRegion, "", "2018-01", "2018-12", 5);
  ASSERT_TRUE(typical.ok());
  ASSERT_EQ(typical->size(), 1u);
  EXPECT_EQ((*typical)[0].fines_fen, 6'000'000);
  EXPECT_EQ((*typical)[0].unit_name, "松山区市场监督管理局");

  // A rollup changed behind the store's back is found by verify and repaired by rebuild.
  ASSERT_TRUE(store_->sql()
                  .write([](sql::Connection& c) {
                    return c.exec("UPDATE stats_case_rollup SET fines_fen = fines_fen + 1");
                  })
                  .ok());
  auto diff = repo_->verify();
  ASSERT_TRUE(diff.ok());
  EXPECT_FALSE(diff->empty());
  ASSERT_TRUE(repo_->rebuild(Actor::system("test")).ok());
  expect_in_step();
}

INSTANTIATE_TEST_SUITE_P(Backends, StatsRepoTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lj
