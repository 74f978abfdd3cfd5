// The shared Store suite: every test runs on SQLite and on PostgreSQL.
#include "store/store.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "model/audit.hpp"
#include "model/json.hpp"
#include "store/sql/connection.hpp"
#include "store/test_database.hpp"

namespace lj {
namespace {

Actor actor_at(const std::string& code, const std::string& path, Role role = Role::kOfficer,
               int64_t id = 1) {
  Actor a;
  a.user_id = id;
  a.username = "u" + code;
  a.role = role;
  a.unit_code = code;
  a.unit_path = path;
  a.via = "test";
  return a;
}

const Actor kRegion = actor_at("150000", "/150000/", Role::kLeader, 1);
const Actor kLeague = actor_at("150400", "/150000/150400/", Role::kLeader, 2);
const Actor kSongshan = actor_at("150404", "/150000/150400/150404/", Role::kOfficer, 3);
const Actor kHongshan = actor_at("150402", "/150000/150400/150402/", Role::kOfficer, 4);

Lead make_lead(const std::string& source_id, const std::string& unit, const std::string& received) {
  Lead l;
  l.source = "hotline_12365";
  l.source_id = source_id;
  l.received_at = received;
  l.text = "群众举报某农资店销售的复合肥有效含量不足";
  l.unit_code = unit;
  l.product_category = "fertilizer";
  l.special_actions = {"agri_inputs"};
  l.violations = {"insufficient_content"};
  l.reporter_name = "张三";
  l.reporter_phone = "13812345678";
  return l;
}

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TestDatabase>(GetParam());
    if (!db_->available()) GTEST_SKIP() << db_->skip_reason();
    auto s = open_store(db_->url(), 3, clock_);
    ASSERT_TRUE(s.ok()) << s.status().to_string();
    store_ = std::move(*s);
    ASSERT_TRUE(store_->migrate().ok());
    std::vector<Unit> units = {
        {"150000", "内蒙古自治区市场监督管理局", "", "province", "/150000/"},
        {"150400", "赤峰市市场监督管理局", "150000", "city", "/150000/150400/"},
        {"150402", "红山区市场监督管理局", "150400", "county", "/150000/150400/150402/"},
        {"150404", "松山区市场监督管理局", "150400", "county", "/150000/150400/150404/"},
    };
    ASSERT_TRUE(store_->upsert_units(Actor::system("test"), units).ok());
  }

  Lead add_lead(const Actor& who, const std::string& source_id, const std::string& received) {
    auto r = store_->insert_lead(who, make_lead(source_id, who.unit_code, received));
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    auto l = store_->get_lead(who, r->id);
    EXPECT_TRUE(l.ok());
    return *l;
  }

  FixedClock clock_{1525132800};  // 2018-05-01T08:00:00+08:00
  std::unique_ptr<testing::TestDatabase> db_;
  std::unique_ptr<Store> store_;
};

TEST_P(StoreTest, MigrationsAreIdempotent) {
  auto v1 = store_->schema_version();
  auto v2 = store_->migrate();
  ASSERT_TRUE(v1.ok() && v2.ok());
  EXPECT_EQ(*v1, *v2);
  EXPECT_GE(*v1, 1);
}

TEST_P(StoreTest, ABinaryRefusesASchemaNewerThanItKnows) {
  auto raw = sql::open_database(db_->url(), 1);
  ASSERT_TRUE(raw.ok());
  {
    auto conn = (*raw)->acquire(true);
    ASSERT_TRUE((*conn)->exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')").ok());
  }
  auto v = store_->migrate();
  EXPECT_EQ(v.status().code(), Code::kUnavailable);
  EXPECT_NE(v.status().message().find("999"), std::string::npos) << v.status().message();
}

TEST_P(StoreTest, UnitsFormATree) {
  auto all = store_->list_units("");
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->size(), 4u);
  auto league = store_->list_units("150400");
  ASSERT_TRUE(league.ok());
  EXPECT_EQ(league->size(), 3u);
  EXPECT_EQ(store_->get_unit("999999").status().code(), Code::kNotFound);
}

TEST_P(StoreTest, UsersAreUniqueAndScoped) {
  User u;
  u.username = "officer1";
  u.unit_code = "150404";
  u.role = Role::kOfficer;
  auto created = store_->create_user(kRegion, u, "hash");
  ASSERT_TRUE(created.ok()) << created.status().to_string();
  auto dup = store_->create_user(kRegion, u, "hash");
  EXPECT_EQ(dup.status().code(), Code::kConflict);
  EXPECT_EQ(dup.status().field(), "username");
  EXPECT_TRUE(store_->get_user(kLeague, created->id).ok());
  EXPECT_EQ(store_->get_user(kHongshan, created->id).status().code(), Code::kNotFound);
  // A league admin cannot place a user outside its subtree.
  User outside = u;
  outside.username = "outside";
  outside.unit_code = "150000";
  EXPECT_EQ(store_->create_user(kLeague, outside, "hash").status().code(), Code::kNotFound);
  auto login = store_->find_login("officer1");
  ASSERT_TRUE(login.ok());
  EXPECT_EQ(login->second, "hash");
  auto page = store_->list_users(kLeague, {});
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->items.size(), 1u);
}

TEST_P(StoreTest, SessionsAndTokens) {
  User u;
  u.username = "sys12365";
  u.unit_code = "150000";
  auto user = store_->create_user(kRegion, u, "hash");
  ASSERT_TRUE(user.ok());
  Session s{"h1", user->id, "csrf", "2018-05-01T08:00:00+08:00", "2018-05-01T16:00:00+08:00",
            "2018-05-01T08:00:00+08:00"};
  ASSERT_TRUE(store_->create_session(s).ok());
  EXPECT_EQ(store_->get_session("h1")->csrf_token, "csrf");
  auto su = store_->get_session_user("h1");
  ASSERT_TRUE(su.ok()) << su.status().to_string();
  EXPECT_EQ(su->user.username, "sys12365");
  EXPECT_EQ(su->unit.path, "/150000/");
  EXPECT_EQ(su->session.expires_at, "2018-05-01T16:00:00+08:00");
  EXPECT_EQ(store_->get_session_user("nope").status().code(), Code::kNotFound);
  auto removed = store_->delete_expired_sessions("2018-05-02T00:00:00+08:00");
  ASSERT_TRUE(removed.ok());
  EXPECT_EQ(*removed, 1);
  EXPECT_EQ(store_->get_session("h1").status().code(), Code::kNotFound);

  ApiToken t;
  t.name = "12365 platform";
  t.user_id = user->id;
  t.token_hash = "tokhash";
  t.prefix = "lj_abcde";
  auto tok = store_->create_api_token(kRegion, t);
  ASSERT_TRUE(tok.ok()) << tok.status().to_string();
  EXPECT_EQ(store_->find_api_token("tokhash")->id, tok->id);
  EXPECT_EQ(store_->list_api_tokens(kSongshan)->size(), 0u);
  ASSERT_TRUE(store_->revoke_api_token(kRegion, tok->id, "2018-05-01T09:00:00+08:00").ok());
  EXPECT_FALSE(store_->find_api_token("tokhash")->revoked_at.empty());
}

TEST_P(StoreTest, LoginFailuresAreCountedInAWindow) {
  ASSERT_TRUE(store_->record_login_failure("user:x", 100).ok());
  ASSERT_TRUE(store_->record_login_failure("user:x", 200).ok());
  EXPECT_EQ(*store_->count_login_failures("user:x", 150), 1);
  EXPECT_EQ(*store_->count_login_failures("user:x", 0), 2);
  ASSERT_TRUE(store_->record_login_failure("addr:1.2.3.4", 100).ok());
  EXPECT_EQ(*store_->prune_login_failures(150), 2);
  EXPECT_EQ(*store_->count_login_failures("user:x", 0), 1);
  ASSERT_TRUE(store_->clear_login_failures("user:x").ok());
  EXPECT_EQ(*store_->count_login_failures("user:x", 0), 0);
}

TEST_P(StoreTest, EnterprisesUpsertByUscc) {
  Enterprise e;
  e.uscc = "91150404MA0N000001";
  e.name = "赤峰某化肥有限公司";
  auto a = store_->upsert_enterprise(kRegion, e);
  auto b = store_->upsert_enterprise(kRegion, e);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_TRUE(a->created);
  EXPECT_FALSE(b->created);
  EXPECT_EQ(a->id, b->id);
  EnterpriseQuery eq;
  eq.uscc = e.uscc;
  auto page = store_->list_enterprises(eq);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 1u);
  EXPECT_EQ(page->items[0].name, e.name);
}

TEST_P(StoreTest, LeadsAreIdempotentBySourceKey) {
  Lead first = add_lead(kSongshan, "A-1", "2018-04-02T10:00:00+08:00");
  auto again = store_->insert_lead(kSongshan, make_lead("A-1", "150404", "2018-04-03T10:00:00+08:00"));
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(again->created);
  EXPECT_EQ(again->id, first.id);
  EXPECT_EQ(*store_->count_leads(), 1);
  EXPECT_EQ(first.special_actions, std::vector<std::string>{"agri_inputs"});
  EXPECT_EQ(first.reporter_phone, "13812345678");
}

TEST_P(StoreTest, LeadScopeIsEnforcedInQueries) {
  Lead mine = add_lead(kSongshan, "S-1", "2018-04-02T10:00:00+08:00");
  Lead sibling = add_lead(kHongshan, "H-1", "2018-04-02T11:00:00+08:00");
  // own unit, parent units: visible; sibling and child-of-sibling: not found.
  EXPECT_TRUE(store_->get_lead(kSongshan, mine.id).ok());
  EXPECT_TRUE(store_->get_lead(kLeague, mine.id).ok());
  EXPECT_TRUE(store_->get_lead(kRegion, mine.id).ok());
  EXPECT_EQ(store_->get_lead(kHongshan, mine.id).status().code(), Code::kNotFound);
  EXPECT_EQ(store_->get_lead(kSongshan, sibling.id).status().code(), Code::kNotFound);
  // A county cannot see a league's own lead.
  Lead league = add_lead(kLeague, "L-1", "2018-04-02T12:00:00+08:00");
  EXPECT_EQ(store_->get_lead(kSongshan, league.id).status().code(), Code::kNotFound);

  auto list = store_->list_leads(kSongshan, {});
  ASSERT_TRUE(list.ok());
  ASSERT_EQ(list->items.size(), 1u);
  EXPECT_EQ(list->items[0].id, mine.id);
  EXPECT_EQ(store_->list_leads(kLeague, {})->items.size(), 3u);

  LeadPatch patch;
  patch.title = "changed";
  EXPECT_EQ(store_->update_lead(kHongshan, mine.id, patch).status().code(), Code::kNotFound);

  // Sharing makes exactly that record readable, not writable, and nothing else.
  ASSERT_TRUE(store_->share(kSongshan, "lead", mine.id, "150402").ok());
  EXPECT_TRUE(store_->get_lead(kHongshan, mine.id).ok());
  EXPECT_EQ(store_->update_lead(kHongshan, mine.id, patch).status().code(), Code::kForbidden);
  EXPECT_EQ(store_->list_leads(kHongshan, {})->items.size(), 2u);
  EXPECT_EQ(store_->get_lead(kHongshan, league.id).status().code(), Code::kNotFound);
}

TEST_P(StoreTest, LeadUpdatesCheckTheVersion) {
  Lead l = add_lead(kSongshan, "V-1", "2018-04-02T10:00:00+08:00");
  LeadPatch p;
  p.status = "verifying";
  p.expected_version = l.version;
  auto u = store_->update_lead(kSongshan, l.id, p);
  ASSERT_TRUE(u.ok()) << u.status().to_string();
  EXPECT_EQ(u->version, l.version + 1);
  EXPECT_EQ(store_->update_lead(kSongshan, l.id, p).status().code(), Code::kConflict);
  // Reassignment stays inside the actor's subtree.
  LeadPatch move;
  move.unit_code = "150000";
  EXPECT_EQ(store_->update_lead(kLeague, l.id, move).status().code(), Code::kInvalidArgument);
  move.unit_code = "150402";
  auto moved = store_->update_lead(kLeague, l.id, move);
  ASSERT_TRUE(moved.ok());
  EXPECT_EQ(store_->get_lead(kHongshan, l.id)->unit_code, "150402");
  EXPECT_EQ(store_->get_lead(kSongshan, l.id).status().code(), Code::kNotFound);
}

TEST_P(StoreTest, KeysetPagesWalkEveryRowOnce) {
  for (int i = 0; i < 23; ++i) {
    // Pairs of equal timestamps exercise the id tie-breaker.
    char t[40];
    std::snprintf(t, sizeof t, "2018-04-%02dT10:00:00+08:00", 1 + i / 2);
    add_lead(i % 2 ? kSongshan : kHongshan, "K-" + std::to_string(i), t);
  }
  for (std::string sort : {"-received_at", "received_at", "id", "-id", "updated_at"}) {
    LeadQuery q;
    q.sort = sort;
    q.limit = 5;
    std::vector<Lead> seen;
    for (int pages = 0; pages < 10; ++pages) {
      auto page = store_->list_leads(kLeague, q);
      ASSERT_TRUE(page.ok()) << page.status().to_string();
      seen.insert(seen.end(), page->items.begin(), page->items.end());
      if (page->next_cursor.empty()) break;
      q.cursor = page->next_cursor;
    }
    ASSERT_EQ(seen.size(), 23u) << sort;
    std::set<int64_t> ids;
    for (const auto& l : seen) ids.insert(l.id);
    EXPECT_EQ(ids.size(), 23u) << sort;
    for (size_t i = 1; i < seen.size(); ++i) {
      const auto& a = seen[i - 1];
      const auto& b = seen[i];
      bool ordered = true;
      if (sort == "-received_at")
        ordered = a.received_at > b.received_at || (a.received_at == b.received_at && a.id > b.id);
      if (sort == "received_at")
        ordered = a.received_at < b.received_at || (a.received_at == b.received_at && a.id < b.id);
      if (sort == "id") ordered = a.id < b.id;
      if (sort == "-id") ordered = a.id > b.id;
      EXPECT_TRUE(ordered) << sort << " at position " << i;
    }
  }
  LeadQuery bad;
  bad.cursor = "not-a-cursor";
  EXPECT_EQ(store_->list_leads(kLeague, bad).status().field(), "cursor");
  bad.cursor = "";
  bad.sort = "text";
  EXPECT_EQ(store_->list_leads(kLeague, bad).status().field(), "sort");
}

TEST_P(StoreTest, LeadFilters) {
  add_lead(kSongshan, "F-1", "2018-03-01T10:00:00+08:00");
  Lead online = make_lead("F-2", "150404", "2018-06-01T10:00:00+08:00");
  online.source = "ecommerce_monitoring";
  online.channel = "online";
  online.special_actions = {"consumer_goods", "ecommerce"};
  online.product_category = "children_products";
  ASSERT_TRUE(store_->insert_lead(kSongshan, online).ok());
  add_lead(kHongshan, "F-3", "2018-09-01T10:00:00+08:00");
  auto count = [&](auto set) {
    LeadQuery q;
    set(q);
    return store_->list_leads(kRegion, q)->items.size();
  };
  EXPECT_EQ(count([](LeadQuery& q) { q.source = "ecommerce_monitoring"; }), 1u);
  EXPECT_EQ(count([](LeadQuery& q) { q.special_action = "ecommerce"; }), 1u);
  EXPECT_EQ(count([](LeadQuery& q) { q.special_action = "agri_inputs"; }), 2u);
  EXPECT_EQ(count([](LeadQuery& q) { q.product_category = "fertilizer"; }), 2u);
  EXPECT_EQ(count([](LeadQuery& q) { q.channel = "online"; }), 1u);
  EXPECT_EQ(count([](LeadQuery& q) { q.unit_code = "150402"; }), 1u);
  EXPECT_EQ(count([](LeadQuery& q) { q.unit_code = "150400"; }), 3u);
  EXPECT_EQ(count([](LeadQuery& q) { q.received_from = "2018-05-01T00:00:00+08:00"; }), 2u);
  EXPECT_EQ(count([](LeadQuery& q) {
              q.received_from = "2018-05-01T00:00:00+08:00";
              q.received_to = "2018-07-01T00:00:00+08:00";
            }),
            1u);
  EXPECT_EQ(count([](LeadQuery& q) { q.status = "new"; }), 3u);
}

TEST_P(StoreTest, OpeningACaseNumbersItAndClosesTheLead) {
  Lead l = add_lead(kSongshan, "C-1", "2018-04-02T10:00:00+08:00");
  auto c = store_->open_case(kSongshan, l.id, Case{});
  ASSERT_TRUE(c.ok()) << c.status().to_string();
  EXPECT_EQ(c->case_no, "11504041800001");
  EXPECT_EQ(store_->get_lead(kSongshan, l.id)->status, "case_opened");
  EXPECT_EQ(store_->open_case(kSongshan, l.id, Case{}).status().code(), Code::kConflict);
  Lead l2 = add_lead(kSongshan, "C-2", "2018-04-02T10:00:00+08:00");
  EXPECT_EQ(store_->open_case(kSongshan, l2.id, Case{})->case_no, "11504041800002");
  EXPECT_EQ(store_->open_case(kHongshan, l2.id, Case{}).status().code(), Code::kNotFound);

  EXPECT_TRUE(store_->get_case(kLeague, c->id).ok());
  EXPECT_EQ(store_->get_case(kHongshan, c->id).status().code(), Code::kNotFound);
  EXPECT_EQ(store_->list_cases(kHongshan, {})->items.size(), 0u);
  EXPECT_EQ(store_->list_cases(kLeague, {})->items.size(), 2u);

  CaseEvent note;
  note.kind = "note";
  note.note = "现场检查";
  ASSERT_TRUE(store_->add_case_event(kSongshan, c->id, note).ok());
  EXPECT_EQ(store_->add_case_event(kHongshan, c->id, note).status().code(), Code::kNotFound);
  auto tl = store_->case_timeline(kSongshan, c->id);
  ASSERT_TRUE(tl.ok());
  ASSERT_EQ(tl->size(), 2u);
  EXPECT_EQ((*tl)[0].kind, "opened");
  EXPECT_EQ((*tl)[1].note, "现场检查");

  Attachment a;
  a.entity = "case";
  a.entity_id = c->id;
  a.sha256 = std::string(64, 'a');
  a.size = 3;
  a.content_type = "application/pdf";
  a.filename = "立案审批表.pdf";
  auto att = store_->add_attachment(kSongshan, a);
  ASSERT_TRUE(att.ok());
  EXPECT_TRUE(store_->get_attachment(kLeague, att->id).ok());
  EXPECT_EQ(store_->get_attachment(kHongshan, att->id).status().code(), Code::kNotFound);
  EXPECT_EQ(store_->list_attachments(kSongshan, "case", c->id)->size(), 1u);
}

TEST_P(StoreTest, AuditChainDetectsTampering) {
  Lead l = add_lead(kSongshan, "AU-1", "2018-04-02T10:00:00+08:00");
  LeadPatch p;
  p.title = "新标题";
  ASSERT_TRUE(store_->update_lead(kSongshan, l.id, p).ok());
  add_lead(kSongshan, "AU-2", "2018-04-02T10:00:00+08:00");
  auto verdict = [&] {
    return verify_audit_chain([&](const auto& visit) { return store_->scan_audit(visit); });
  };
  AuditVerdict ok = verdict();
  EXPECT_TRUE(ok.intact) << ok.reason;
  EXPECT_GE(ok.entries, 4);

  AuditQuery aq;
  aq.entity = "lead";
  aq.entity_id = std::to_string(l.id);
  auto page = store_->list_audit(kLeague, aq);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[0].before["title"], nullptr);
  EXPECT_EQ(page->items[0].after["title"], "新标题");
  EXPECT_EQ(store_->list_audit(kHongshan, {})->items.size(), 0u);

  // Edit an entry behind the application's back.
  auto raw = sql::open_database(db_->url(), 1);
  ASSERT_TRUE(raw.ok());
  {
    auto conn = (*raw)->acquire(true);
    ASSERT_TRUE((*conn)->exec("UPDATE audit_log SET after_state = ? WHERE id = ?",
                              {std::string("{\"title\":\"forged\"}"), int64_t{3}}).ok());
  }
  AuditVerdict edited = verdict();
  EXPECT_FALSE(edited.intact);
  EXPECT_EQ(edited.first_broken_id, 3);
  {
    auto conn = (*raw)->acquire(true);
    ASSERT_TRUE((*conn)->exec("DELETE FROM audit_log WHERE id = ?", {int64_t{3}}).ok());
  }
  AuditVerdict deleted = verdict();
  EXPECT_FALSE(deleted.intact);
  EXPECT_EQ(deleted.first_broken_id, 4);
}

// ---- batch writes of bulk import (insert_leads, upsert_enterprises)

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

INSTANTIATE_TEST_SUITE_P(Backends, SearchTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lj
