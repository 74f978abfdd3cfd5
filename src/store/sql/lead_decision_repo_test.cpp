// A lead's decisions on both backends: the status changes with the reason in one transaction
// with its audit entry; a rejection without a reason, a stale version, a lead with a case and a
// lead outside the scope change nothing.
#include "store/sql/lead_decision_repo.hpp"
#include "store/store_test_fixture.hpp"

namespace lj {
namespace {

using namespace store_testing;

class LeadDecisionRepoTest : public StoreTest {
 protected:
  size_t audit_entries() {
    size_t n = 0;
    EXPECT_TRUE(store_->scan_audit([&](const AuditEntry&) { return ++n, true; }).ok());
    return n;
  }
  LeadDecisionRepo repo() { return LeadDecisionRepo(store_->sql()); }
};

TEST_P(LeadDecisionRepoTest, RejectionKeepsItsReasonInTheHistoryAndTheAudit) {
  Lead lead = add_lead(kSongshan, "D-1", "2018-04-20T09:00:00+08:00");
  auto verifying = repo().decide(kSongshan, lead.id, "verifying", "", lead.version);
  ASSERT_TRUE(verifying.ok()) << verifying.status().to_string();
  EXPECT_EQ(verifying->version, lead.version + 1);
  const size_t before = audit_entries();
  auto rejected = repo().decide(kSongshan, lead.id, "rejected",
                                "举报内容与事实不符，经现场核查无此经营户", verifying->version);
  ASSERT_TRUE(rejected.ok()) << rejected.status().to_string();
  EXPECT_EQ(rejected->status, "rejected");
  EXPECT_EQ(audit_entries(), before + 1);
  EXPECT_EQ(store_->get_lead(kSongshan, lead.id)->status, "rejected");

  // The supervising league reads the history; the entries are oldest first.
  auto h = repo().history(kLeague, lead.id);
  ASSERT_TRUE(h.ok()) << h.status().to_string();
  ASSERT_EQ(h->size(), 2u);
  EXPECT_EQ((*h)[0].status_before, "new");
  EXPECT_EQ((*h)[0].status, "verifying");
  EXPECT_EQ((*h)[0].reason, "");
  EXPECT_EQ((*h)[1].status_before, "verifying");
  EXPECT_EQ((*h)[1].reason, "举报内容与事实不符，经现场核查无此经营户");
  EXPECT_EQ((*h)[1].actor_name, kSongshan.username);
  EXPECT_TRUE(to_json((*h)[0])["reason"].is_null());
}

TEST_P(LeadDecisionRepoTest, RefusalsChangeNothing) {
  Lead lead = add_lead(kSongshan, "D-2", "2018-04-20T09:00:00+08:00");
  const size_t before = audit_entries();

  auto no_reason = repo().decide(kSongshan, lead.id, "rejected", "  ", std::nullopt);
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(no_reason.status().field(), "reason");

  auto stale = repo().decide(kSongshan, lead.id, "verified", "", lead.version + 5);
  EXPECT_EQ(stale.status().code(), Code::kConflict);

  // A sibling county sees neither the lead nor its history.
  EXPECT_EQ(repo().decide(kHongshan, lead.id, "rejected", "不在辖区", std::nullopt).status().code(),
            Code::kNotFound);
  EXPECT_EQ(repo().history(kHongshan, lead.id).status().code(), Code::kNotFound);

  auto c = store_->open_case(kSongshan, lead.id, Case{});
  ASSERT_TRUE(c.ok()) << c.status().to_string();
  const size_t with_case = audit_entries();
  EXPECT_EQ(repo().decide(kSongshan, lead.id, "rejected", "重复", std::nullopt).status().code(),
            Code::kConflict);
  EXPECT_EQ(audit_entries(), with_case);
  EXPECT_GT(with_case, before);
  EXPECT_TRUE(repo().history(kSongshan, lead.id)->empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, LeadDecisionRepoTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lj
