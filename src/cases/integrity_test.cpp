#include "cases/integrity.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace lj::cases {
namespace {

const IntegrityRules& rules() {
  static const IntegrityRules r = [] {
    const char* dir = std::getenv("LIJIAN_DATA_DIR");
    auto loaded = IntegrityRules::load(dir ? dir : "data");
    EXPECT_TRUE(loaded.ok()) << loaded.status().message();
    return loaded.ok() ? *loaded : IntegrityRules{};
  }();
  return r;
}

CaseFacts amounts(int64_t sales_fen, int64_t unsold_fen) {
  CaseFacts f;
  f.sales_fen = sales_fen;
  f.unsold_value_fen = unsold_fen;
  return f;
}

CaseEvent action(const std::string& name, Json fields = Json::object()) {
  CaseEvent e;
  e.kind = "action";
  e.data = Json{{"action", name}, {"fields", fields}};
  return e;
}

TEST(CriminalTransfer, SalesThresholdAtAndAroundFiftyThousandYuan) {
  EXPECT_EQ(criminal_threshold_met(amounts(4'999'999, 0), rules()), "");       // 49,999.99
  EXPECT_EQ(criminal_threshold_met(amounts(5'000'000, 0), rules()), "sales");  // 50,000.00
  EXPECT_EQ(criminal_threshold_met(amounts(5'000'001, 0), rules()), "sales");
}

TEST(CriminalTransfer, UnsoldValueThresholdAtAndAroundOneHundredFiftyThousandYuan) {
  EXPECT_EQ(criminal_threshold_met(amounts(0, 14'999'999), rules()), "");
  EXPECT_EQ(criminal_threshold_met(amounts(0, 15'000'000), rules()), "unsold_value");
  EXPECT_EQ(criminal_threshold_met(amounts(0, 15'000'001), rules()), "unsold_value");
}

TEST(CriminalTransfer, SalesTimesThreePlusUnsoldAtAndAroundTheBoundary) {
  // 40,000 x 3 + 29,999.99 = 149,999.99: below; + 30,000.00 = 150,000: met.
  EXPECT_EQ(criminal_threshold_met(amounts(4'000'000, 2'999'999), rules()), "");
  EXPECT_EQ(criminal_threshold_met(amounts(4'000'000, 3'000'000), rules()), "combined");
  EXPECT_EQ(criminal_threshold_met(amounts(4'999'999, 0), rules()), "");  // 149,999.97
  EXPECT_EQ(criminal_threshold_met(amounts(4'999'999, 3), rules()), "combined");
}

TEST(CriminalTransfer, FlagUntilTransferredOrRefusedWithReasons) {
  const CaseFacts f = amounts(5'000'000, 0);
  auto flag = check_criminal_transfer(f, transfer_progress({}), rules());
  ASSERT_TRUE(flag);
  EXPECT_EQ(flag->kind, "criminal_transfer");
  EXPECT_EQ(flag->shown["sales_threshold_fen"], 5'000'000);
  EXPECT_NE(flag->reason.find("50000.00"), std::string::npos) << flag->reason;
  // Proposed: still flagged (awaiting the head's decision).
  std::vector<CaseEvent> t = {action("propose_transfer", {{"reason", "r"}, {"proposed_by", "a"}})};
  flag = check_criminal_transfer(f, transfer_progress(t), rules());
  ASSERT_TRUE(flag);
  EXPECT_NE(flag->reason.find("Decree 310"), std::string::npos);
  // Refused with reasons: resolved.
  t.push_back(action("refuse_transfer", {{"reason", "证据不足以认定销售金额"}}));
  TransferProgress p = transfer_progress(t);
  EXPECT_TRUE(p.refused);
  EXPECT_FALSE(check_criminal_transfer(f, p, rules()));
  // Approved: resolved.
  EXPECT_FALSE(check_criminal_transfer(
      f, transfer_progress({action("propose_transfer"), action("approve_transfer")}), rules()));
  // Below the thresholds: no flag at all.
  EXPECT_FALSE(check_criminal_transfer(amounts(4'999'999, 0), transfer_progress({}), rules()));
}

CaseFacts fined(const std::string& article, const std::string& circumstances, int64_t value,
                int64_t fine) {
  CaseFacts f;
  f.goods_value_fen = value;
  f.legal_basis = {article};
  f.circumstances = circumstances;
  f.penalties.push_back({"fine", fine, ""});
  return f;
}

TEST(Discretion, OrdinaryTierOfArticle50) {
  // Goods value 10,000 yuan; ordinary tier 1.3–2.2 x: 13,000–22,000 yuan.
  EXPECT_FALSE(check_discretion(fined("PQL-50", "ordinary", 1'000'000, 1'300'000), rules()));
  EXPECT_FALSE(check_discretion(fined("PQL-50", "ordinary", 1'000'000, 2'200'000), rules()));
  auto low = check_discretion(fined("PQL-50", "ordinary", 1'000'000, 1'299'999), rules());
  ASSERT_TRUE(low);
  EXPECT_EQ(low->shown["tier_min_fen"], 1'300'000);
  EXPECT_EQ(low->shown["tier_max_fen"], 2'200'000);
  EXPECT_EQ(low->shown["statutory_min_fen"], 500'000);
  EXPECT_EQ(low->shown["statutory_max_fen"], 3'000'000);
  EXPECT_NE(low->reason.find("below"), std::string::npos);
  auto high = check_discretion(fined("PQL-50", "ordinary", 1'000'000, 2'200'001), rules());
  ASSERT_TRUE(high);
  EXPECT_NE(high->reason.find("above"), std::string::npos);
}

TEST(Discretion, TiersFollowTheCircumstances) {
  // 2.5 x goods value: heavy for Art. 49 (2.3–3), outside lenient (1–1.6).
  EXPECT_FALSE(check_discretion(fined("PQL-49", "heavy", 1'000'000, 2'500'000), rules()));
  EXPECT_TRUE(check_discretion(fined("PQL-49", "lenient", 1'000'000, 2'500'000), rules()));
  EXPECT_TRUE(check_discretion(fined("PQL-52", "ordinary", 1'000'000, 2'500'000), rules()));
}

TEST(Discretion, ReviewedWithReasonsOrUnconfiguredArticleIsNotFlagged) {
  CaseFacts f = fined("PQL-50", "ordinary", 1'000'000, 100);
  EXPECT_TRUE(check_discretion(f, rules()));
  EXPECT_FALSE(check_discretion(f, rules(), "当事人主动消除危害后果, 经集体讨论"));
  EXPECT_FALSE(check_discretion(fined("OTHER-1", "ordinary", 1'000'000, 100), rules()));
}

TEST(Discretion, TheLatestReviewStepWithReasonsClearsTheFlag) {
  EXPECT_EQ(discretion_review_of({}), "");
  std::vector<CaseEvent> t = {action("decide_penalty"),
                              action("review_discretion", {{"reasons", "经集体讨论从轻"}})};
  EXPECT_EQ(discretion_review_of(t), "经集体讨论从轻");
  const CaseFacts f = fined("PQL-50", "ordinary", 1'000'000, 100);
  EXPECT_FALSE(check_discretion(f, rules(), discretion_review_of(t)));
  EXPECT_TRUE(check_discretion(f, rules(), discretion_review_of({action("decide_penalty")})));
}

TEST(Unfiled, OverdueFilingDecisionWhileInFilingReview) {
  DeadlineState d;
  d.kind = "filing_decision";
  d.status = "overdue";
  d.due_on = "2018-03-09";
  auto flag = check_unfiled("filing_review", {d});
  ASSERT_TRUE(flag);
  EXPECT_EQ(flag->shown["due_on"], "2018-03-09");
  EXPECT_FALSE(check_unfiled("filed", {d}));
  d.status = "open";
  EXPECT_FALSE(check_unfiled("filing_review", {d}));
}

TEST(MajorCase, ConfiguredCriteria) {
  CaseFacts f;
  f.goods_value_fen = 9'999'999;
  EXPECT_FALSE(major_case(f, {}, rules()).major);
  f.goods_value_fen = 10'000'000;
  MajorCase m = major_case(f, {}, rules());
  EXPECT_TRUE(m.major);
  ASSERT_EQ(m.reasons.size(), 1u);
  f = CaseFacts{};
  f.sales_fen = 5'000'000;
  EXPECT_TRUE(major_case(f, {}, rules()).major);
  f = CaseFacts{};
  f.cross_region = true;
  EXPECT_TRUE(major_case(f, {}, rules()).major);
  TransferProgress approved;
  approved.approved = true;
  EXPECT_TRUE(major_case(CaseFacts{}, approved, rules()).major);
}

TEST(IntegrityRules, BadConfigurationNamesTheField) {
  Json doc = Json::parse(R"({"criminal_transfer": {"sales_fen": -1}})");
  auto r = IntegrityRules::from_json(doc);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().field(), "criminal_transfer.sales_fen");
}

TEST(CaseFacts, ValidatesAndMasksPersonalData) {
  Json doc = {{"parties", Json::array({{{"kind", "person"},
                                        {"name", "张三"},
                                        {"id_number", "11010519491231002X"},
                                        {"phone", "13812345678"},
                                        {"address", "赤峰市松山区"}},
                                       {{"kind", "enterprise"}, {"enterprise_id", 7}}})},
              {"goods_value_fen", 1'000'000},
              {"penalties", Json::array({{{"kind", "fine"}, {"amount_fen", 1'500'000}}})},
              {"legal_basis", Json::array({"PQL-50"})}};
  auto f = facts_from_json(doc);
  ASSERT_TRUE(f.ok()) << f.status().message();
  Json full = to_json(*f, true);
  EXPECT_EQ(full["parties"][0]["id_number"], "11010519491231002X");
  Json masked = to_json(*f, false);
  EXPECT_EQ(masked["parties"][0]["id_number"], "110105********002X");
  EXPECT_EQ(masked["parties"][0]["phone"], "138****5678");
  EXPECT_EQ(masked["parties"][0]["address"], "***");
  EXPECT_NE(masked["parties"][0]["name"], "张三");
  EXPECT_EQ(masked["fine_fen"], 1'500'000);
  // Round trip of the stored form.
  auto again = facts_from_json(full);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(to_json(*again, true), full);
}

TEST(CaseFacts, BadInputNamesTheField) {
  auto bad_id = facts_from_json(
      {{"parties",
        Json::array(
            {{{"kind", "person"}, {"name", "李四"}, {"id_number", "110105194912310021"}}})}});
  ASSERT_FALSE(bad_id.ok());
  EXPECT_EQ(bad_id.status().field(), "parties[0].id_number");
  auto neg = facts_from_json({{"sales_fen", -5}});
  ASSERT_FALSE(neg.ok());
  EXPECT_EQ(neg.status().field(), "facts.sales_fen");
  auto heavy = facts_from_json({{"circumstances", "heavy"}});
  ASSERT_FALSE(heavy.ok());
  EXPECT_EQ(heavy.status().field(), "circumstance_reasons");
  auto kind = facts_from_json({{"penalties", Json::array({{{"kind", "jail"}}})}});
  ASSERT_FALSE(kind.ok());
  EXPECT_EQ(kind.status().field(), "penalties[0].kind");
}

}  // namespace
}  // namespace lj::cases
