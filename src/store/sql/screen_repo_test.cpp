// Sampling results and the screening aggregates on both backends: hand-counted fixtures, scope.
#include "store/sql/screen_repo.hpp"

#include "store/sql/sampling_repo.hpp"
#include "store/store_test_fixture.hpp"

namespace lj {
namespace {

using namespace store_testing;  // NOLINT(google-build-using-namespace)

screen::SamplingResult sample(const std::string& no, const std::string& unit,
                              const std::string& category, bool failed,
                              const std::string& on = "2018-04-10") {
  screen::SamplingResult s;
  s.source_id = no;
  s.sampled_on = on;
  s.enterprise_name = "赤峰某农资有限公司";
  s.unit_code = unit;
  s.product_name = "复合肥料";
  s.product_category = category;
  s.special_actions = {category == "fertilizer" ? "agri_inputs" : "building_materials"};
  s.result = failed ? "fail" : "pass";
  if (failed) s.failed_items = "总养分;氯离子";
  s.sampling_level = "provincial";
  return s;
}

std::pair<std::string, std::string> key(const char* a, const char* b) {
  return {a, b};
}

class ScreenRepoTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    Enterprise e1, e2;
    e1.name = "赤峰蒙原农资有限公司";
    e1.uscc = "91150404MA0N000001";
    e1.region_code = "150404";
    e2.name = "红山线缆厂";
    e2.region_code = "150402";
    auto a = store_->upsert_enterprise(Actor::system("test"), e1);
    auto b = store_->upsert_enterprise(Actor::system("test"), e2);
    ASSERT_TRUE(a.ok() && b.ok());
    e1_ = a->id;
    e2_ = b->id;
    std::vector<screen::SamplingResult> batch = {
        sample("JD-1", "150404", "fertilizer", true),
        sample("JD-2", "150404", "fertilizer", false, "2018-05-03"),
        sample("JD-3", "150402", "fertilizer", true),
        sample("JD-4", "150402", "wire_cable", false),
        sample("JD-5", "150400", "fertilizer", true, "2018-05-20"),
    };
    batch[0].enterprise_uscc = e1.uscc;       // linked by USCC
    batch[3].enterprise_name = "红山线缆厂";  // linked by exact name
    auto stored = sql::store_sampling_batch(*store_, Actor::system("import"), batch);
    ASSERT_TRUE(stored.ok()) << stored.status().to_string();
    for (const Upserted& u : *stored) EXPECT_TRUE(u.created);
    EXPECT_EQ(batch[0].enterprise_id, e1_);
    EXPECT_EQ(batch[3].enterprise_id, e2_);
    EXPECT_FALSE(batch[2].enterprise_id.has_value());
    // Two complaints about e1 in Songshan (the fixture's leads are 12365 fertilizer leads).
    for (const char* id : {"C-1", "C-2"}) {
      Lead l = make_lead(id, "150404", "2018-04-20T10:00:00+08:00");
      l.enterprise_id = e1_;
      ASSERT_TRUE(store_->insert_lead(kSongshan, l).ok());
    }
  }

  SqlStore& sql() { return store_->sql(); }
  int64_t e1_ = 0, e2_ = 0;
};

TEST_P(ScreenRepoTest, ImportsOnceAndFailedSamplesBecomeLeads) {
  std::vector<screen::SamplingResult> again = {sample("JD-1", "150404", "fertilizer", true),
                                               sample("JD-6", "150404", "fertilizer", false)};
  auto stored = sql::store_sampling_batch(*store_, Actor::system("import"), again);
  ASSERT_TRUE(stored.ok()) << stored.status().to_string();
  EXPECT_FALSE((*stored)[0].created);
  EXPECT_TRUE((*stored)[1].created);
  LeadQuery q;
  q.source = "sampling";
  auto leads = store_->list_leads(kRegion, q);
  ASSERT_TRUE(leads.ok());
  ASSERT_EQ(leads->items.size(), 3u);  // JD-1, JD-3, JD-5: once each
  for (const Lead& l : leads->items) {
    EXPECT_EQ(l.violations, std::vector<std::string>{"substandard"});
    EXPECT_EQ(l.product_category, "fertilizer");
    EXPECT_EQ(l.extra["sample_result"], "fail");
    if (l.source_id == "JD-1") {
      EXPECT_EQ(l.enterprise_id, e1_);
      EXPECT_EQ(l.unit_code, "150404");
      EXPECT_EQ(l.received_at, "2018-04-10T00:00:00+08:00");
    }
  }
  AuditVerdict v = verify_audit_chain([&](const auto& visit) { return store_->scan_audit(visit); });
  EXPECT_TRUE(v.intact) << v.reason;
}

TEST_P(ScreenRepoTest, UnitOutsideTheImportersScopeIsRejected) {
  std::vector<screen::SamplingResult> batch = {sample("JD-9", "150402", "fertilizer", false)};
  auto r = sql::insert_sampling_results(sql(), kSongshan, batch);
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(r.status().field(), "results[0].unit_code");
}

TEST_P(ScreenRepoTest, SamplingListIsScopedAndFiltered) {
  auto count = [&](const Actor& a, sql::SamplingQuery q) {
    auto page = sql::list_sampling_results(sql(), a, q);
    EXPECT_TRUE(page.ok()) << page.status().to_string();
    return page.ok() ? page->items.size() : 0u;
  };
  EXPECT_EQ(count(kRegion, {}), 5u);
  EXPECT_EQ(count(kLeague, {}), 5u);
  EXPECT_EQ(count(kSongshan, {}), 2u);
  EXPECT_EQ(count(kHongshan, {}), 2u);
  sql::SamplingQuery failed;
  failed.result = "fail";
  EXPECT_EQ(count(kLeague, failed), 3u);
  sql::SamplingQuery cable;
  cable.product_category = "wire_cable";
  EXPECT_EQ(count(kRegion, cable), 1u);
  sql::SamplingQuery may;
  may.from = "2018-05-01";
  may.to = "2018-05-31";
  EXPECT_EQ(count(kRegion, may), 2u);
  // Paging: newest first, two per page, no row twice.
  sql::SamplingQuery paged;
  paged.limit = 2;
  std::set<int64_t> seen;
  for (int pages = 0; pages < 5; ++pages) {
    auto page = sql::list_sampling_results(sql(), kRegion, paged);
    ASSERT_TRUE(page.ok());
    for (const auto& s : page->items) EXPECT_TRUE(seen.insert(s.id).second);
    if (page->next_cursor.empty()) break;
    paged.cursor = page->next_cursor;
  }
  EXPECT_EQ(seen.size(), 5u);
}

TEST_P(ScreenRepoTest, HotspotCountsEqualTheHandCounts) {
  auto county = sql::hotspots(sql(), kRegion, {"county", "", false}, {});
  ASSERT_TRUE(county.ok()) << county.status().to_string();
  std::map<std::pair<std::string, std::string>, screen::Hotspot> by;
  for (const auto& h : *county) by[{h.division_code, h.category}] = h;
  ASSERT_TRUE(by.count(key("150404", "fertilizer")));
  const screen::Hotspot& songshan = by[key("150404", "fertilizer")];
  EXPECT_EQ(songshan.sampled, 2);
  EXPECT_EQ(songshan.failed, 1);
  EXPECT_EQ(songshan.complaints, 2);
  EXPECT_EQ(songshan.enterprises, 1);
  EXPECT_EQ(songshan.division_name, "松山区市场监督管理局");
  EXPECT_EQ(by[key("150402", "fertilizer")].sampled, 1);
  EXPECT_EQ(by[key("150402", "fertilizer")].failed, 1);
  EXPECT_EQ(by[key("150402", "wire_cable")].failed, 0);
  EXPECT_FALSE(by.count(key("150400", "fertilizer")));  // a league is not a county

  auto league = sql::hotspots(sql(), kRegion, {"league", "fertilizer", false}, {});
  ASSERT_TRUE(league.ok());
  ASSERT_EQ(league->size(), 1u);
  EXPECT_EQ((*league)[0].division_code, "150400");
  EXPECT_EQ((*league)[0].sampled, 4);
  EXPECT_EQ((*league)[0].failed, 3);
  EXPECT_EQ((*league)[0].complaints, 2);

  // Scope: Songshan sees its own county only; at league level nothing of its league.
  auto mine = sql::hotspots(sql(), kSongshan, {"county", "", false}, {});
  ASSERT_TRUE(mine.ok());
  for (const auto& h : *mine) EXPECT_EQ(h.division_code, "150404");
  EXPECT_FALSE(mine->empty());
  auto above = sql::hotspots(sql(), kSongshan, {"league", "", false}, {});
  ASSERT_TRUE(above.ok());
  EXPECT_TRUE(above->empty());
  EXPECT_EQ(sql::hotspots(sql(), kRegion, {"town", "", false}, {}).status().field(), "level");
}

TEST_P(ScreenRepoTest, TrendsCountByMonthAndGroup) {
  auto rows = sql::trends(sql(), kRegion, {"product_category", "", "", ""});
  ASSERT_TRUE(rows.ok()) << rows.status().to_string();
  std::map<std::pair<std::string, std::string>, screen::TrendRow> by;
  for (const auto& t : *rows) by[{t.month, t.group}] = t;
  // April: samples JD-1, JD-3 (fertilizer, both failed), JD-4 (wire_cable); leads: the two
  // complaints and the failed samples' leads JD-1, JD-3.
  EXPECT_EQ(by[key("2018-04", "fertilizer")].samples, 2);
  EXPECT_EQ(by[key("2018-04", "fertilizer")].failed_samples, 2);
  EXPECT_EQ(by[key("2018-04", "fertilizer")].leads, 4);
  EXPECT_EQ(by[key("2018-04", "wire_cable")].samples, 1);
  EXPECT_EQ(by[key("2018-05", "fertilizer")].samples, 2);
  EXPECT_EQ(by[key("2018-05", "fertilizer")].failed_samples, 1);

  auto sources = sql::trends(sql(), kSongshan, {"source", "2018-04", "2018-04", ""});
  ASSERT_TRUE(sources.ok());
  std::map<std::string, screen::TrendRow> s;
  for (const auto& t : *sources) s[t.group] = t;
  EXPECT_EQ(s["hotline_12365"].leads, 2);
  EXPECT_EQ(s["sampling"].leads, 1);  // JD-1's lead
  EXPECT_EQ(s["sampling"].samples, 1);
  EXPECT_EQ(s["sampling"].failed_samples, 1);

  auto actions = sql::trends(sql(), kRegion, {"special_action", "2018-05", "", ""});
  ASSERT_TRUE(actions.ok());
  int64_t agri = 0;
  for (const auto& t : *actions)
    if (t.group == "agri_inputs") agri += t.samples;
  EXPECT_EQ(agri, 2);  // JD-2, JD-5
  EXPECT_EQ(sql::trends(sql(), kRegion, {"colour", "", "", ""}).status().field(), "group");
  EXPECT_EQ(sql::trends(sql(), kRegion, {"source", "2018-4", "", ""}).status().field(), "from");
  EXPECT_EQ(sql::trends(sql(), kSongshan, {"source", "", "", "150402"}).status().code(),
            Code::kNotFound);
}

TEST_P(ScreenRepoTest, RiskRankingAndFactorsInScope) {
  auto ranking = sql::risk_ranking(sql(), kLeague, {}, {});
  ASSERT_TRUE(ranking.ok()) << ranking.status().to_string();
  EXPECT_EQ(ranking->as_of, "2018-05");  // the newest sample
  ASSERT_GE(ranking->items.size(), 2u);
  EXPECT_EQ(ranking->items[0].enterprise_id, e1_);
  EXPECT_EQ(ranking->items[0].name, "赤峰蒙原农资有限公司");
  EXPECT_EQ(ranking->items[0].category, "fertilizer");
  double shares = 0;
  for (const auto& f : ranking->items[0].factors) {
    shares += f.share;
    if (f.name == "sampling_failures") {
      EXPECT_EQ(f.value, 1);
    }
    if (f.name == "complaints") {
      EXPECT_EQ(f.value, 2);
    }
  }
  EXPECT_NEAR(shares, 1.0, 1e-9);

  // Hongshan sees only e2 (its passed wire_cable sample), not Songshan's e1.
  auto hongshan = sql::risk_ranking(sql(), kHongshan, {}, {});
  ASSERT_TRUE(hongshan.ok());
  ASSERT_EQ(hongshan->items.size(), 1u);
  EXPECT_EQ(hongshan->items[0].enterprise_id, e2_);
  EXPECT_EQ(sql::enterprise_risk(sql(), kHongshan, e1_, "", {}).status().code(), Code::kNotFound);
  auto one = sql::enterprise_risk(sql(), kSongshan, e1_, "2018-05", {});
  ASSERT_TRUE(one.ok());
  EXPECT_DOUBLE_EQ(one->score, ranking->items[0].score);

  sql::RiskQuery cable;
  cable.category = "wire_cable";
  auto filtered = sql::risk_ranking(sql(), kRegion, cable, {});
  ASSERT_TRUE(filtered.ok());
  ASSERT_EQ(filtered->items.size(), 1u);
  EXPECT_EQ(filtered->items[0].enterprise_id, e2_);
  sql::RiskQuery paged;
  paged.limit = 1;
  paged.offset = 1;
  auto second = sql::risk_ranking(sql(), kRegion, paged, {});
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->total, 2);
  ASSERT_EQ(second->items.size(), 1u);
  EXPECT_EQ(second->items[0].enterprise_id, e2_);
}

TEST_P(ScreenRepoTest, DishonestyListedEnterprisesAreRanked) {
  Enterprise listed;
  listed.name = "松山失信企业";
  listed.region_code = "150404";
  listed.status = "serious_dishonesty";
  auto up = store_->upsert_enterprise(Actor::system("test"), listed);
  ASSERT_TRUE(up.ok());
  auto ranking = sql::risk_ranking(sql(), kSongshan, {}, {});
  ASSERT_TRUE(ranking.ok());
  bool found = false;
  for (const auto& s : ranking->items)
    if (s.enterprise_id == up->id) {
      found = true;
      EXPECT_EQ(s.score, 15);
    }
  EXPECT_TRUE(found);
  auto hongshan = sql::risk_ranking(sql(), kHongshan, {}, {});
  ASSERT_TRUE(hongshan.ok());
  for (const auto& s : hongshan->items) EXPECT_NE(s.enterprise_id, up->id);
}

INSTANTIATE_TEST_SUITE_P(Backends, ScreenRepoTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lj
