// Entity resolution in the store, on both backends: linking, the review queue, scope and the
// grouping of leads into matters.
#include "store/sql/resolve_repo.hpp"

#include "store/store_test_fixture.hpp"
#include "text/identifiers.hpp"

namespace lj {
namespace {

using namespace store_testing;  // NOLINT(google-build-using-namespace)

class ResolveRepoTest : public StoreTest {
 protected:
  void SetUp() override {
    StoreTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    uscc_ = std::string("91150404MA0N12345");
    uscc_ += text::uscc_check_char(uscc_);
    jinsui_ =
        add_enterprise("内蒙古金穗化肥有限责任公司", "赤峰市松山区建设路88号", "150404", uscc_);
    jinhe_ = add_enterprise("金禾化肥有限公司", "赤峰市松山区红旗街12号", "150404", "");
    lvyuan_ = add_enterprise("绿源种业有限公司", "赤峰市红山区昭乌达路1号", "150402", "");
  }

  int64_t add_enterprise(const std::string& name, const std::string& address,
                         const std::string& region, const std::string& uscc) {
    Enterprise e;
    e.name = name;
    e.address = address;
    e.region_code = region;
    e.uscc = uscc;
    auto r = store_->upsert_enterprise(Actor::system("test"), e);
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    return r->id;
  }

  ResolveRepo repo() {
    auto r = ResolveRepo::open(*store_, resolve::Options{});
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    return std::move(*r);
  }

  // A lead about `name` stored by `who` and resolved.
  int64_t lead_about(const Actor& who, const std::string& id, const std::string& name,
                     const std::string& address = "", const std::string& region = "",
                     const std::string& received = "2018-04-02T10:00:00+08:00") {
    Lead l = make_lead(id, who.unit_code, received);
    l.enterprise_name = name;
    l.enterprise_address = address;
    l.region_code = region;
    auto up = store_->insert_lead(who, l);
    EXPECT_TRUE(up.ok()) << up.status().to_string();
    auto s = repo().resolve_leads(who, {up->id});
    EXPECT_TRUE(s.ok()) << s.status().to_string();
    return up->id;
  }

  std::string state_of(int64_t lead) {
    auto m = repo().get_match(kRegion, lead);
    EXPECT_TRUE(m.ok()) << m.status().to_string();
    return (*m)["state"];
  }

  std::string uscc_;
  int64_t jinsui_ = 0, jinhe_ = 0, lvyuan_ = 0;
};

TEST_P(ResolveRepoTest, ExactUsccLinksWithScoreOne) {
  Lead l = make_lead("U-1", "150404", "2018-04-02T10:00:00+08:00");
  l.enterprise_uscc = uscc_;
  l.enterprise_name = "完全不同的名字";
  auto up = store_->insert_lead(kSongshan, l);
  ASSERT_TRUE(up.ok());
  auto s = repo().resolve_leads(kSongshan, {up->id});
  ASSERT_TRUE(s.ok()) << s.status().to_string();
  EXPECT_EQ(s->linked, 1);
  EXPECT_EQ(s->indexed, 3);
  auto m = repo().get_match(kSongshan, up->id);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ((*m)["state"], "linked");
  EXPECT_EQ((*m)["method"], "uscc");
  EXPECT_EQ((*m)["score"], 1.0);
  EXPECT_EQ((*m)["candidates"][0]["reasons"][0]["factor"], "uscc");
  auto lead = store_->get_lead(kSongshan, up->id);
  ASSERT_TRUE(lead.ok());
  EXPECT_EQ(lead->enterprise_id, jinsui_);
  EXPECT_EQ(lead->version, 2);
  // Audited, chain intact.
  bool linked_entry = false;
  ASSERT_TRUE(store_
                  ->scan_audit([&](const AuditEntry& e) {
                    linked_entry = linked_entry ||
                                   (e.action == "link" && e.entity_id == std::to_string(up->id));
                    return true;
                  })
                  .ok());
  EXPECT_TRUE(linked_entry);
  AuditVerdict v = verify_audit_chain([&](const auto& visit) { return store_->scan_audit(visit); });
  EXPECT_TRUE(v.intact) << v.reason;
}

TEST_P(ResolveRepoTest, NameVariantLinksAutomatically) {
  const int64_t id =
      lead_about(kSongshan, "N-1", "金穗化肥厂（赤峰）", "赤峰市松山区建设路88号", "150404");
  auto m = repo().get_match(kSongshan, id);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ((*m)["state"], "linked");
  EXPECT_EQ((*m)["method"], "name");
  EXPECT_EQ((*m)["enterprise_id"], jinsui_);
  EXPECT_EQ((*m)["candidates"][0]["reasons"].size(), 3u);
  EXPECT_EQ(store_->get_lead(kSongshan, id)->enterprise_id, jinsui_);
}

TEST_P(ResolveRepoTest, UncertainMatchGoesToTheScopedQueueAndIsConfirmed) {
  // Same core, no address, a region in another league: between the thresholds.
  const int64_t id = lead_about(kSongshan, "Q-1", "赤峰金穗化肥", "", "150102");
  EXPECT_EQ(state_of(id), "review");
  auto mine = repo().list_matches(kSongshan, ReviewQuery{});
  ASSERT_TRUE(mine.ok()) << mine.status().to_string();
  ASSERT_EQ(mine->items.size(), 1u);
  EXPECT_EQ(mine->items[0]["lead"]["id"], id);
  const Json& top = mine->items[0]["candidates"][0];
  EXPECT_EQ(top["enterprise_id"], jinsui_);
  EXPECT_GE(top["score"].get<double>(), 0.6);
  EXPECT_LT(top["score"].get<double>(), 0.85);
  EXPECT_EQ(repo().list_matches(kLeague, ReviewQuery{})->items.size(), 1u);
  // A sibling county sees no queue item and cannot decide it.
  EXPECT_TRUE(repo().list_matches(kHongshan, ReviewQuery{})->items.empty());
  EXPECT_EQ(repo().get_match(kHongshan, id).status().code(), Code::kNotFound);
  EXPECT_EQ(repo().confirm(kHongshan, id, jinsui_).status().code(), Code::kNotFound);
  // Only a candidate may be confirmed.
  auto wrong = repo().confirm(kSongshan, id, lvyuan_);
  EXPECT_EQ(wrong.status().code(), Code::kInvalidArgument);
  EXPECT_EQ(wrong.status().field(), "enterprise_id");
  auto ok = repo().confirm(kSongshan, id, jinsui_);
  ASSERT_TRUE(ok.ok()) << ok.status().to_string();
  EXPECT_EQ((*ok)["state"], "confirmed");
  EXPECT_EQ((*ok)["decided_by"], kSongshan.user_id);
  EXPECT_EQ(store_->get_lead(kSongshan, id)->enterprise_id, jinsui_);
  EXPECT_TRUE(repo().list_matches(kSongshan, ReviewQuery{})->items.empty());
  EXPECT_EQ(repo().confirm(kSongshan, id, jinsui_).status().code(), Code::kConflict);
  // A later run leaves the decision alone.
  ASSERT_TRUE(repo().resolve_pending(Actor::system("test"), true).ok());
  EXPECT_EQ(state_of(id), "confirmed");
  bool audited = false;
  ASSERT_TRUE(store_
                  ->scan_audit([&](const AuditEntry& e) {
                    audited = audited ||
                              (e.action == "confirm_match" && e.after["enterprise_id"] == jinsui_);
                    return true;
                  })
                  .ok());
  EXPECT_TRUE(audited);
}

TEST_P(ResolveRepoTest, RejectOneCandidateThenAll) {
  const int64_t id = lead_about(kSongshan, "R-1", "金穗化肥", "", "150102");
  auto m = repo().get_match(kSongshan, id);
  ASSERT_TRUE(m.ok());
  ASSERT_EQ((*m)["state"], "review");
  const size_t candidates = (*m)["candidates"].size();
  auto one = repo().reject(kSongshan, id, jinsui_);
  ASSERT_TRUE(one.ok()) << one.status().to_string();
  EXPECT_EQ((*one)["state"], candidates > 1 ? "review" : "rejected");
  EXPECT_EQ((*one)["candidates"][0]["rejected"], true);
  EXPECT_EQ(repo().confirm(kSongshan, id, jinsui_).status().code(),
            candidates > 1 ? Code::kInvalidArgument : Code::kConflict);
  if (candidates > 1) {
    auto all = repo().reject(kSongshan, id, std::nullopt);
    ASSERT_TRUE(all.ok());
    EXPECT_EQ((*all)["state"], "rejected");
  }
  EXPECT_EQ(store_->get_lead(kSongshan, id)->enterprise_id, std::nullopt);
  EXPECT_EQ(repo().reject(kSongshan, id, std::nullopt).status().code(), Code::kConflict);
}

TEST_P(ResolveRepoTest, UnmatchedLeadsLinkAfterTheRegistryGrows) {
  const int64_t id =
      lead_about(kSongshan, "L-1", "草原明珠乳业有限公司", "赤峰市松山区学院路5号", "150404");
  EXPECT_EQ(state_of(id), "unmatched");
  add_enterprise("赤峰草原明珠乳业有限责任公司", "内蒙古自治区赤峰市松山区学院路5号", "150404", "");
  auto pending = repo().resolve_pending(Actor::system("test"), false);
  ASSERT_TRUE(pending.ok());
  EXPECT_EQ(pending->leads, 0);
  EXPECT_EQ(pending->indexed, 1);
  auto all = repo().resolve_pending(Actor::system("test"), true);
  ASSERT_TRUE(all.ok()) << all.status().to_string();
  EXPECT_EQ(all->leads, 1);
  EXPECT_EQ(all->linked, 1);
  EXPECT_EQ(state_of(id), "linked");
}

TEST_P(ResolveRepoTest, LeadsOfOneMatterGroupWithinTheWindow) {
  const std::string name = "赤峰某某农资商行";  // not in the registry: grouped by name core
  const int64_t a = lead_about(kSongshan, "G-1", name, "", "", "2018-04-02T09:00:00+08:00");
  const int64_t b = lead_about(kSongshan, "G-2", "某某农资店", "", "", "2018-07-01T23:00:00+08:00");
  const int64_t c = lead_about(kSongshan, "G-3", name, "", "", "2018-07-02T08:00:00+08:00");
  auto ga = repo().get_group(kSongshan, b);
  ASSERT_TRUE(ga.ok()) << ga.status().to_string();
  EXPECT_EQ((*ga)["group_id"], a);  // 90 days after the first: same matter
  EXPECT_EQ((*ga)["size"], 2);
  EXPECT_EQ((*ga)["members"].size(), 2u);
  EXPECT_EQ((*ga)["members"][0]["primary"], true);
  EXPECT_EQ((*repo().get_group(kSongshan, c))["group_id"], c);  // 91 days: its own
  // One row per matter in the lead list.
  LeadQuery q;
  q.grouped = true;
  auto page = store_->list_leads(kSongshan, q);
  ASSERT_TRUE(page.ok());
  std::set<int64_t> ids;
  for (const auto& l : page->items) ids.insert(l.id);
  EXPECT_EQ(ids, (std::set<int64_t>{a, c}));
  auto info = repo().group_info({a, b, c});
  ASSERT_TRUE(info.ok());
  EXPECT_EQ((*info)[a].size, 2);
  EXPECT_EQ((*info)[b].group_id, a);
  EXPECT_EQ((*info)[c].size, 1);
  // An earlier lead arriving later becomes the primary; the matters are drawn again as if the
  // leads had come in order: b is now 93 days after the first and starts a matter with c.
  const int64_t early = lead_about(kSongshan, "G-0", name, "", "", "2018-03-30T10:00:00+08:00");
  EXPECT_EQ((*repo().get_group(kSongshan, a))["group_id"], early);
  EXPECT_EQ((*repo().get_group(kSongshan, b))["group_id"], b);
  EXPECT_EQ((*repo().get_group(kSongshan, c))["group_id"], b);
}

TEST_P(ResolveRepoTest, ChangedViolationsRedrawTheMatter) {
  const int64_t a =
      lead_about(kSongshan, "P-1", "某某农资商行", "", "", "2018-04-02T10:00:00+08:00");
  const int64_t b =
      lead_about(kSongshan, "P-2", "某某农资商行", "", "", "2018-04-05T10:00:00+08:00");
  EXPECT_EQ((*repo().get_group(kSongshan, b))["group_id"], a);
  LeadPatch patch;
  patch.violations = std::vector<std::string>{"counterfeit_trademark"};
  ASSERT_TRUE(store_->update_lead(kSongshan, b, patch).ok());
  ASSERT_TRUE(repo().regroup_lead(kSongshan, b).ok());
  EXPECT_EQ((*repo().get_group(kSongshan, b))["group_id"], b);
  EXPECT_EQ((*repo().get_group(kSongshan, a))["size"], 1);
  EXPECT_EQ(repo().regroup_lead(kHongshan, b).code(), Code::kNotFound);
}

TEST_P(ResolveRepoTest, OtherCategoryOrViolationIsAnotherMatter) {
  const int64_t a = lead_about(kSongshan, "V-1", "某某农资商行");
  Lead l = make_lead("V-2", "150404", "2018-04-03T10:00:00+08:00");
  l.enterprise_name = "某某农资商行";
  l.violations = {"counterfeit_trademark"};
  auto up = store_->insert_lead(kSongshan, l);
  ASSERT_TRUE(up.ok());
  l.source_id = "V-3";
  l.violations = {"insufficient_content"};
  l.product_category = "agri_film";
  auto up3 = store_->insert_lead(kSongshan, l);
  ASSERT_TRUE(up3.ok());
  ASSERT_TRUE(repo().resolve_leads(kSongshan, {up->id, up3->id}).ok());
  EXPECT_EQ((*repo().get_group(kSongshan, up->id))["group_id"], up->id);
  EXPECT_EQ((*repo().get_group(kSongshan, up3->id))["group_id"], up3->id);
  EXPECT_EQ((*repo().get_group(kSongshan, a))["size"], 1);
}

TEST_P(ResolveRepoTest, GroupsAcrossUnitsKeepEachUnitsRows) {
  const int64_t first =
      lead_about(kSongshan, "X-1", "某某农资商行", "", "", "2018-04-02T10:00:00+08:00");
  const int64_t second =
      lead_about(kHongshan, "X-2", "某某农资商行", "", "", "2018-04-05T10:00:00+08:00");
  EXPECT_EQ((*repo().get_group(kLeague, second))["group_id"], first);
  // Hongshan cannot see the primary: its own lead stays in its grouped list.
  LeadQuery q;
  q.grouped = true;
  auto hong = store_->list_leads(kHongshan, q);
  ASSERT_TRUE(hong.ok());
  ASSERT_EQ(hong->items.size(), 1u);
  EXPECT_EQ(hong->items[0].id, second);
  auto g = repo().get_group(kHongshan, second);
  ASSERT_TRUE(g.ok());
  EXPECT_EQ((*g)["size"], 2);
  EXPECT_EQ((*g)["members"].size(), 1u);
  EXPECT_EQ((*g)["hidden_members"], 1);
  EXPECT_EQ(repo().get_group(kHongshan, first).status().code(), Code::kNotFound);
  auto league = store_->list_leads(kLeague, q);
  ASSERT_TRUE(league.ok());
  ASSERT_EQ(league->items.size(), 1u);
  EXPECT_EQ(league->items[0].id, first);
}

TEST_P(ResolveRepoTest, ListFiltersAndCursor) {
  lead_about(kSongshan, "F-1", "金穗化肥", "", "150102");
  lead_about(kSongshan, "F-2", "赤峰金穗化肥", "", "150102");
  ReviewQuery q;
  q.limit = 1;
  auto p1 = repo().list_matches(kRegion, q);
  ASSERT_TRUE(p1.ok());
  ASSERT_EQ(p1->items.size(), 1u);
  ASSERT_FALSE(p1->next_cursor.empty());
  q.cursor = p1->next_cursor;
  auto p2 = repo().list_matches(kRegion, q);
  ASSERT_TRUE(p2.ok());
  ASSERT_EQ(p2->items.size(), 1u);
  EXPECT_NE(p2->items[0]["lead_id"], p1->items[0]["lead_id"]);
  q = ReviewQuery{};
  q.min_score = 0.99;
  EXPECT_TRUE(repo().list_matches(kRegion, q)->items.empty());
  q = ReviewQuery{};
  q.cursor = "abc";
  EXPECT_EQ(repo().list_matches(kRegion, q).status().field(), "cursor");
  q = ReviewQuery{};
  q.unit_code = "150402";
  EXPECT_TRUE(repo().list_matches(kRegion, q)->items.empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, ResolveRepoTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lj
