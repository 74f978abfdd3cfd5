// The stored campaign settings on both backends: versions, conflicts, reset, audit entries.
#include "store/sql/campaign_repo.hpp"
#include "store/store_test_fixture.hpp"

namespace lj {
namespace {

using namespace store_testing;

class CampaignRepoTest : public StoreTest {
 protected:
  size_t audit_entries() {
    size_t n = 0;
    EXPECT_TRUE(store_->scan_audit([&](const AuditEntry&) { return ++n, true; }).ok());
    return n;
  }
};

TEST_P(CampaignRepoTest, VersionsConflictsAndResetAreAudited) {
  CampaignRepo repo(store_->sql());
  const std::string id = "2018-zhijian-lijian";
  auto none = repo.get(id);
  ASSERT_TRUE(none.ok()) << none.status().to_string();
  EXPECT_FALSE(none->has_value());

  const size_t start = audit_entries();
  const Json first = {{"period", {{"from", "2018-01-01"}, {"to", "2018-12-31"}}}};
  auto v1 = repo.put(kRegion, id, first, 0);
  ASSERT_TRUE(v1.ok()) << v1.status().to_string();
  EXPECT_EQ(v1->version, 1);
  auto stale = repo.put(kRegion, id, first, 0);
  EXPECT_EQ(stale.status().code(), Code::kConflict);
  EXPECT_EQ(stale.status().field(), "version");
  const Json second = {{"period", {{"from", "2018-04-01"}, {"to", "2019-03-31"}}}};
  auto v2 = repo.put(kRegion, id, second, std::nullopt);
  ASSERT_TRUE(v2.ok()) << v2.status().to_string();
  EXPECT_EQ(v2->version, 2);

  auto got = repo.get(id);
  ASSERT_TRUE(got.ok() && got->has_value());
  EXPECT_EQ((*got)->settings, second);
  EXPECT_EQ((*got)->updated_by_name, kRegion.username);
  EXPECT_EQ(audit_entries(), start + 2);

  ASSERT_TRUE(repo.reset(kRegion, id).ok());
  EXPECT_FALSE(repo.get(id)->has_value());
  EXPECT_EQ(audit_entries(), start + 3);
  auto fresh = repo.put(kRegion, id, first, 0);
  ASSERT_TRUE(fresh.ok()) << fresh.status().to_string();
  EXPECT_EQ(fresh->version, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, CampaignRepoTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lj
