// SqlStore: opening, migrations, transactions, the audit chain and the reference data.
#include "store/sql/sql_store.hpp"

#include "model/audit.hpp"
#include "model/json.hpp"
#include "store/sql/keyset.hpp"
#include "store/sql/migrations.hpp"
#include "store/sql/search.hpp"

namespace lj {

using sql::Connection;
using sql::Params;
using sql::Rows;

Result<std::unique_ptr<Store>> open_store(const std::string& url, int pool_size, const Clock& clock) {
  LJ_ASSIGN_OR_RETURN(auto db, sql::open_database(url, pool_size));
  return std::unique_ptr<Store>(new SqlStore(std::move(db), clock));
}

SqlStore::SqlStore(std::unique_ptr<sql::Database> db, const Clock& clock)
    : db_(std::move(db)), clock_(clock) {}

Status SqlStore::write(const Body& body) {
  LJ_ASSIGN_OR_RETURN(auto conn, db_->acquire(true));
  return sql::in_transaction(*conn, true, [&] { return body(*conn); });
}

Status SqlStore::read(const Body& body) {
  LJ_ASSIGN_OR_RETURN(auto conn, db_->acquire(false));
  return body(*conn);
}

Result<int> SqlStore::migrate() {
  auto list = db_->dialect() == sql::Dialect::kSqlite ? sql::sqlite_migrations()
                                                      : sql::postgres_migrations();
  int version = 0;
  {
    LJ_ASSIGN_OR_RETURN(auto conn, db_->acquire(true));
    LJ_ASSIGN_OR_RETURN(version, sql::apply_migrations(*conn, list, now()));
  }
  // Leads stored before the search migration get their tokens now (takes the write connection).
  if (version >= 2) LJ_RETURN_IF_ERROR(sql::backfill_search(*db_).status());
  return version;
}

Result<int> SqlStore::schema_version() {
  LJ_ASSIGN_OR_RETURN(auto conn, db_->acquire(false));
  return sql::current_version(*conn);
}

Status SqlStore::ping() {
  return read([](Connection& c) { return c.query("SELECT 1").status(); });
}

std::string scope_predicate(const Actor& actor, const char* entity, const char* alias,
                            Params& params) {
  const std::string a = alias;
  params.emplace_back(actor.unit_path + "%");
  params.emplace_back(std::string(entity));
  params.emplace_back(actor.unit_code);
  return "(" + a + ".unit_path LIKE ? OR " + a +
         ".id IN (SELECT entity_id FROM shares WHERE entity = ? AND unit_code = ?))";
}

// ---- audit

namespace {
constexpr const char* kAuditColumns =
    "id, at, actor_id, actor_name, unit_code, action, entity, entity_id, before_state, "
    "after_state, request_id, prev_hash, hash";

AuditEntry audit_from_row(const sql::Row& r) {
  AuditEntry e;
  e.id = r.int64(0);
  e.at = r.text(1);
  e.actor_id = r.int64(2);
  e.actor_name = r.text(3);
  e.unit_code = r.text(4);
  e.action = r.text(5);
  e.entity = r.text(6);
  e.entity_id = r.text(7);
  e.before = r.is_null(8) ? Json(nullptr) : Json::parse(r.text(8), nullptr, false);
  e.after = r.is_null(9) ? Json(nullptr) : Json::parse(r.text(9), nullptr, false);
  e.request_id = r.text(10);
  e.prev_hash = r.text(11);
  e.hash = r.text(12);
  return e;
}
}  // namespace

Status SqlStore::audit(Connection& c, const Actor& actor, const std::string& action,
                       const std::string& entity, const std::string& entity_id, const Json& before,
                       const Json& after) {
  LJ_ASSIGN_OR_RETURN(AuditTail tail, audit_tail(c));
  return append_audit(c, tail, actor, action, entity, entity_id, before, after);
}

Result<SqlStore::AuditTail> SqlStore::audit_tail(Connection& c) {
  LJ_ASSIGN_OR_RETURN(Rows last, c.query("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1"));
  AuditTail tail;
  tail.id = last.empty() ? 0 : last[0].int64(0);
  tail.hash = last.empty() ? kAuditGenesis : last[0].text(1);
  return tail;
}

Status SqlStore::append_audit(Connection& c, AuditTail& tail, const Actor& actor,
                              const std::string& action, const std::string& entity,
                              const std::string& entity_id, Json before, Json after) {
  AuditEntry e;
  e.id = tail.id + 1;
  e.prev_hash = tail.hash;
  e.at = now();
  e.actor_id = actor.user_id;
  e.actor_name = actor.username;
  e.unit_code = actor.unit_code;
  e.action = action;
  e.entity = entity;
  e.entity_id = entity_id;
  e.before = std::move(before);
  e.after = std::move(after);
  e.request_id = actor.request_id;
  // Serialise once: the same text is hashed and stored.
  const std::string before_json = e.before.dump();
  const std::string after_json = e.after.dump();
  e.hash = audit_entry_hash(e, before_json, after_json);
  LJ_RETURN_IF_ERROR(c.exec(
      "INSERT INTO audit_log (id, at, actor_id, actor_name, unit_code, action, entity, entity_id, "
      "before_state, after_state, request_id, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      {e.id, e.at, e.actor_id, e.actor_name, sql::text_or_null(e.unit_code), e.action, e.entity,
       e.entity_id, e.before.is_null() ? sql::null() : sql::Value(before_json),
       e.after.is_null() ? sql::null() : sql::Value(after_json), sql::text_or_null(e.request_id),
       e.prev_hash, e.hash}));
  tail.id = e.id;
  tail.hash = std::move(e.hash);
  return Status::Ok();
}

Status SqlStore::scan_audit(const std::function<bool(const AuditEntry&)>& fn) {
  return read([&](Connection& c) -> Status {
    int64_t after = 0;
    for (;;) {
      LJ_ASSIGN_OR_RETURN(Rows rows, c.query(std::string("SELECT ") + kAuditColumns +
                                                 " FROM audit_log WHERE id > ? ORDER BY id LIMIT 1000",
                                             {after}));
      if (rows.empty()) return Status::Ok();
      for (const auto& r : rows) {
        AuditEntry e = audit_from_row(r);
        after = e.id;
        if (!fn(e)) return Status::Ok();
      }
    }
  });
}

Result<int64_t> SqlStore::change_generation() {
  int64_t generation = 0;
  Status st = read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query("SELECT COALESCE(MAX(id), 0) FROM audit_log"));
    generation = rows.at(0).int64(0);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return generation;
}

Result<Page<AuditEntry>> SqlStore::list_audit(const Actor& actor, const AuditQuery& q) {
  LJ_ASSIGN_OR_RETURN(auto k, sql::parse_keyset("-id", {{"id", "id"}}, q.cursor, q.limit));
  Page<AuditEntry> page;
  Status st = read([&](Connection& c) -> Status {
    Params p;
    // Entries made by units inside the actor's scope, and the system's own entries for the root.
    std::string where = " WHERE (a.unit_code IN (SELECT code FROM units WHERE path LIKE ?)";
    p.emplace_back(actor.unit_path + "%");
    if (actor.unit_path == "/" || actor.unit_path.find('/', 1) == actor.unit_path.size() - 1)
      where += " OR a.unit_code IS NULL";
    where += ")";
    if (!q.entity.empty()) {
      where += " AND a.entity = ?";
      p.emplace_back(q.entity);
    }
    if (!q.entity_id.empty()) {
      where += " AND a.entity_id = ?";
      p.emplace_back(q.entity_id);
    }
    where += sql::keyset_where(k, "a", p);
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(std::string("SELECT ") + kAuditColumns + " FROM audit_log a" +
                                               where + sql::keyset_order(k, "a"),
                                           p));
    for (const auto& r : rows) page.items.push_back(audit_from_row(r));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  sql::finish_page(k, page.items, page.next_cursor, [](const AuditEntry&) { return std::string(); });
  return page;
}

// ---- units and codes

namespace {
Unit unit_from_row(const sql::Row& r) {
  return Unit{r.text(0), r.text(1), r.text(2), r.text(3), r.text(4)};
}
constexpr const char* kUnitColumns = "code, name, parent_code, level, path";
}  // namespace

Status SqlStore::upsert_units(const Actor& actor, const std::vector<Unit>& units) {
  return write([&](Connection& c) -> Status {
    int changed = 0;
    for (const Unit& u : units) {
      LJ_ASSIGN_OR_RETURN(Rows old, c.query(std::string("SELECT ") + kUnitColumns +
                                                " FROM units WHERE code = ?", {u.code}));
      if (!old.empty()) {
        Unit o = unit_from_row(old[0]);
        if (o.name == u.name && o.parent_code == u.parent_code && o.level == u.level &&
            o.path == u.path)
          continue;
        LJ_RETURN_IF_ERROR(c.exec("UPDATE units SET name = ?, parent_code = ?, level = ?, path = ? WHERE code = ?",
                                  {u.name, sql::text_or_null(u.parent_code), u.level, u.path, u.code}));
      } else {
        LJ_RETURN_IF_ERROR(c.exec("INSERT INTO units (code, name, parent_code, level, path) VALUES (?, ?, ?, ?, ?)",
                                  {u.code, u.name, sql::text_or_null(u.parent_code), u.level, u.path}));
      }
      ++changed;
    }
    if (changed == 0) return Status::Ok();
    return audit(c, actor, "import", "units", std::to_string(units.size()), nullptr,
                 Json{{"units_changed", changed}});
  });
}

Result<Unit> SqlStore::load_unit(Connection& c, const std::string& code) {
  LJ_ASSIGN_OR_RETURN(Rows rows, c.query(std::string("SELECT ") + kUnitColumns +
                                             " FROM units WHERE code = ?", {code}));
  if (rows.empty()) return Status::NotFound("no unit with code " + code);
  return unit_from_row(rows[0]);
}

Result<Unit> SqlStore::get_unit(const std::string& code) {
  Result<Unit> out = Status::NotFound("");
  Status st = read([&](Connection& c) {
    out = load_unit(c, code);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<Unit>> SqlStore::list_units(const std::string& under_code) {
  std::vector<Unit> out;
  Status st = read([&](Connection& c) -> Status {
    std::string prefix = "/";
    if (!under_code.empty()) {
      LJ_ASSIGN_OR_RETURN(Unit u, load_unit(c, under_code));
      prefix = u.path;
    }
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(std::string("SELECT ") + kUnitColumns +
                                               " FROM units WHERE path LIKE ? ORDER BY path",
                                           {prefix + "%"}));
    for (const auto& r : rows) out.push_back(unit_from_row(r));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Status SqlStore::upsert_codes(const Actor& actor, const std::vector<CodeEntry>& codes) {
  return write([&](Connection& c) -> Status {
    int changed = 0;
    for (const CodeEntry& e : codes) {
      LJ_ASSIGN_OR_RETURN(Rows old, c.query("SELECT parent, name_zh, name_en, campaign FROM codes WHERE kind = ? AND code = ?",
                                            {e.kind, e.code}));
      if (!old.empty() && old[0].text(0) == e.parent && old[0].text(1) == e.name_zh &&
          old[0].text(2) == e.name_en && old[0].text(3) == e.campaign)
        continue;
      LJ_RETURN_IF_ERROR(c.exec(
          "INSERT INTO codes (kind, code, parent, name_zh, name_en, campaign) VALUES (?, ?, ?, ?, ?, ?) "
          "ON CONFLICT (kind, code) DO UPDATE SET parent = excluded.parent, name_zh = excluded.name_zh, "
          "name_en = excluded.name_en, campaign = excluded.campaign",
          {e.kind, e.code, sql::text_or_null(e.parent), e.name_zh, e.name_en,
           sql::text_or_null(e.campaign)}));
      ++changed;
    }
    if (changed == 0) return Status::Ok();
    return audit(c, actor, "import", "codes", std::to_string(codes.size()), nullptr,
                 Json{{"codes_changed", changed}});
  });
}

Result<std::vector<CodeEntry>> SqlStore::list_codes(const std::string& kind) {
  std::vector<CodeEntry> out;
  Status st = read([&](Connection& c) -> Status {
    Params p;
    std::string sql = "SELECT kind, code, parent, name_zh, name_en, campaign FROM codes";
    if (!kind.empty()) {
      sql += " WHERE kind = ?";
      p.emplace_back(kind);
    }
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(sql + " ORDER BY kind, code", p));
    for (const auto& r : rows)
      out.push_back(CodeEntry{r.text(0), r.text(1), r.text(2), r.text(3), r.text(4), r.text(5)});
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace lj
