// /healthz, /api/v1/openapi.json and /api/v1/audit.
#include "api/app.hpp"
#include "api/errors.hpp"
#include "api/input.hpp"
#include "auth/policy.hpp"
#include "model/json.hpp"

namespace lj::api {
namespace {

Result<http::Response> healthz(Context& ctx) {
  Status db = ctx.app.store().ping();
  if (!db.ok()) return json_response(503, Json{{"status", "unavailable"}, {"database", db.message()}});
  return ok_json(Json{{"status", "ok"}});
}

Result<http::Response> openapi(Context&) {
  http::Response r;
  r.body = openapi_document();
  r.headers.emplace_back("Access-Control-Allow-Origin", "*");
  return r;
}

// The audit log keeps records as they were, personal data included; roles without need see
// it masked, as in the records themselves.
void mask_personal_fields(Json& j) {
  if (!j.is_object()) return;
  if (auto it = j.find("reporter_name"); it != j.end() && it->is_string())
    *it = mask_name(it->get<std::string>());
  if (auto it = j.find("reporter_phone"); it != j.end() && it->is_string())
    *it = mask_phone(it->get<std::string>());
}

Result<http::Response> list_audit(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kReadAudit));
  AuditQuery q;
  q.entity = query_string(ctx.req, "entity");
  q.entity_id = query_string(ctx.req, "entity_id");
  q.cursor = query_string(ctx.req, "cursor");
  LJ_ASSIGN_OR_RETURN(q.limit, query_int(ctx.req, "limit", 50, 1, 500));
  LJ_ASSIGN_OR_RETURN(auto page, ctx.app.store().list_audit(ctx.actor, q));
  const bool personal = allowed(ctx.actor.role, Permission::kSeePersonalData);
  Json items = Json::array();
  for (auto& a : page.items) {
    if (!personal) {
      mask_personal_fields(a.before);
      mask_personal_fields(a.after);
    }
    items.push_back(to_json(a));
  }
  return ok_json(page_json(std::move(items), page.next_cursor));
}

}  // namespace

void add_system_routes(Router& r) {
  r.add("GET", "/healthz", healthz, false);
  r.add("GET", "/api/v1/openapi.json", openapi, false);
  r.add("GET", "/api/v1/audit", list_audit);
}

}  // namespace lj::api
