// /api/v1/auth: login, logout, the current user, changing one's password.
#include "api/app.hpp"
#include "api/errors.hpp"
#include "api/input.hpp"
#include "model/json.hpp"

namespace lj::api {
namespace {

std::string session_cookie(const App& app, const std::string& value, int64_t max_age) {
  std::string c = std::string(kSessionCookie) + "=" + value +
                  "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
  if (app.config().secure_cookie) c += "; Secure";
  return c;
}

Json me_json(const User& user, const Unit& unit, const std::string& csrf) {
  Json u = to_json(user);
  u["unit"] = to_json(unit);
  return Json{{"csrf_token", csrf}, {"user", u}};
}

Result<http::Response> login(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(Json j, json_object(ctx.req, {"username", "password"}));
  LJ_ASSIGN_OR_RETURN(std::string username, req_string(j, "username", 64));
  LJ_ASSIGN_OR_RETURN(std::string password, req_string(j, "password", 256));
  LJ_ASSIGN_OR_RETURN(LoginResult r, ctx.app.accounts().login(username, password, ctx.app.client_address(ctx.req),
                                                              ctx.req.request_id));
  http::Response resp = json_response(200, me_json(r.user, r.unit, r.session.csrf_token));
  resp.headers.emplace_back("Set-Cookie", session_cookie(ctx.app, r.session_token,
                                                         ctx.app.config().auth.session_ttl_seconds));
  return resp;
}

Result<http::Response> logout(Context& ctx) {
  LJ_RETURN_IF_ERROR(ctx.app.accounts().logout(ctx.req.cookie(kSessionCookie)));
  http::Response resp = json_response(200, Json{{"ok", true}});
  resp.headers.emplace_back("Set-Cookie", session_cookie(ctx.app, "", 0));
  return resp;
}

Result<http::Response> me(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(User user, ctx.app.store().get_user(ctx.actor, ctx.actor.user_id));
  LJ_ASSIGN_OR_RETURN(Unit unit, ctx.app.store().get_unit(user.unit_code));
  return ok_json(me_json(user, unit, ctx.csrf_token));
}

Result<http::Response> change_password(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(Json j, json_object(ctx.req, {"old_password", "new_password"}));
  LJ_ASSIGN_OR_RETURN(std::string old_pw, req_string(j, "old_password", 256));
  LJ_ASSIGN_OR_RETURN(std::string new_pw, req_string(j, "new_password", 256));
  LJ_RETURN_IF_ERROR(ctx.app.accounts().change_password(ctx.actor, old_pw, new_pw));
  return ok_json(Json{{"ok", true}, {"message", "password changed; log in again"}});
}

}  // namespace

void add_auth_routes(Router& r) {
  r.add("POST", "/api/v1/auth/login", login, false);
  r.add("POST", "/api/v1/auth/logout", logout);
  r.add("GET", "/api/v1/auth/me", me);
  r.add("POST", "/api/v1/auth/password", change_password);
}

}  // namespace lj::api
