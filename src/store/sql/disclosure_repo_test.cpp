// Disclosure storage on both backends: publications created from a decided case, scoped,
// reviewed and published with the record of their masking, searched in Chinese by the public,
// withdrawn when revoked, audited; the report form's key, nonces and follow-up numbers.
#include <gtest/gtest.h>

#include "disclose/publication.hpp"
#include "model/json.hpp"
#include "store/sql/disclosure_repo.hpp"
#include "store/store_test_fixture.hpp"

namespace lj {
namespace {

using namespace store_testing;

constexpr const char* kText =
    "行政处罚决定书 松市监罚字〔2018〕7号\n当事人：赤峰某某农资有限公司。\n举报人张三（电话13800138000）反映"
    "该公司销售有效含量不足的复合肥。";

class DisclosureRepoTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped()) return;
    repo_ = std::make_unique<DisclosureRepo>(store_->sql());
    case_ = decided_case(kSongshan, "D-1");
  }
  // A case decided with a fine under the ordinary procedure on 2018-05-02.
  int64_t decided_case(const Actor& who, const std::string& source_id, const std::string& status = "decided") {
    Lead lead = add_lead(who, source_id, "2018-04-20T09:00:00+08:00");
    Case draft;
    draft.title = "销售不合格复合肥案";
    auto c = store_->open_case(who, lead.id, draft);
    EXPECT_TRUE(c.ok()) << c.status().to_string();
    Status st = store_->sql().write([&](sql::Connection& conn) -> Status {
      LJ_RETURN_IF_ERROR(conn.exec("UPDATE cases SET status = ? WHERE id = ?", {status, c->id}));
      LJ_RETURN_IF_ERROR(conn.exec(
          "INSERT INTO case_progress (case_id, procedure, decided_at, decision, decision_no, updated_at) "
          "VALUES (?, 'ordinary', '2018-05-02T10:00:00+08:00', 'penalty', ?, '2018-05-02T10:00:00+08:00')",
          {c->id, "松市监罚字〔2018〕" + source_id + "号"}));
      return conn.exec("INSERT INTO case_facts (case_id, facts, updated_at) VALUES (?, ?, '2018-05-02T10:00:00+08:00')",
                       {c->id, Json{{"penalties", Json::array({Json{{"kind", "fine"}, {"amount_fen", 500000}}})}}.dump()});
    });
    EXPECT_TRUE(st.ok()) << st.to_string();
    return c->id;
  }
  Result<DisclosureRepo::Created> create(const Actor& who, int64_t case_id, const std::string& text = kText) {
    return repo_->create(who, case_id, "decision", [&](const DecisionSource& src) {
      return disclose::draft(src, "decision", text, rules_, nullptr);
    });
  }
  Result<Publication> publish_all(const Actor& who, const Publication& p) {
    Json spans = Json::array();
    for (const auto& s : p.spans) spans.push_back(Json{{"start", s["start"]}, {"end", s["end"]}, {"decision", "mask"}});
    return repo_->publish(who, p.id, p.version, [&](const Publication& before, const std::string& now) {
      return disclose::apply_review(before, spans, who, now);
    });
  }
  size_t audits(const std::string& action) {
    size_t n = 0;
    EXPECT_TRUE(store_->scan_audit([&](const AuditEntry& e) {
                        if (e.entity == "publication" && e.action == action) ++n;
                        return true;
                      }).ok());
    return n;
  }

  disclose::DisclosureRules rules_;
  std::unique_ptr<DisclosureRepo> repo_;
  int64_t case_ = 0;
};

TEST_P(DisclosureRepoTest, CreatedFromTheDecisionScopedAndOncePerKind) {
  auto c = create(kSongshan, case_);
  ASSERT_TRUE(c.ok()) << c.status().to_string();
  const Publication& p = c->p;
  EXPECT_TRUE(c->created);
  EXPECT_EQ(p.status, "pending_review");
  EXPECT_EQ(p.decision_no, "松市监罚字〔2018〕D-1号");
  EXPECT_EQ(p.decided_on, "2018-05-02");
  EXPECT_EQ(p.penalty, "罚款5000.00元");
  EXPECT_EQ(p.fine_fen, 500000);
  EXPECT_EQ(p.authority, "松山区市场监督管理局");
  ASSERT_EQ(p.spans.size(), 2u) << p.spans.dump();
  EXPECT_EQ(audits("create"), 1u);
  EXPECT_EQ(create(kSongshan, case_).status().code(), Code::kConflict);
  auto again = repo_->create(kSongshan, case_, "decision", [&](const DecisionSource& s) {
    return disclose::draft(s, "decision", kText, rules_, nullptr);
  }, true);
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->p.id, p.id);
  // Scope: a sibling county sees nothing; the league above sees it.
  EXPECT_EQ(repo_->get(kHongshan, p.id).status().code(), Code::kNotFound);
  EXPECT_EQ(create(kHongshan, case_).status().code(), Code::kNotFound);
  EXPECT_TRUE(repo_->get(kLeague, p.id).ok());
  auto list = repo_->list(kHongshan, PublicationQuery{});
  ASSERT_TRUE(list.ok());
  EXPECT_TRUE(list->empty());
}

TEST_P(DisclosureRepoTest, PublishedMaskedSearchableAndWithdrawnWhenRevoked) {
  auto c = create(kSongshan, case_);
  ASSERT_TRUE(c.ok()) << c.status().to_string();
  PublicQuery q;
  q.text = "复合肥";
  auto before = repo_->search_public(q);
  ASSERT_TRUE(before.ok()) << before.status().to_string();
  EXPECT_EQ(before->total, 0) << "a pending publication is not public";
  EXPECT_EQ(repo_->publish(kLeague, c->p.id, c->p.version + 1, [](const Publication& p, const std::string&) {
              return Result<Publication>(p);
            }).status().field(), "version");
  auto pub = publish_all(kLeague, c->p);
  ASSERT_TRUE(pub.ok()) << pub.status().to_string();
  EXPECT_EQ(pub->status, "published");
  EXPECT_EQ(pub->masked_body.find("13800138000"), std::string::npos);
  EXPECT_NE(pub->masked_body.find("138****8000"), std::string::npos);
  EXPECT_EQ(audits("publish"), 1u);
  auto found = repo_->search_public(q);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->total, 1);
  EXPECT_EQ(found->items[0].id, c->p.id);
  q.text = "复合肥 农资";
  EXPECT_EQ(repo_->search_public(q)->total, 1) << "every term must match";
  q.text = "电线";
  EXPECT_EQ(repo_->search_public(q)->total, 0);
  q.text = "";
  q.region_prefix = "1504";
  EXPECT_EQ(repo_->search_public(q)->total, 1);
  q.region_prefix = "1501";
  EXPECT_EQ(repo_->search_public(q)->total, 0);
  q.region_prefix = "";
  q.from = "2018-05-03";
  EXPECT_EQ(repo_->search_public(q)->total, 0);
  q.from = "";
  q.kind = "typical_case";
  EXPECT_EQ(repo_->search_public(q)->total, 0);
  EXPECT_TRUE(repo_->get_public("decision", c->p.id).ok());
  // Revoked: withdrawn by the sweep, once.
  ASSERT_TRUE(store_->sql().write([&](sql::Connection& conn) {
    return conn.exec("UPDATE cases SET status = 'revoked' WHERE id = ?", {case_});
  }).ok());
  auto n = repo_->withdraw_revoked(Actor::system("test"));
  ASSERT_TRUE(n.ok()) << n.status().to_string();
  EXPECT_EQ(*n, 1);
  EXPECT_EQ(*repo_->withdraw_revoked(Actor::system("test")), 0);
  EXPECT_EQ(repo_->get_public("decision", c->p.id).status().code(), Code::kNotFound);
  auto w = repo_->get(kSongshan, c->p.id);
  EXPECT_EQ(w->status, "withdrawn");
  EXPECT_EQ(w->withdraw_reason, "decision revoked");
  EXPECT_EQ(audits("withdraw"), 1u);
  EXPECT_EQ(repo_->withdraw(kLeague, c->p.id, "again").status().code(), Code::kConflict);
}

TEST_P(DisclosureRepoTest, ReportFormKeyNoncesAndFollowUpNumbers) {
  auto k1 = repo_->form_key();
  ASSERT_TRUE(k1.ok()) << k1.status().to_string();
  EXPECT_EQ(*repo_->form_key(), *k1) << "one key per database: every server verifies every token";
  EXPECT_TRUE(repo_->use_form_nonce("n1").ok());
  EXPECT_EQ(repo_->use_form_nonce("n1").field(), "form_token");
  Lead lead = add_lead(kSongshan, "R-1", "2018-04-20T09:00:00+08:00");
  ASSERT_TRUE(repo_->add_report("WB20180501-ABCDEFGH", "hash", lead.id).ok());
  auto st = repo_->report_status("WB20180501-ABCDEFGH", "hash");
  ASSERT_TRUE(st.ok()) << st.status().to_string();
  EXPECT_EQ(st->lead_status, "new");
  EXPECT_EQ(st->unit_name, "松山区市场监督管理局");
  EXPECT_EQ(repo_->report_status("WB20180501-ABCDEFGH", "other").status().code(), Code::kNotFound);
  EXPECT_EQ(repo_->report_status("WB-none", "hash").status().code(), Code::kNotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, DisclosureRepoTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lj
