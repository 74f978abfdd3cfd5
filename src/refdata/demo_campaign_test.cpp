// The demo's campaign year on both backends: cases taken through the procedure (their timelines
// hold the actions), decisions published on time and late, transfers, supervision, a listing,
// a typical case, the zero-case counties and the disclosure indicator in the evaluation; a second
// run adds nothing.
#include "refdata/demo_campaign.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "documents/filing_forms.hpp"
#include "evaluate/scheme.hpp"
#include "refdata/data_dir.hpp"
#include "refdata/demo.hpp"
#include "store/sql/evaluation_repo.hpp"
#include "store/test_database.hpp"

namespace lj::refdata {
namespace {

class DemoCampaignTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TestDatabase>(GetParam());
    if (!db_->available()) GTEST_SKIP() << db_->skip_reason();
    auto s = open_store(db_->url(), 2);
    ASSERT_TRUE(s.ok()) << s.status().to_string();
    store_ = std::move(*s);
    ASSERT_TRUE(store_->migrate().ok());
    auto d = data_dir();
    ASSERT_TRUE(d.ok()) << d.status().to_string();
    dir_ = *d;
    attachments_ = ::testing::TempDir() + "lijian_demo_campaign_" + GetParam() + "_" +
                   std::to_string(::getpid());
  }
  void TearDown() override { std::filesystem::remove_all(attachments_); }

  int64_t count(const std::string& sql) {
    int64_t n = -1;
    Status st = store_->sql().read([&](sql::Connection& c) -> Status {
      LJ_ASSIGN_OR_RETURN(sql::Rows rows, c.query(sql, {}));
      n = rows.at(0).is_null(0) ? 0 : rows.at(0).int64(0);
      return Status::Ok();
    });
    EXPECT_TRUE(st.ok()) << st.to_string();
    return n;
  }
  int64_t audit_entries() {
    int64_t n = 0;
    EXPECT_TRUE(store_->scan_audit([&](const AuditEntry&) { return ++n, true; }).ok());
    return n;
  }

  std::unique_ptr<testing::TestDatabase> db_;
  std::unique_ptr<Store> store_;
  std::string dir_, attachments_;
};

TEST_P(DemoCampaignTest, TheYearGoesThroughTheProcedureOnce) {
  ASSERT_TRUE(load_reference(*store_, dir_, "15").ok());
  ASSERT_TRUE(load_demo(*store_, dir_, DemoOptions{1500, 300, 2018, false}).ok());
  ASSERT_TRUE(documents::keep_filing_forms(*store_, Actor::system("demo"), attachments_).ok());
  auto sum = run_demo_campaign(db_->url(), dir_, attachments_);
  ASSERT_TRUE(sum.ok()) << sum.status().to_string();
  EXPECT_GT(sum->filed, 5);
  EXPECT_GT(sum->not_filed, 0);
  EXPECT_GT(sum->closed, 2);
  EXPECT_EQ(sum->transferred, 2);
  EXPECT_GT(sum->published, 1);
  EXPECT_GE(sum->supervised, 1);
  EXPECT_EQ(sum->listed, 1);
  EXPECT_EQ(sum->typical_cases, 1);

  // The statuses are the procedure's: every closed case went through each step, in order, with
  // the days of 2018 on its progress.
  EXPECT_EQ(count("SELECT COUNT(*) FROM cases WHERE status = 'closed'"), sum->closed);
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_progress p JOIN cases c ON c.id = p.case_id "
                  "WHERE c.status = 'closed' AND p.filed_at < p.decided_at "
                  "AND p.decided_at < p.served_at AND p.served_at < p.closed_at "
                  "AND p.closed_at < '2019'"),
            sum->closed);
  for (const char* action : {"file", "start_investigation", "submit_legal_review",
                             "send_prior_notice", "close_statement_period", "decide_penalty",
                             "serve", "record_execution", "close"})
    EXPECT_EQ(count(std::string("SELECT COUNT(DISTINCT e.case_id) FROM case_events e JOIN cases c "
                                "ON c.id = e.case_id WHERE c.status = 'closed' AND e.kind = "
                                "'action' AND e.data LIKE '%\"action\":\"") +
                    action + "\"%'"),
              sum->closed)
        << action;
  // Decisions kept before service; transfers over the threshold; the listing decided.
  EXPECT_GE(count("SELECT COUNT(*) FROM attachment_details WHERE document_kind = "
                  "'penalty_decision'"),
            sum->decided);
  EXPECT_EQ(count("SELECT COUNT(*) FROM case_progress WHERE decision = 'transfer'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM dishonesty_listings WHERE status = 'listed'"), 1);
  EXPECT_GT(count("SELECT COUNT(*) FROM case_reviews"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM publications WHERE kind = 'typical_case' AND status = "
                  "'published'"),
            1);
  const int64_t late = count(
      "SELECT COUNT(*) FROM publications WHERE kind = 'decision' AND published_at IS NOT NULL "
      "AND SUBSTR(published_at, 1, 10) > due_on");
  const int64_t on_time = count(
      "SELECT COUNT(*) FROM publications WHERE kind = 'decision' AND published_at IS NOT NULL "
      "AND SUBSTR(published_at, 1, 10) <= due_on");
  EXPECT_GT(on_time, 0);
  EXPECT_EQ(on_time + late, sum->published);  // decisions only: the typical case is apart
  // The zero-case counties of 赤峰 and the disclosure indicator in the league's evaluation.
  auto scheme = evaluate::Scheme::load(dir_);
  ASSERT_TRUE(scheme.ok()) << scheme.status().to_string();
  EvaluationRepo eval(store_->sql());
  auto e = eval.evaluate(Actor::system("test"), "150400", *evaluate::parse_period("2018"), *scheme);
  ASSERT_TRUE(e.ok()) << e.status().to_string();
  std::vector<std::string> zero;
  for (const auto& z : e->zero_case) zero.push_back(z.code);
  EXPECT_NE(std::find(zero.begin(), zero.end(), "150421"), zero.end());
  EXPECT_NE(std::find(zero.begin(), zero.end(), "150424"), zero.end());
  EXPECT_GT(e->total.cases_filed, 0);
  ASSERT_TRUE(e->total.decisions_due.has_value());
  EXPECT_GT(*e->total.decisions_due, 0);

  // Again: nothing is added.
  const int64_t audit = audit_entries();
  auto again = run_demo_campaign(db_->url(), dir_, attachments_);
  ASSERT_TRUE(again.ok()) << again.status().to_string();
  EXPECT_EQ(again->filed + again->not_filed + again->published, 0);
  EXPECT_EQ(audit_entries(), audit);
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoCampaignTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lj::refdata
