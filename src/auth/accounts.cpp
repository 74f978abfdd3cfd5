#include "auth/accounts.hpp"


#include "core/crypto.hpp"
#include "model/actor.hpp"

namespace lj {
namespace {
// A fixed argon2id hash to verify against when the user does not exist, so that timing does not
// tell whether a username is taken.
const std::string& dummy_hash() {
  static const std::string h = hash_password("lijian-dummy-password-for-timing");
  return h;
}
}  // namespace

Result<Actor> Accounts::actor_for(const User& user, const std::string& via) {
  LJ_ASSIGN_OR_RETURN(Unit unit, store_.get_unit(user.unit_code));
  return make_actor(user, unit, via);
}

Result<LoginResult> Accounts::login(const std::string& username, const std::string& password,
                                    const std::string& remote_addr, const std::string& request_id) {
  const int64_t now = clock_.now();
  const int64_t since = now - cfg_.throttle_window_seconds;
  const std::string user_key = "user:" + username;
  const std::string addr_key = "addr:" + remote_addr;
  LJ_ASSIGN_OR_RETURN(int64_t user_failures, store_.count_login_failures(user_key, since));
  LJ_ASSIGN_OR_RETURN(int64_t addr_failures, store_.count_login_failures(addr_key, since));
  if (user_failures >= cfg_.max_failures_per_user || addr_failures >= cfg_.max_failures_per_address)
    return Status{Code::kRateLimited, "too many failed logins; try again in " +
                                          std::to_string(cfg_.throttle_window_seconds / 60) + " minutes"};
  auto found = store_.find_login(username);
  bool ok = false;
  if (found.ok()) ok = verify_password(found->second, password) && found->first.active;
  else verify_password(dummy_hash(), password);
  if (!ok) {
    LJ_RETURN_IF_ERROR(store_.record_login_failure(user_key, now));
    LJ_RETURN_IF_ERROR(store_.record_login_failure(addr_key, now));
    return Status{Code::kUnauthenticated, "wrong username or password"};
  }
  LJ_RETURN_IF_ERROR(store_.clear_login_failures(user_key));
  LoginResult out;
  out.user = found->first;
  LJ_ASSIGN_OR_RETURN(out.unit, store_.get_unit(out.user.unit_code));
  out.session_token = random_token(32);
  out.session.token_hash = sha256_hex(out.session_token);
  out.session.user_id = out.user.id;
  out.session.csrf_token = random_token(24);
  out.session.created_at = format_time(now);
  out.session.last_seen_at = out.session.created_at;
  out.session.expires_at = format_time(now + cfg_.session_ttl_seconds);
  LJ_RETURN_IF_ERROR(store_.create_session(out.session));
  (void)request_id;
  return out;
}

Status Accounts::logout(const std::string& session_token) {
  if (session_token.empty()) return Status::Ok();
  return store_.delete_session(sha256_hex(session_token));
}

Result<Accounts::SessionAuth> Accounts::authenticate_session(const std::string& token) {
  const Status kNoSession{Code::kUnauthenticated, "not logged in, or the session has expired"};
  if (token.empty() || token.size() > 100) return kNoSession;
  const std::string hash = sha256_hex(token);
  auto found = store_.get_session_user(hash);
  if (!found.ok()) return found.status().code() == Code::kNotFound ? kNoSession : found.status();
  const Session* s = &found->session;
  const int64_t now = clock_.now();
  const auto expires = parse_time(s->expires_at);
  const auto seen = parse_time(s->last_seen_at);
  if (!expires || !seen || *expires <= now || *seen + cfg_.session_idle_seconds <= now) {
    (void)store_.delete_session(hash);
    return kNoSession;
  }
  const User& user = found->user;
  if (!user.active) return kNoSession;
  // Refresh the idle clock at most once a minute, so reads do not each become a write.
  if (now - *seen >= 60) LJ_RETURN_IF_ERROR(store_.touch_session(hash, format_time(now)));
  return SessionAuth{make_actor(user, found->unit, "session"), s->csrf_token,
                     user.must_change_password};
}

Result<Actor> Accounts::authenticate_token(const std::string& bearer) {
  const Status kBad{Code::kUnauthenticated, "the API token is unknown, revoked or expired"};
  if (bearer.empty() || bearer.size() > 200) return kBad;
  auto t = store_.find_api_token(sha256_hex(bearer));
  if (!t.ok()) return t.status().code() == Code::kNotFound ? kBad : t.status();
  const int64_t now = clock_.now();
  if (!t->revoked_at.empty()) return kBad;
  if (!t->expires_at.empty()) {
    auto exp = parse_time(t->expires_at);
    if (!exp || *exp <= now) return kBad;
  }
  auto user = store_.get_user_unscoped(t->user_id);
  if (!user.ok() || !user->active) return kBad;
  auto last = parse_time(t->last_used_at);
  if (!last || now - *last >= 60) LJ_RETURN_IF_ERROR(store_.touch_api_token(t->id, format_time(now)));
  return actor_for(*user, "token");
}

Result<std::pair<ApiToken, std::string>> Accounts::issue_token(const Actor& actor, int64_t user_id,
                                                                const std::string& name,
                                                                const std::string& expires_at) {
  std::string secret = "lj_" + random_token(32);
  ApiToken t;
  t.name = name;
  t.user_id = user_id;
  t.token_hash = sha256_hex(secret);
  t.prefix = secret.substr(0, 8);
  t.expires_at = expires_at;
  LJ_ASSIGN_OR_RETURN(ApiToken created, store_.create_api_token(actor, t));
  return std::make_pair(created, secret);
}

Status Accounts::change_password(const Actor& actor, const std::string& old_password,
                                 const std::string& new_password) {
  LJ_ASSIGN_OR_RETURN(auto found, store_.find_login(actor.username));
  if (!verify_password(found.second, old_password))
    return Status::Invalid("old_password", "the current password is wrong");
  Status policy = check_password_policy(new_password, actor.username);
  if (!policy.ok()) return Status::Invalid("new_password", policy.message());
  return store_.set_password(actor, actor.user_id, hash_password(new_password), false);
}

Result<std::optional<std::pair<User, std::string>>> ensure_first_admin(Store& store,
                                                                       const std::string& unit_code) {
  LJ_ASSIGN_OR_RETURN(int64_t users, store.count_users());
  if (users > 0) return std::optional<std::pair<User, std::string>>();
  User admin;
  admin.username = "admin";
  admin.display_name = "系统管理员";
  admin.unit_code = unit_code;
  admin.role = Role::kAdmin;
  admin.must_change_password = true;
  std::string password = random_password();
  LJ_ASSIGN_OR_RETURN(User created,
                      store.create_user(Actor::system("first-start"), admin, hash_password(password)));
  return std::optional<std::pair<User, std::string>>(std::make_pair(created, password));
}

}  // namespace lj
