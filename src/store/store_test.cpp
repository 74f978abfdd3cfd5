// The shared Store suite: every test runs on SQLite and on PostgreSQL.
#include "store/store_test_fixture.hpp"

namespace lj {
namespace {

using namespace store_testing;  // NOLINT(google-build-using-namespace)

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

INSTANTIATE_TEST_SUITE_P(Backends, StoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace lj
