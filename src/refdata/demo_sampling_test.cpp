// The demo's sampling results: the planted hotspot is flagged, a rerun adds nothing.
#include "refdata/demo_sampling.hpp"

#include <gtest/gtest.h>

#include "model/audit.hpp"
#include "refdata/data_dir.hpp"
#include "refdata/demo.hpp"
#include "store/sql/sampling_repo.hpp"
#include "store/sql/screen_repo.hpp"
#include "store/test_database.hpp"

namespace lj::refdata {
namespace {

class DemoSamplingTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TestDatabase>(GetParam());
    if (!db_->available()) GTEST_SKIP() << db_->skip_reason();
    auto s = open_store(db_->url(), 2);
    ASSERT_TRUE(s.ok()) << s.status().to_string();
    store_ = std::move(*s);
    ASSERT_TRUE(store_->migrate().ok());
    auto dir = data_dir("");
    ASSERT_TRUE(dir.ok());
    dir_ = *dir;
    ASSERT_TRUE(load_reference(*store_, dir_, "15").ok());
  }
  std::unique_ptr<testing::TestDatabase> db_;
  std::unique_ptr<Store> store_;
  std::string dir_;
};

Actor analyst_at(const std::string& code, const std::string& path) {
  Actor a;
  a.role = Role::kAnalyst;
  a.unit_code = code;
  a.unit_path = path;
  return a;
}

TEST_P(DemoSamplingTest, ThePlantedHotspotIsFlaggedAndARerunAddsNothing) {
  const DemoOptions opts{1500, 500, 2018, true};
  auto first = load_demo(*store_, dir_, opts);
  ASSERT_TRUE(first.ok()) << first.status().to_string();
  const Actor region = analyst_at("150000", "/150000/");

  sql::HotspotQuery q{"county", demo::kPlantedHotspotCategory, true};
  auto flagged = sql::hotspots(store_->sql(), region, q, {});
  ASSERT_TRUE(flagged.ok()) << flagged.status().to_string();
  ASSERT_FALSE(flagged->empty());
  const screen::Hotspot& top = flagged->front();
  EXPECT_EQ(top.division_code, demo::kPlantedHotspotCounty);
  EXPECT_TRUE(top.nonconformance.flagged);
  EXPECT_TRUE(top.complaint_rate.flagged);
  EXPECT_GT(top.nonconformance.raw, 1.5 * top.nonconformance.province);
  // The Chifeng leader's view flags it too; Songshan's view does not contain it.
  auto league = sql::hotspots(store_->sql(), analyst_at("150400", "/150000/150400/"), q, {});
  ASSERT_TRUE(league.ok());
  ASSERT_FALSE(league->empty());
  EXPECT_EQ(league->front().division_code, demo::kPlantedHotspotCounty);
  auto songshan =
      sql::hotspots(store_->sql(), analyst_at("150404", "/150000/150400/150404/"), q, {});
  ASSERT_TRUE(songshan.ok());
  for (const auto& h : *songshan) EXPECT_EQ(h.division_code, "150404");

  // The planted risky enterprises of Songshan lead its ranking with failures as top factor.
  auto ranking =
      sql::risk_ranking(store_->sql(), analyst_at("150404", "/150000/150400/150404/"), {}, {});
  ASSERT_TRUE(ranking.ok());
  ASSERT_GE(ranking->items.size(), 3u);
  // Judged at the newest month of the data: the demo's two years end in March 2019, and repeated
  // leads about the same matter (resolve's demo variants) may follow into the next weeks.
  EXPECT_GE(ranking->as_of, "2019-03");
  EXPECT_LE(ranking->as_of, "2019-06");
  for (size_t i = 0; i < 3; ++i) {
    const auto& f = ranking->items[i].factors;
    EXPECT_EQ(f[0].name, "sampling_failures");
    EXPECT_GE(f[0].value, 3);
  }

  sql::SamplingQuery all;
  all.limit = 1;
  auto before = sql::list_sampling_results(store_->sql(), region, all);
  ASSERT_TRUE(before.ok());
  const int64_t leads = *store_->count_leads();
  EXPECT_GT(leads, 1500);  // failed samples and planted complaints are leads too
  int64_t audit_before = 0;
  ASSERT_TRUE(store_->scan_audit([&](const AuditEntry&) { return ++audit_before > 0; }).ok());
  ASSERT_TRUE(load_demo(*store_, dir_, opts).ok());
  EXPECT_EQ(*store_->count_leads(), leads);
  int64_t audit_after = 0;
  ASSERT_TRUE(store_->scan_audit([&](const AuditEntry&) { return ++audit_after > 0; }).ok());
  EXPECT_EQ(audit_after, audit_before);
}

INSTANTIATE_TEST_SUITE_P(Backends, DemoSamplingTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lj::refdata
