// The shared Store suite, continued: batch writes of the import and search over leads.
#include "store/store_test_fixture.hpp"

namespace lj {
namespace {

using namespace store_testing;  // NOLINT(google-build-using-namespace)

TEST_P(StoreTest, InsertLeadsStoresNewRowsAndCountsDuplicates) {
  Lead before = add_lead(kSongshan, "B-1", "2018-04-02T10:00:00+08:00");
  std::vector<Lead> batch = {
      make_lead("B-1", "150404", "2018-04-02T10:00:00+08:00"),  // stored before
      make_lead("B-2", "150402", "2018-04-03T10:00:00+08:00"),  // new
      make_lead("B-3", "150000", "2018-04-04T10:00:00+08:00"),  // new
      make_lead("B-2", "150404", "2018-04-05T10:00:00+08:00"),  // repeated within the batch
  };
  batch[2].extra = Json{{"platform", "某电商平台"}, {"price", 12.5}};
  batch[2].amount_involved_fen = 123456;
  auto out = store_->insert_leads(Actor::system("import"), batch);
  ASSERT_TRUE(out.ok()) << out.status().to_string();
  ASSERT_EQ(out->size(), 4u);
  EXPECT_FALSE((*out)[0].created);
  EXPECT_EQ((*out)[0].id, before.id);
  EXPECT_TRUE((*out)[1].created);
  EXPECT_TRUE((*out)[2].created);
  EXPECT_FALSE((*out)[3].created);
  EXPECT_EQ((*out)[3].id, (*out)[1].id);
  EXPECT_EQ(*store_->count_leads(), 3);

  // Scope and unit path as insert_lead sets them: Hongshan sees B-2, Songshan does not.
  auto b2 = store_->get_lead(kHongshan, (*out)[1].id);
  ASSERT_TRUE(b2.ok());
  EXPECT_EQ(b2->unit_code, "150402");
  EXPECT_EQ(b2->unit_path, "/150000/150400/150402/");
  EXPECT_EQ(b2->received_at, "2018-04-03T10:00:00+08:00");  // the first occurrence won
  EXPECT_EQ(store_->get_lead(kSongshan, (*out)[1].id).status().code(), Code::kNotFound);
  auto b3 = store_->get_lead(kRegion, (*out)[2].id);
  ASSERT_TRUE(b3.ok());
  EXPECT_EQ(b3->unit_path, "/150000/");
  EXPECT_EQ(b3->extra["platform"], "某电商平台");
  EXPECT_EQ(store_->get_lead(kLeague, (*out)[2].id).status().code(), Code::kNotFound);

  // One audit entry per created lead, the same entry insert_lead writes, the chain intact.
  std::map<std::string, Json> created;
  int64_t entries = 0;
  ASSERT_TRUE(store_->scan_audit([&](const AuditEntry& e) {
    ++entries;
    if (e.entity == "lead" && e.action == "create") created[e.entity_id] = e.after;
    return true;
  }).ok());
  EXPECT_EQ(created.size(), 3u);
  for (const Lead& l : {*b2, *b3}) {
    ASSERT_TRUE(created.count(std::to_string(l.id)));
    EXPECT_EQ(created[std::to_string(l.id)], to_json(l)) << l.source_id;
  }
  AuditVerdict v = verify_audit_chain([&](const auto& visit) { return store_->scan_audit(visit); });
  EXPECT_TRUE(v.intact) << v.reason;
  EXPECT_EQ(v.entries, entries);

  // The same batch again stores nothing and writes no audit entry.
  auto again = store_->insert_leads(Actor::system("import"), batch);
  ASSERT_TRUE(again.ok());
  for (const auto& u : *again) EXPECT_FALSE(u.created);
  EXPECT_EQ(*store_->count_leads(), 3);
  EXPECT_EQ(*store_->change_generation(), entries);
}

TEST_P(StoreTest, InsertLeadsIsAllOrNothing) {
  std::vector<Lead> batch = {make_lead("N-1", "150404", "2018-04-02T10:00:00+08:00"),
                             make_lead("N-2", "999999", "2018-04-02T10:00:00+08:00")};
  auto bad_unit = store_->insert_leads(Actor::system("import"), batch);
  EXPECT_EQ(bad_unit.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(bad_unit.status().field(), "leads[1].unit_code");
  EXPECT_EQ(*store_->count_leads(), 0);

  // A county may not place leads in a sibling county; a league may place them in its counties.
  batch[1].unit_code = "150402";
  auto outside = store_->insert_leads(kSongshan, batch);
  EXPECT_EQ(outside.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(*store_->count_leads(), 0);
  auto league = store_->insert_leads(kLeague, batch);
  ASSERT_TRUE(league.ok()) << league.status().to_string();
  EXPECT_EQ(*store_->count_leads(), 2);
  EXPECT_TRUE(store_->get_lead(kHongshan, (*league)[1].id).ok());
  EXPECT_TRUE(store_->insert_leads(kLeague, {}).ok());
}

TEST_P(StoreTest, BatchAndSingleWritesShareOneAuditChain) {
  add_lead(kSongshan, "C-1", "2018-04-02T10:00:00+08:00");
  std::vector<Lead> batch;
  for (int i = 0; i < 50; ++i)
    batch.push_back(make_lead("C-B" + std::to_string(i), "150404", "2018-04-02T10:00:00+08:00"));
  ASSERT_TRUE(store_->insert_leads(kSongshan, batch).ok());
  add_lead(kSongshan, "C-2", "2018-04-02T10:00:00+08:00");
  Enterprise e;
  e.name = "赤峰某农资有限公司";
  ASSERT_TRUE(store_->upsert_enterprises(kRegion, {e}).ok());
  AuditVerdict v = verify_audit_chain([&](const auto& visit) { return store_->scan_audit(visit); });
  EXPECT_TRUE(v.intact) << v.reason;
  EXPECT_EQ(v.entries, 1 + 1 + 50 + 1 + 1);  // units, C-1, the batch, C-2, the enterprise
}

TEST_P(StoreTest, UpsertEnterprisesKeysByUsccElseNameAndRegion) {
  Enterprise known;
  known.uscc = "91150404MA0N000001";
  known.name = "赤峰某化肥有限公司";
  auto first = store_->upsert_enterprise(kRegion, known);
  ASSERT_TRUE(first.ok());
  Enterprise fresh = known;
  fresh.uscc = "91150404MA0N000002";
  fresh.uscc_valid = false;
  fresh.region_code = "150404";
  Enterprise no_code;
  no_code.name = "松山区某农资店";
  no_code.region_code = "150404";
  Enterprise elsewhere = no_code;
  elsewhere.region_code = "150402";
  Enterprise no_region;
  no_region.name = "松山区某农资店";
  std::vector<Enterprise> batch = {known, fresh, no_code, fresh, no_code, elsewhere, no_region, no_region};
  auto out = store_->upsert_enterprises(Actor::system("import"), batch);
  ASSERT_TRUE(out.ok()) << out.status().to_string();
  std::vector<bool> created;
  for (const auto& u : *out) created.push_back(u.created);
  EXPECT_EQ(created, (std::vector<bool>{false, true, true, false, false, true, true, false}));
  EXPECT_EQ((*out)[0].id, first->id);
  EXPECT_EQ((*out)[3].id, (*out)[1].id);
  EXPECT_EQ((*out)[4].id, (*out)[2].id);
  EXPECT_NE((*out)[5].id, (*out)[2].id);
  EXPECT_EQ((*out)[7].id, (*out)[6].id);
  auto stored = store_->get_enterprise((*out)[1].id);
  ASSERT_TRUE(stored.ok());
  EXPECT_FALSE(stored->uscc_valid);
  EXPECT_EQ(stored->region_code, "150404");

  auto again = store_->upsert_enterprises(Actor::system("import"), batch);
  ASSERT_TRUE(again.ok());
  for (size_t i = 0; i < batch.size(); ++i) {
    EXPECT_FALSE((*again)[i].created);
    EXPECT_EQ((*again)[i].id, (*out)[i].id);
  }
  AuditVerdict v = verify_audit_chain([&](const auto& visit) { return store_->scan_audit(visit); });
  EXPECT_TRUE(v.intact) << v.reason;
  EXPECT_EQ(v.entries, 1 + 1 + 4);  // units, the single upsert, four created by the batch
}

// ---- search (store/sql/search.hpp)

class SearchTest : public StoreTest {
 protected:
  int64_t put(const std::string& id, const std::string& unit, const std::string& title,
              const std::string& text, const std::string& enterprise = "",
              const std::string& product = "") {
    Lead l = make_lead(id, unit, "2018-03-0" + id.substr(id.size() - 1) + "T10:00:00+08:00");
    l.title = title;
    l.text = text;
    l.enterprise_name = enterprise;
    l.product_name = product;
    auto r = store_->insert_lead(kRegion, l);
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    return r.ok() ? r->id : 0;
  }
  std::set<int64_t> found(const std::string& q, const Actor& who = kRegion,
                          const std::string& unit = "") {
    LeadQuery lq;
    lq.q = q;
    lq.unit_code = unit;
    lq.limit = 500;
    auto page = store_->list_leads(who, lq);
    EXPECT_TRUE(page.ok()) << page.status().to_string();
    std::set<int64_t> ids;
    if (page.ok())
      for (const auto& l : page->items) ids.insert(l.id);
    return ids;
  }
};

TEST_P(SearchTest, OneTwoAndLongerTermsAcrossFields) {
  int64_t a = put("S-1", "150404", "复合肥", "群众举报某农资店销售的复合肥有效含量不足");
  int64_t b = put("S-2", "150402", "", "网店销售的儿童玩具含有邻苯二甲酸酯", "赤峰某某商贸有限公司", "玩具汽车");
  int64_t c = put("S-3", "150404", "", "保健食品宣称治疗疾病");
  int64_t d = put("S-4", "150404", "", "保健，健食，食品");  // every bigram of 保健食品, apart
  int64_t e = put("S-5", "150402", "ＡＢＣ牌奶粉", "");
  using Ids = std::set<int64_t>;
  EXPECT_EQ(found("肥"), (Ids{a}));  // a word's last character is found too
  EXPECT_EQ(found("具"), (Ids{b}));
  EXPECT_EQ(found("农资"), (Ids{a}));
  EXPECT_EQ(found("有限公司"), (Ids{b}));      // enterprise name
  EXPECT_EQ(found("汽车"), (Ids{b}));          // product name
  EXPECT_EQ(found("保健食品"), (Ids{c}));      // d's bigrams match; the recheck drops it
  EXPECT_EQ(found("食品"), (Ids{c, d}));
  EXPECT_EQ(found("店 销售"), (Ids{a, b}));    // all terms must occur
  EXPECT_EQ(found("店 保健"), (Ids{}));
  EXPECT_EQ(found("abc"), (Ids{e}));           // NFKC and ASCII case folded
  EXPECT_EQ(found("Ｂｃ牌"), (Ids{e}));
  EXPECT_EQ(found("不存在"), (Ids{}));
  EXPECT_EQ(found("  "), (Ids{a, b, c, d, e}));  // a blank query filters nothing
  // With filters and scope.
  EXPECT_EQ(found("销售", kRegion, "150402"), (Ids{b}));
  EXPECT_EQ(found("销售", kSongshan), (Ids{a}));
}

TEST_P(SearchTest, PagesThroughMatchesWithTheKeyset) {
  std::set<int64_t> want;
  for (int i = 1; i <= 5; ++i) want.insert(put("P-" + std::to_string(i), "150404", "", "销售假酒" + std::to_string(i)));
  put("P-6", "150404", "", "无关");
  LeadQuery q;
  q.q = "假酒";
  q.limit = 2;
  std::set<int64_t> seen;
  int pages = 0;
  for (;;) {
    auto page = store_->list_leads(kRegion, q);
    ASSERT_TRUE(page.ok()) << page.status().to_string();
    ++pages;
    for (const auto& l : page->items) seen.insert(l.id);
    if (page->next_cursor.empty()) break;
    q.cursor = page->next_cursor;
  }
  EXPECT_EQ(seen, want);
  EXPECT_EQ(pages, 3);
}

TEST_P(SearchTest, UpdatesAndBatchInsertsKeepTheIndex) {
  int64_t a = put("U-1", "150404", "复合肥", "农资店");
  LeadPatch p;
  p.title = "假冒白酒";
  ASSERT_TRUE(store_->update_lead(kRegion, a, p).ok());
  EXPECT_EQ(found("白酒"), (std::set<int64_t>{a}));
  EXPECT_TRUE(found("复合肥").empty());
  EXPECT_EQ(found("农资"), (std::set<int64_t>{a}));
  p.title = "复合肥";
  ASSERT_TRUE(store_->update_lead(kRegion, a, p).ok());
  EXPECT_TRUE(found("白酒").empty());
  EXPECT_EQ(found("肥"), (std::set<int64_t>{a}));

  std::vector<Lead> batch = {make_lead("B-1", "150404", "2018-03-01T10:00:00+08:00"),
                             make_lead("B-2", "150402", "2018-03-02T10:00:00+08:00")};
  batch[0].text = "过期奶粉";
  batch[1].text = "奶茶店卫生";
  auto out = store_->insert_leads(kRegion, batch);
  ASSERT_TRUE(out.ok()) << out.status().to_string();
  EXPECT_EQ(found("奶"), (std::set<int64_t>{(*out)[0].id, (*out)[1].id}));
  EXPECT_EQ(found("奶粉"), (std::set<int64_t>{(*out)[0].id}));
}

TEST_P(SearchTest, MigrateIndexesLeadsStoredBeforeSearch) {
  int64_t a = put("M-1", "150404", "", "过期奶粉");
  int64_t b = put("M-2", "150404", "", "奶茶店");
  {  // Forget the tokens, as if the leads predated migration 2.
    auto db = sql::open_database(db_->url(), 1);
    ASSERT_TRUE(db.ok()) << db.status().to_string();
    auto conn = (*db)->acquire(true);
    ASSERT_TRUE(conn.ok());
    const bool lite = (*conn)->dialect() == sql::Dialect::kSqlite;
    if (lite) {
      ASSERT_TRUE((*conn)->exec("INSERT INTO leads_fts (leads_fts) VALUES ('delete-all')").ok());
    }
    ASSERT_TRUE((*conn)->exec("DELETE FROM lead_search").ok());
    ASSERT_TRUE((*conn)->exec("INSERT INTO search_backfill (entity, done_id, upto_id) VALUES ('lead', 0, ?)",
                              {b}).ok());
  }
  EXPECT_TRUE(found("奶").empty());
  auto v = store_->migrate();
  ASSERT_TRUE(v.ok()) << v.status().to_string();
  EXPECT_EQ(found("奶"), (std::set<int64_t>{a, b}));
  EXPECT_EQ(found("奶粉"), (std::set<int64_t>{a}));
  int64_t c = put("M-3", "150404", "", "奶粉");  // new leads index as before
  EXPECT_EQ(found("奶粉"), (std::set<int64_t>{a, c}));
}

TEST_P(SearchTest, CasesAndEnterprisesAreSearchedToo) {
  using Ids = std::set<int64_t>;
  auto enterprises = [&](const std::string& q) {
    EnterpriseQuery eq;
    eq.q = q;
    eq.limit = 500;
    auto page = store_->list_enterprises(eq);
    EXPECT_TRUE(page.ok()) << page.status().to_string();
    Ids ids;
    if (page.ok())
      for (const auto& e : page->items) ids.insert(e.id);
    return ids;
  };
  auto cases = [&](const std::string& q, const Actor& who) {
    CaseQuery cq;
    cq.q = q;
    cq.limit = 500;
    auto page = store_->list_cases(who, cq);
    EXPECT_TRUE(page.ok()) << page.status().to_string();
    Ids ids;
    if (page.ok())
      for (const auto& c : page->items) ids.insert(c.id);
    return ids;
  };
  Enterprise e1;
  e1.name = "赤峰市丰收化肥有限公司";
  e1.former_names = "赤峰丰收农资厂";
  e1.uscc = "91150404MA0N000001";
  e1.region_code = "150404";
  auto one = store_->upsert_enterprise(kRegion, e1);
  ASSERT_TRUE(one.ok()) << one.status().to_string();
  Enterprise e2 = e1, e3 = e1;
  e2.name = "红山区电线电缆经营部";
  e2.former_names.clear();
  e2.uscc.clear();
  e3.name = "松山区化肥门市部";
  e3.former_names.clear();
  e3.uscc.clear();
  auto batch = store_->upsert_enterprises(kRegion, {e2, e3});
  ASSERT_TRUE(batch.ok()) << batch.status().to_string();
  const int64_t a = one->id, b = (*batch)[0].id, c = (*batch)[1].id;
  EXPECT_EQ(enterprises("化肥"), (Ids{a, c}));
  EXPECT_EQ(enterprises("农资"), (Ids{a}));  // former names
  EXPECT_EQ(enterprises("缆"), (Ids{b}));
  EXPECT_EQ(enterprises("ma0n"), (Ids{a}));  // the USCC, case folded
  EXPECT_EQ(enterprises("化肥 门市"), (Ids{c}));

  int64_t l1 = put("C-1", "150404", "复合肥", "有效含量不足");
  int64_t l2 = put("C-2", "150402", "电线", "电线电缆截面积不足");
  Case d1;
  d1.title = "销售不合格复合肥案";
  d1.summary = "某农资店销售有效含量不足的复合肥";
  auto c1 = store_->open_case(kRegion, l1, d1);
  ASSERT_TRUE(c1.ok()) << c1.status().to_string();
  Case d2;
  d2.title = "生产不合格电线电缆案";
  auto c2 = store_->open_case(kRegion, l2, d2);
  ASSERT_TRUE(c2.ok()) << c2.status().to_string();
  EXPECT_EQ(cases("不合格", kRegion), (Ids{c1->id, c2->id}));
  EXPECT_EQ(cases("农资", kRegion), (Ids{c1->id}));        // summary
  EXPECT_EQ(cases(c2->case_no, kRegion), (Ids{c2->id}));  // case number
  EXPECT_EQ(cases("不合格", kSongshan), (Ids{c1->id}));    // scope still applies
}

INSTANTIATE_TEST_SUITE_P(Backends, SearchTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lj
