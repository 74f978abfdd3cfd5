// SqlStore: users, sessions, API tokens and failed-login records.
#include "model/json.hpp"
#include "store/sql/keyset.hpp"
#include "store/sql/sql_store.hpp"

namespace lj {

using sql::Connection;
using sql::Params;
using sql::Rows;

namespace {
constexpr const char* kUserColumns =
    "u.id, u.username, u.display_name, u.unit_code, u.role, u.active, u.is_demo, "
    "u.must_change_password, u.created_at, u.updated_at, u.password_hash";

User user_from_row(const sql::Row& r) {
  User u;
  u.id = r.int64(0);
  u.username = r.text(1);
  u.display_name = r.text(2);
  u.unit_code = r.text(3);
  u.role = parse_role(r.text(4)).value_or(Role::kAnalyst);
  u.active = r.int64(5) != 0;
  u.is_demo = r.int64(6) != 0;
  u.must_change_password = r.int64(7) != 0;
  u.created_at = r.text(8);
  u.updated_at = r.text(9);
  return u;
}

Result<User> load_user(Connection& c, const Actor* scope, int64_t id) {
  Params p{id};
  std::string sql = std::string("SELECT ") + kUserColumns + " FROM users u WHERE u.id = ?";
  if (scope) {
    sql += " AND u.unit_path LIKE ?";
    p.emplace_back(scope->unit_path + "%");
  }
  LJ_ASSIGN_OR_RETURN(Rows rows, c.query(sql, p));
  if (rows.empty()) return Status::NotFound("no user " + std::to_string(id));
  return user_from_row(rows[0]);
}

Session session_from_row(const sql::Row& r) {
  return Session{r.text(0), r.int64(1), r.text(2), r.text(3), r.text(4), r.text(5)};
}

constexpr const char* kTokenColumns =
    "id, name, user_id, token_hash, prefix, created_at, expires_at, revoked_at, last_used_at";
ApiToken token_from_row(const sql::Row& r) {
  return ApiToken{r.int64(0), r.text(1), r.int64(2), r.text(3), r.text(4),
                  r.text(5),  r.text(6), r.text(7),  r.text(8)};
}
}  // namespace

Result<User> SqlStore::create_user(const Actor& actor, const User& user,
                                   const std::string& password_hash) {
  Result<User> out = Status::Internal("not run");
  Status st = write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Unit unit, load_unit(c, user.unit_code));
    if (unit.path.rfind(actor.unit_path, 0) != 0)
      return Status::NotFound("no unit with code " + user.unit_code + " in your scope");
    std::string t = now();
    Result<Rows> rows = c.query(
        "INSERT INTO users (username, display_name, unit_code, unit_path, role, password_hash, "
        "active, is_demo, must_change_password, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        {user.username, user.display_name.empty() ? user.username : user.display_name,
         user.unit_code, unit.path, std::string(role_name(user.role)), password_hash,
         int64_t{user.active}, int64_t{user.is_demo}, int64_t{user.must_change_password}, t, t});
    if (!rows.ok()) {
      if (rows.status().code() == Code::kConflict)
        return Status::Conflict("username '" + user.username + "' is taken", "username");
      return rows.status();
    }
    LJ_ASSIGN_OR_RETURN(User created, load_user(c, nullptr, rows->at(0).int64(0)));
    out = created;
    return audit(c, actor, "create", "user", std::to_string(created.id), nullptr, to_json(created));
  });
  if (!st.ok()) return st;
  return out;
}

Result<User> SqlStore::get_user(const Actor& actor, int64_t id) {
  Result<User> out = Status::Internal("not run");
  Status st = read([&](Connection& c) {
    out = load_user(c, &actor, id);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<User> SqlStore::get_user_unscoped(int64_t id) {
  Result<User> out = Status::Internal("not run");
  Status st = read([&](Connection& c) {
    out = load_user(c, nullptr, id);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Page<User>> SqlStore::list_users(const Actor& actor, const UserQuery& q) {
  LJ_ASSIGN_OR_RETURN(auto k, sql::parse_keyset("id", {{"id", "id"}}, q.cursor, q.limit));
  Page<User> page;
  Status st = read([&](Connection& c) -> Status {
    Params p{actor.unit_path + "%"};
    std::string where = " WHERE u.unit_path LIKE ?";
    if (!q.unit_code.empty()) {
      auto unit = load_unit(c, q.unit_code);
      if (!unit.ok()) return Status::Invalid("unit", "no unit with code " + q.unit_code);
      where += " AND u.unit_path LIKE ?";
      p.emplace_back(unit->path + "%");
    }
    where += sql::keyset_where(k, "u", p);
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(std::string("SELECT ") + kUserColumns + " FROM users u" +
                                               where + sql::keyset_order(k, "u"), p));
    for (const auto& r : rows) page.items.push_back(user_from_row(r));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  sql::finish_page(k, page.items, page.next_cursor, [](const User&) { return std::string(); });
  return page;
}

Result<User> SqlStore::update_user(const Actor& actor, int64_t id, const User& changed) {
  Result<User> out = Status::Internal("not run");
  Status st = write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(User before, load_user(c, &actor, id));
    LJ_ASSIGN_OR_RETURN(Unit unit, load_unit(c, changed.unit_code));
    if (unit.path.rfind(actor.unit_path, 0) != 0)
      return Status::Invalid("unit_code", "no unit with code " + changed.unit_code + " in your scope");
    LJ_RETURN_IF_ERROR(c.exec(
        "UPDATE users SET display_name = ?, unit_code = ?, unit_path = ?, role = ?, active = ?, updated_at = ? WHERE id = ?",
        {changed.display_name, changed.unit_code, unit.path, std::string(role_name(changed.role)),
         int64_t{changed.active}, now(), id}));
    LJ_ASSIGN_OR_RETURN(User after, load_user(c, nullptr, id));
    out = after;
    if (!after.active) LJ_RETURN_IF_ERROR(c.exec("DELETE FROM sessions WHERE user_id = ?", {id}));
    return audit(c, actor, "update", "user", std::to_string(id), to_json(before), to_json(after));
  });
  if (!st.ok()) return st;
  return out;
}

Status SqlStore::set_password(const Actor& actor, int64_t user_id, const std::string& hash,
                              bool must_change) {
  return write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(User u, load_user(c, &actor, user_id));
    LJ_RETURN_IF_ERROR(c.exec(
        "UPDATE users SET password_hash = ?, must_change_password = ?, updated_at = ? WHERE id = ?",
        {hash, int64_t{must_change}, now(), user_id}));
    // A new password ends every other session of the user.
    LJ_RETURN_IF_ERROR(c.exec("DELETE FROM sessions WHERE user_id = ?", {user_id}));
    return audit(c, actor, "set_password", "user", std::to_string(user_id), nullptr,
                 Json{{"username", u.username}, {"must_change_password", must_change}});
  });
}

Result<int64_t> SqlStore::count_users() {
  int64_t n = 0;
  Status st = read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query("SELECT COUNT(*) FROM users"));
    n = rows.at(0).int64(0);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return n;
}

Result<std::pair<User, std::string>> SqlStore::find_login(const std::string& username) {
  Result<std::pair<User, std::string>> out = Status::NotFound("no such user");
  Status st = read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(std::string("SELECT ") + kUserColumns +
                                               " FROM users u WHERE u.username = ?", {username}));
    if (!rows.empty()) out = std::make_pair(user_from_row(rows[0]), rows[0].text(10));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Status SqlStore::create_session(const Session& s) {
  return write([&](Connection& c) {
    return c.exec("INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?)",
                  {s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at, s.last_seen_at});
  });
}

Result<Store::SessionUser> SqlStore::get_session_user(const std::string& token_hash) {
  Result<SessionUser> out = Status::NotFound("no session");
  Status st = read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(
        std::string("SELECT ") + kUserColumns +
            ", s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at, s.last_seen_at, "
            "n.code, n.name, n.parent_code, n.level, n.path "
            "FROM sessions s JOIN users u ON u.id = s.user_id JOIN units n ON n.code = u.unit_code "
            "WHERE s.token_hash = ?",
        {token_hash}));
    if (rows.empty()) return Status::Ok();
    const auto& r = rows[0];
    out = SessionUser{Session{r.text(11), r.int64(12), r.text(13), r.text(14), r.text(15), r.text(16)},
                      user_from_row(r), Unit{r.text(17), r.text(18), r.text(19), r.text(20), r.text(21)}};
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Session> SqlStore::get_session(const std::string& token_hash) {
  Result<Session> out = Status::NotFound("no session");
  Status st = read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query("SELECT token_hash, user_id, csrf_token, created_at, expires_at, last_seen_at FROM sessions WHERE token_hash = ?",
                                           {token_hash}));
    if (!rows.empty()) out = session_from_row(rows[0]);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Status SqlStore::touch_session(const std::string& token_hash, const std::string& at) {
  return write([&](Connection& c) {
    return c.exec("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", {at, token_hash});
  });
}

Status SqlStore::delete_session(const std::string& token_hash) {
  return write([&](Connection& c) {
    return c.exec("DELETE FROM sessions WHERE token_hash = ?", {token_hash});
  });
}

Result<int64_t> SqlStore::delete_expired_sessions(const std::string& at) {
  int64_t n = 0;
  Status st = write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query("DELETE FROM sessions WHERE expires_at < ? RETURNING token_hash", {at}));
    n = static_cast<int64_t>(rows.size());
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return n;
}

Result<ApiToken> SqlStore::create_api_token(const Actor& actor, const ApiToken& t) {
  Result<ApiToken> out = Status::Internal("not run");
  Status st = write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(User owner, load_user(c, &actor, t.user_id));
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(
        "INSERT INTO api_tokens (name, user_id, token_hash, prefix, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        {t.name, owner.id, t.token_hash, t.prefix, now(), sql::text_or_null(t.expires_at)}));
    LJ_ASSIGN_OR_RETURN(Rows created, c.query(std::string("SELECT ") + kTokenColumns + " FROM api_tokens WHERE id = ?",
                                              {rows.at(0).int64(0)}));
    out = token_from_row(created.at(0));
    return audit(c, actor, "create", "api_token", std::to_string(out->id), nullptr, to_json(*out));
  });
  if (!st.ok()) return st;
  return out;
}

Result<ApiToken> SqlStore::find_api_token(const std::string& token_hash) {
  Result<ApiToken> out = Status::NotFound("no token");
  Status st = read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(std::string("SELECT ") + kTokenColumns + " FROM api_tokens WHERE token_hash = ?",
                                           {token_hash}));
    if (!rows.empty()) out = token_from_row(rows[0]);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<ApiToken>> SqlStore::list_api_tokens(const Actor& actor) {
  std::vector<ApiToken> out;
  Status st = read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(
        "SELECT t.id, t.name, t.user_id, t.token_hash, t.prefix, t.created_at, t.expires_at, t.revoked_at, t.last_used_at "
        "FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE u.unit_path LIKE ? ORDER BY t.id",
        {actor.unit_path + "%"}));
    for (const auto& r : rows) out.push_back(token_from_row(r));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Status SqlStore::revoke_api_token(const Actor& actor, int64_t id, const std::string& at) {
  return write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(
        "SELECT t.id, t.name, t.user_id, t.token_hash, t.prefix, t.created_at, t.expires_at, t.revoked_at, t.last_used_at "
        "FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.id = ? AND u.unit_path LIKE ?",
        {id, actor.unit_path + "%"}));
    if (rows.empty()) return Status::NotFound("no API token " + std::to_string(id));
    ApiToken before = token_from_row(rows[0]);
    if (!before.revoked_at.empty()) return Status::Ok();
    LJ_RETURN_IF_ERROR(c.exec("UPDATE api_tokens SET revoked_at = ? WHERE id = ?", {at, id}));
    ApiToken after = before;
    after.revoked_at = at;
    return audit(c, actor, "revoke", "api_token", std::to_string(id), to_json(before), to_json(after));
  });
}

Status SqlStore::touch_api_token(int64_t id, const std::string& at) {
  return write([&](Connection& c) {
    return c.exec("UPDATE api_tokens SET last_used_at = ? WHERE id = ?", {at, id});
  });
}

Status SqlStore::record_login_failure(const std::string& key, int64_t at) {
  return write([&](Connection& c) {
    return c.exec("INSERT INTO login_failures (key, at) VALUES (?, ?)", {key, at});
  });
}

Result<int64_t> SqlStore::count_login_failures(const std::string& key, int64_t since) {
  int64_t n = 0;
  Status st = read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query("SELECT COUNT(*) FROM login_failures WHERE key = ? AND at >= ?", {key, since}));
    n = rows.at(0).int64(0);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return n;
}

Result<int64_t> SqlStore::prune_login_failures(int64_t before) {
  int64_t n = 0;
  Status st = write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query("DELETE FROM login_failures WHERE at < ? RETURNING id", {before}));
    n = static_cast<int64_t>(rows.size());
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return n;
}

Status SqlStore::clear_login_failures(const std::string& key) {
  return write([&](Connection& c) { return c.exec("DELETE FROM login_failures WHERE key = ?", {key}); });
}

}  // namespace lj
