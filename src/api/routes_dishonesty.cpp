// The serious-dishonesty list (严重违法失信名单, docs/dishonesty.md) over HTTP:
//   GET  /api/v1/dishonesty/rules                     periods, grounds and their legal sources
//   GET  /api/v1/dishonesty/current                   partner read API: current listings in the
//                                                     caller's scope (an API token is required)
//   GET  /api/v1/dishonesty                           listings of the caller's units (?status,
//                                                     uscc, name, limit, skip)
//   POST /api/v1/dishonesty                           propose {case_id, reason}
//   GET  /api/v1/dishonesty/{id}                      one listing with its steps
//   POST /api/v1/dishonesty/{id}/actions/{action}     a step of the workflow (body: its fields)
//   GET  /api/public/v1/dishonesty                    public, unauthenticated: current listings,
//                                                     published fields only
// Scope is in SQL (a listing outside the caller's subtree answers 404); roles are checked by
// the workflow (cases/dishonesty.hpp).
#include <algorithm>

#include "api/app.hpp"
#include "api/errors.hpp"
#include "api/input.hpp"
#include "auth/policy.hpp"
#include "cases/dishonesty.hpp"
#include "core/clock.hpp"
#include "model/json.hpp"

namespace lj::api {
namespace {

Result<const cases::DishonestyRules*> rules_of(Context& ctx) {
  const auto& r = ctx.app.config().dishonesty;
  if (!r) return Status{Code::kUnavailable, "the dishonesty rules are not loaded on this server"};
  if (!ctx.app.config().calendar)
    return Status{Code::kUnavailable, "the working-day calendar is not loaded on this server"};
  return r.get();
}

std::string today(Context& ctx) {
  return format_time(ctx.app.clock().now()).substr(0, 10);
}

Result<DishonestyQuery> query_of(Context& ctx, int max_limit) {
  DishonestyQuery q;
  q.status = query_string(ctx.req, "status");
  static const std::vector<std::string> statuses = {"proposed",          "notified", "objected",
                                                    "answered",          "listed",   "not_listed",
                                                    "removal_requested", "removed"};
  if (!q.status.empty() && std::find(statuses.begin(), statuses.end(), q.status) == statuses.end())
    return Status::Invalid("status", "no listing status '" + q.status + "'");
  q.uscc = query_string(ctx.req, "uscc");
  if (q.uscc.size() > 18) return Status::Invalid("uscc", "a USCC has 18 characters");
  q.name = query_string(ctx.req, "name");
  if (q.name.size() > 200) return Status::Invalid("name", "name may have at most 200 bytes");
  LJ_ASSIGN_OR_RETURN(q.limit, query_int(ctx.req, "limit", 100, 1, max_limit));
  LJ_ASSIGN_OR_RETURN(q.skip, query_int(ctx.req, "skip", 0, 0, 1000000));
  return q;
}

Json page(const std::vector<DishonestyListing>& items, int64_t total, const DishonestyQuery& q,
          bool published) {
  Json out = Json::array();
  for (const auto& l : items) out.push_back(published ? to_public_json(l) : to_json(l));
  return Json{
      {"items", out},
      {"total", total},
      {"limit", q.limit},
      {"skip", q.skip},
      {"truncated", static_cast<int64_t>(q.skip) + static_cast<int64_t>(items.size()) < total}};
}

Result<http::Response> get_rules(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(const cases::DishonestyRules* rules, rules_of(ctx));
  Json out = rules->to_json();
  Json actions = Json::array();
  for (const auto& a : cases::dishonesty_actions()) {
    Json roles = Json::array();
    for (Role r : a.roles) roles.push_back(role_name(r));
    actions.push_back(Json{{"action", a.action},
                           {"name_zh", a.name_zh},
                           {"from", a.from},
                           {"to", a.to == "@decided" ? "answered | not_listed" : a.to},
                           {"roles", roles},
                           {"fields", a.fields}});
  }
  out["actions"] = actions;
  return ok_json(out);
}

Result<http::Response> list(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kReadRecords));
  LJ_ASSIGN_OR_RETURN(DishonestyQuery q, query_of(ctx, 500));
  if (const std::string c = query_string(ctx.req, "case_id"); !c.empty()) {
    LJ_ASSIGN_OR_RETURN(q.case_id, parse_id(c, "case_id"));
  }
  DishonestyRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(auto got, repo.list(ctx.actor, q));
  return ok_json(page(got.first, got.second, q, false));
}

Result<http::Response> propose(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(const cases::DishonestyRules* rules, rules_of(ctx));
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(Json body, json_object(ctx.req, {"case_id", "reason"}));
  LJ_ASSIGN_OR_RETURN(auto case_id, opt_int(body, "case_id"));
  if (!case_id || *case_id <= 0) return Status::Invalid("case_id", "case_id is required");
  LJ_ASSIGN_OR_RETURN(std::string reason, req_string(body, "reason", 4000));
  DishonestyRepo repo(ctx.app.store().sql());
  const Role role = ctx.actor.role;
  LJ_ASSIGN_OR_RETURN(
      DishonestyListing l,
      repo.propose(ctx.actor, *case_id,
                   [&](const Case& c, const Json* facts, const std::vector<Enterprise>& ents,
                       const std::string& authority) {
                     return cases::proposal(*rules, c, facts, ents, authority, reason, role);
                   }));
  return ok_json(to_json(l), 201);
}

Result<http::Response> get_one(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  DishonestyRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(DishonestyListing l, repo.get(ctx.actor, id));
  return ok_json(to_json(l));
}

Result<http::Response> act(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(const cases::DishonestyRules* rules, rules_of(ctx));
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  Json fields = Json::object();
  if (!ctx.req.body.empty()) {
    if (ctx.req.body.size() > 64 * 1024)
      return Status{Code::kPayloadTooLarge, "a step's body may have at most 64 KiB", "body"};
    fields = Json::parse(ctx.req.body, nullptr, false);
    if (fields.is_discarded()) return Status::Invalid("body", "the body is not valid JSON");
    if (!fields.is_object()) return Status::Invalid("body", "the body must be a JSON object");
  }
  std::optional<int64_t> version;
  if (fields.contains("version")) {
    LJ_ASSIGN_OR_RETURN(version, opt_int(fields, "version"));
    fields.erase("version");
  }
  const std::string action = ctx.param("action");
  const std::string day = today(ctx);
  const calendar::WorkCalendar& cal = *ctx.app.config().calendar;
  DishonestyRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(
      DishonestyListing l,
      repo.apply(ctx.actor, id, version, action, [&](const DishonestyListing& before) {
        return cases::dishonesty_step(*rules, cal, before, action, ctx.actor.role,
                                      ctx.actor.username, fields, day);
      }));
  return ok_json(to_json(l));
}

// Joint-punishment partners: systems holding an API token (any role; an analyst's token of the
// region reads the whole province). A browser session is refused: this is a system interface.
Result<http::Response> partner_current(Context& ctx) {
  if (ctx.actor.via != "token")
    return Status::Forbidden("the partner API is read with an API token (Authorization: Bearer)");
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kReadRecords));
  LJ_ASSIGN_OR_RETURN(DishonestyQuery q, query_of(ctx, 1000));
  if (!q.status.empty()) return Status::Invalid("status", "the current list takes no status");
  DishonestyRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(auto got, repo.current(&ctx.actor, q));
  Json items = Json::array();
  for (const auto& l : got.first) {
    Json j = to_public_json(l);
    j["id"] = l.id;
    j["case_no"] = l.case_no;
    j["unit_code"] = l.unit_code;
    j["status"] = l.status;
    items.push_back(std::move(j));
  }
  Json out = page(got.first, got.second, q, true);
  out["items"] = items;
  return ok_json(out);
}

Result<http::Response> public_list(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(DishonestyQuery q, query_of(ctx, 100));
  if (!q.status.empty()) return Status::Invalid("status", "the public list takes no status");
  DishonestyRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(auto got, repo.current(nullptr, q));
  return ok_json(page(got.first, got.second, q, true));
}

}  // namespace

void add_dishonesty_routes(Router& r) {
  // The literal paths first: the router takes the first pattern that matches.
  r.add("GET", "/api/v1/dishonesty/rules", get_rules);
  r.add("GET", "/api/v1/dishonesty/current", partner_current);
  r.add("GET", "/api/v1/dishonesty", list);
  r.add("POST", "/api/v1/dishonesty", propose);
  r.add("GET", "/api/v1/dishonesty/{id}", get_one);
  r.add("POST", "/api/v1/dishonesty/{id}/actions/{action}", act);
  r.add("GET", "/api/public/v1/dishonesty", public_list, false);
}

}  // namespace lj::api
