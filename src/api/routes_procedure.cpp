// The case procedure over HTTP: its definition, a case's next steps, taking a step, and the
// statutory deadlines.
//   GET  /api/v1/procedure                      states, transitions and deadlines
//   GET  /api/v1/cases/{id}/actions             what the caller may do next on the case
//   POST /api/v1/cases/{id}/actions/{action}    take a step: body = the action's fields
//   GET  /api/v1/cases/{id}/deadlines           the case's periods: due, met, late, overdue
//   GET  /api/v1/deadlines                      running periods in the caller's units
#include <spdlog/spdlog.h>

#include "api/app.hpp"
#include "api/errors.hpp"
#include "api/input.hpp"
#include "auth/policy.hpp"
#include "cases/case_actions.hpp"
#include "core/clock.hpp"
#include "model/json.hpp"

namespace lj::api {
namespace {

Result<const cases::Procedure*> procedure_of(Context& ctx) {
  const auto& p = ctx.app.config().procedure;
  if (!p) return Status{Code::kUnavailable, "the case procedure is not loaded on this server"};
  if (!ctx.app.config().calendar)
    return Status{Code::kUnavailable, "the working-day calendar is not loaded on this server"};
  return p.get();
}

const calendar::WorkCalendar& calendar_of(Context& ctx) { return *ctx.app.config().calendar; }

std::string today(Context& ctx) { return format_time(ctx.app.clock().now()).substr(0, 10); }

Result<http::Response> get_procedure(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(const cases::Procedure* p, procedure_of(ctx));
  Json states = Json::array();
  for (const auto& s : p->states())
    states.push_back(Json{{"code", s.code}, {"name_zh", s.name_zh}, {"name_en", s.name_en},
                          {"final", s.final}, {"clock_stopped", s.clock_stopped}});
  Json transitions = Json::array();
  for (const auto& t : p->transitions()) transitions.push_back(cases::to_json(t));
  Json deadlines = Json::array();
  for (const auto& d : p->deadlines())
    deadlines.push_back(Json{{"kind", d.kind},
                             {"name_zh", d.name_zh},
                             {"starts", d.starts},
                             {"ends", d.ends},
                             {"length", d.length},
                             {"unit", d.hours ? "hours" : d.working_days ? "working_days" : "days"},
                             {"set_by", d.set_by.empty() ? Json(nullptr) : Json(d.set_by)},
                             {"extension", d.extension},
                             {"source", d.source}});
  return ok_json(Json{{"initial", p->initial()},
                      {"states", states},
                      {"transitions", transitions},
                      {"deadlines", deadlines}});
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
  LJ_ASSIGN_OR_RETURN(auto applied,
                      cases::take_action(repo, *p, calendar_of(ctx), ctx.actor, id, request));
  // Derived data (docs/case-facts.md): a failure leaves the step taken; the next one or
  // `lijian flags --refresh` recomputes the flags.
  if (Status st = refresh_case_integrity(ctx.app, ctx.actor, id); !st.ok())
    spdlog::warn("case {}: integrity flags not refreshed: {}", id, st.to_string());
  if (Status st = refresh_case_disclosure(ctx.app, ctx.actor, id); !st.ok())
    spdlog::warn("case {}: publication not refreshed: {}", id, st.to_string());
  Json out = to_json(applied.c);
  out["progress"] = to_json(applied.progress);
  out["event"] = to_json(applied.event);
  return ok_json(out);
}

Result<http::Response> case_deadlines(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(const cases::Procedure* p, procedure_of(ctx));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  CaseProcedureRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(auto list,
                      cases::deadlines_of_case(repo, *p, calendar_of(ctx), ctx.actor, id, today(ctx)));
  Json items = Json::array();
  for (const auto& d : list) items.push_back(cases::to_json(d));
  return ok_json(Json{{"as_of", today(ctx)}, {"items", items}});
}

Result<http::Response> deadlines(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(const cases::Procedure* p, procedure_of(ctx));
  DeadlineQuery q;
  q.unit_code = query_string(ctx.req, "unit");
  q.kind = query_string(ctx.req, "kind");
  if (!q.kind.empty() && !p->deadline(q.kind))
    return Status::Invalid("kind", "no deadline '" + q.kind + "' in the case procedure");
  const std::string mine = query_string(ctx.req, "mine");
  if (mine == "true") q.handler_id = ctx.actor.user_id;
  else if (!mine.empty() && mine != "false") return Status::Invalid("mine", "mine must be true or false");
  LJ_ASSIGN_OR_RETURN(int within, query_int(ctx.req, "within", -1, 0, 3650));
  if (within >= 0) {
    // Due within N working days from today (overdue ones included).
    auto day = calendar::parse_date(today(ctx));
    auto until = calendar_of(ctx).add_working_days(*day, within);
    if (!until.ok()) return Status::Invalid("within", until.status().message());
    q.due_before = calendar::format_date(*until);
  }
  LJ_ASSIGN_OR_RETURN(q.limit, query_int(ctx.req, "limit", 200, 1, 1000));
  CaseProcedureRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(Json list, cases::work_list(repo, *p, calendar_of(ctx), ctx.actor, q, today(ctx)));
  return ok_json(list);
}

}  // namespace

Status refresh_case_deadlines(App& app, const Actor& actor, int64_t case_id) {
  const auto& cfg = app.config();
  if (!cfg.procedure || !cfg.calendar) return Status::Ok();
  CaseProcedureRepo repo(app.store().sql());
  return repo.refresh_deadlines(actor, case_id, cases::deadline_schedule(*cfg.procedure, *cfg.calendar));
}

void add_procedure_routes(Router& r) {
  r.add("GET", "/api/v1/procedure", get_procedure);
  r.add("GET", "/api/v1/cases/{id}/actions", next_actions);
  r.add("POST", "/api/v1/cases/{id}/actions/{action}", take_action);
  r.add("GET", "/api/v1/cases/{id}/deadlines", case_deadlines);
  r.add("GET", "/api/v1/deadlines", deadlines);
}

}  // namespace lj::api
