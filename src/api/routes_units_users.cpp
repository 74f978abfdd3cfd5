// /api/v1/units, /api/v1/codes, /api/v1/users, /api/v1/tokens.
#include <algorithm>

#include "api/app.hpp"
#include "api/errors.hpp"
#include "api/input.hpp"
#include "auth/policy.hpp"
#include "core/crypto.hpp"
#include "model/json.hpp"

namespace lj::api {
namespace {

Result<http::Response> list_units(Context& ctx) {
  std::string under = query_string(ctx.req, "under");
  auto units = ctx.app.store().list_units(under);
  if (!units.ok() && units.status().code() == Code::kNotFound)
    return Status::Invalid("under", "no unit with code " + under);
  if (!units.ok()) return units.status();
  Json items = Json::array();
  for (const auto& u : *units) items.push_back(to_json(u));
  return ok_json(Json{{"items", items}});
}

Result<http::Response> get_unit(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(Unit u, ctx.app.store().get_unit(ctx.param("code")));
  return ok_json(to_json(u));
}

Result<http::Response> list_codes(Context& ctx) {
  std::string kind = query_string(ctx.req, "kind");
  static const char* kKinds[] = {"special_action", "product_category", "violation", "lead_source",
                                 "lead_status", "case_status"};
  if (!kind.empty() && std::find(std::begin(kKinds), std::end(kKinds), kind) == std::end(kKinds))
    return Status::Invalid("kind", "kind must be one of special_action, product_category, violation, "
                                   "lead_source, lead_status, case_status");
  LJ_ASSIGN_OR_RETURN(auto codes, ctx.app.store().list_codes(kind));
  Json items = Json::array();
  for (const auto& c : codes) items.push_back(to_json(c));
  return ok_json(Json{{"items", items}});
}

Result<http::Response> list_users(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kReadUsers));
  UserQuery q;
  q.unit_code = query_string(ctx.req, "unit");
  q.cursor = query_string(ctx.req, "cursor");
  LJ_ASSIGN_OR_RETURN(q.limit, query_int(ctx.req, "limit", 50, 1, 500));
  LJ_ASSIGN_OR_RETURN(auto page, ctx.app.store().list_users(ctx.actor, q));
  Json items = Json::array();
  for (const auto& u : page.items) items.push_back(to_json(u));
  return ok_json(page_json(std::move(items), page.next_cursor));
}

Result<Role> role_field(const Json& j) {
  LJ_ASSIGN_OR_RETURN(std::string role, req_string(j, "role", 16));
  auto r = parse_role(role);
  if (!r) return Status::Invalid("role", "role must be one of admin, leader, officer, analyst");
  return *r;
}

Status check_username(const std::string& u) {
  if (u.size() < 3 || u.size() > 64) return Status::Invalid("username", "username must have 3 to 64 characters");
  for (unsigned char c : u)
    if (!(std::isalnum(c) || c == '_' || c == '.' || c == '-'))
      return Status::Invalid("username", "username may use letters, digits, '_', '.' and '-' only");
  return Status::Ok();
}

Result<http::Response> create_user(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kManageUsers));
  LJ_ASSIGN_OR_RETURN(Json j, json_object(ctx.req, {"username", "display_name", "unit_code", "role", "password"}));
  User u;
  LJ_ASSIGN_OR_RETURN(u.username, req_string(j, "username", 64));
  LJ_RETURN_IF_ERROR(check_username(u.username));
  LJ_ASSIGN_OR_RETURN(auto display, opt_string(j, "display_name", 100));
  u.display_name = display.value_or(u.username);
  LJ_ASSIGN_OR_RETURN(u.unit_code, req_string(j, "unit_code", 6));
  LJ_ASSIGN_OR_RETURN(u.role, role_field(j));
  LJ_ASSIGN_OR_RETURN(std::string password, req_string(j, "password", 256));
  LJ_RETURN_IF_ERROR(check_password_policy(password, u.username));
  u.must_change_password = true;
  auto created = ctx.app.store().create_user(ctx.actor, u, hash_password(password));
  if (!created.ok() && created.status().code() == Code::kNotFound)
    return Status::Invalid("unit_code", created.status().message());
  if (!created.ok()) return created.status();
  return ok_json(to_json(*created), 201);
}

Result<http::Response> get_user(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  if (id != ctx.actor.user_id) LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kReadUsers));
  LJ_ASSIGN_OR_RETURN(User u, ctx.app.store().get_user(ctx.actor, id));
  return ok_json(to_json(u));
}

Result<http::Response> update_user(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kManageUsers));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Json j, json_object(ctx.req, {"display_name", "unit_code", "role", "active"}));
  LJ_ASSIGN_OR_RETURN(User u, ctx.app.store().get_user(ctx.actor, id));
  LJ_ASSIGN_OR_RETURN(auto display, opt_string(j, "display_name", 100));
  if (display) u.display_name = *display;
  LJ_ASSIGN_OR_RETURN(auto unit, opt_string(j, "unit_code", 6));
  if (unit) u.unit_code = *unit;
  if (j.contains("role")) {
    LJ_ASSIGN_OR_RETURN(u.role, role_field(j));
  }
  LJ_ASSIGN_OR_RETURN(auto active, opt_bool(j, "active"));
  if (active) u.active = *active;
  if (id == ctx.actor.user_id && (!u.active || u.role != Role::kAdmin))
    return Status::Invalid("active", "administrators cannot disable or demote themselves");
  LJ_ASSIGN_OR_RETURN(User after, ctx.app.store().update_user(ctx.actor, id, u));
  return ok_json(to_json(after));
}

Result<http::Response> reset_password(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kManageUsers));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Json j, json_object(ctx.req, {"password"}));
  LJ_ASSIGN_OR_RETURN(std::string password, req_string(j, "password", 256));
  LJ_ASSIGN_OR_RETURN(User u, ctx.app.store().get_user(ctx.actor, id));
  LJ_RETURN_IF_ERROR(check_password_policy(password, u.username));
  LJ_RETURN_IF_ERROR(ctx.app.store().set_password(ctx.actor, id, hash_password(password), true));
  return ok_json(Json{{"ok", true}});
}

Result<http::Response> list_tokens(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kManageUsers));
  LJ_ASSIGN_OR_RETURN(auto tokens, ctx.app.store().list_api_tokens(ctx.actor));
  Json items = Json::array();
  for (const auto& t : tokens) items.push_back(to_json(t));
  return ok_json(Json{{"items", items}});
}

Result<http::Response> create_token(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kManageUsers));
  LJ_ASSIGN_OR_RETURN(Json j, json_object(ctx.req, {"name", "user_id", "expires_at"}));
  LJ_ASSIGN_OR_RETURN(std::string name, req_string(j, "name", 100));
  LJ_ASSIGN_OR_RETURN(auto user_id, opt_int(j, "user_id"));
  if (!user_id) return Status::Invalid("user_id", "user_id is required: the account the system acts as");
  LJ_ASSIGN_OR_RETURN(auto expires, opt_string(j, "expires_at", 40));
  std::string expires_at;
  if (expires) {
    auto t = parse_time(*expires);
    if (!t) return Status::Invalid("expires_at", "expires_at must be an ISO 8601 date or date-time");
    expires_at = format_time(*t);
  }
  auto issued = ctx.app.accounts().issue_token(ctx.actor, *user_id, name, expires_at);
  if (!issued.ok() && issued.status().code() == Code::kNotFound)
    return Status::Invalid("user_id", "no user " + std::to_string(*user_id) + " in your scope");
  if (!issued.ok()) return issued.status();
  Json out = to_json(issued->first);
  out["token"] = issued->second;  // shown once
  return ok_json(out, 201);
}

Result<http::Response> revoke_token(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kManageUsers));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_RETURN_IF_ERROR(ctx.app.store().revoke_api_token(ctx.actor, id, format_time(ctx.app.clock().now())));
  return ok_json(Json{{"ok", true}});
}

}  // namespace

void add_unit_user_routes(Router& r) {
  r.add("GET", "/api/v1/units", list_units);
  r.add("GET", "/api/v1/units/{code}", get_unit);
  r.add("GET", "/api/v1/codes", list_codes);
  r.add("GET", "/api/v1/users", list_users);
  r.add("POST", "/api/v1/users", create_user);
  r.add("GET", "/api/v1/users/{id}", get_user);
  r.add("PATCH", "/api/v1/users/{id}", update_user);
  r.add("POST", "/api/v1/users/{id}/password", reset_password);
  r.add("GET", "/api/v1/tokens", list_tokens);
  r.add("POST", "/api/v1/tokens", create_token);
  r.add("DELETE", "/api/v1/tokens/{id}", revoke_token);
}

}  // namespace lj::api
