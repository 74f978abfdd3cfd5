// The case procedure over HTTP: its definition, a case's next steps, and taking a step.
//   GET  /api/v1/procedure                      states and transitions (for forms and help)
//   GET  /api/v1/cases/{id}/actions             what the caller may do next on the case
//   POST /api/v1/cases/{id}/actions/{action}    take a step: body = the action's fields
#include "api/app.hpp"
#include "api/errors.hpp"
#include "api/input.hpp"
#include "auth/policy.hpp"
#include "cases/case_actions.hpp"
#include "model/json.hpp"

namespace lj::api {
namespace {

Result<const cases::Procedure*> procedure_of(Context& ctx) {
  const auto& p = ctx.app.config().procedure;
  if (!p) return Status{Code::kUnavailable, "the case procedure is not loaded on this server"};
  return p.get();
}

Result<http::Response> get_procedure(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(const cases::Procedure* p, procedure_of(ctx));
  Json states = Json::array();
  for (const auto& s : p->states())
    states.push_back(Json{{"code", s.code}, {"name_zh", s.name_zh}, {"name_en", s.name_en},
                          {"final", s.final}, {"clock_stopped", s.clock_stopped}});
  Json transitions = Json::array();
  for (const auto& t : p->transitions()) transitions.push_back(cases::to_json(t));
  return ok_json(Json{{"initial", p->initial()}, {"states", states}, {"transitions", transitions}});
}

Result<http::Response> next_actions(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(const cases::Procedure* p, procedure_of(ctx));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  CaseProcedureRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(Json steps, cases::next_steps(repo, *p, ctx.actor, id));
  return ok_json(steps);
}

Result<http::Response> take_action(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(const cases::Procedure* p, procedure_of(ctx));
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  cases::ActionRequest request;
  request.action = ctx.param("action");
  if (!ctx.req.body.empty()) {
    // The fields differ per action: take_action names any the action does not take.
    constexpr size_t kMaxBody = 256 * 1024;
    if (ctx.req.body.size() > kMaxBody)
      return Status{Code::kPayloadTooLarge, "an action's body may have at most 256 KiB", "body"};
    request.fields = Json::parse(ctx.req.body, nullptr, false);
    if (request.fields.is_discarded()) return Status::Invalid("body", "the body is not valid JSON");
    if (!request.fields.is_object()) return Status::Invalid("body", "the body must be a JSON object");
  }
  if (request.fields.contains("version")) {
    LJ_ASSIGN_OR_RETURN(auto v, opt_int(request.fields, "version"));
    request.expected_version = v;
    request.fields.erase("version");
  }
  CaseProcedureRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(auto applied, cases::take_action(repo, *p, ctx.actor, id, request));
  Json out = to_json(applied.c);
  out["progress"] = to_json(applied.progress);
  out["event"] = to_json(applied.event);
  return ok_json(out);
}

}  // namespace

void add_procedure_routes(Router& r) {
  r.add("GET", "/api/v1/procedure", get_procedure);
  r.add("GET", "/api/v1/cases/{id}/actions", next_actions);
  r.add("POST", "/api/v1/cases/{id}/actions/{action}", take_action);
}

}  // namespace lj::api
