// Supervision (督办) over HTTP.
//   POST /api/v1/cases/{id}/supervisions          open: {level, deadline_on, report_interval_days,
//   instructions} GET  /api/v1/cases/{id}/supervisions          the case's supervision thread with
//   its reports GET  /api/v1/supervisions?role=&state=        supervising | supervised; open |
//   overdue | closed GET  /api/v1/supervisions/{id} POST /api/v1/supervisions/{id}/reports {text}:
//   a progress report by the case's unit POST /api/v1/supervisions/{id}/close {conclusion}: by the
//   supervising unit
// Overdue reports are escalated (escalated_at, a timeline event) when any of these routes runs
// after the due day has passed.
#include "api/app.hpp"
#include "api/errors.hpp"
#include "api/input.hpp"
#include "auth/policy.hpp"
#include "cases/supervision.hpp"
#include "core/clock.hpp"
#include "model/json.hpp"

namespace lj::api {
namespace {

Result<const calendar::WorkCalendar*> calendar_of(Context& ctx) {
  if (!ctx.app.config().calendar)
    return Status{Code::kUnavailable, "the working-day calendar is not loaded on this server"};
  return ctx.app.config().calendar.get();
}

std::string today(Context& ctx) {
  return format_time(ctx.app.clock().now()).substr(0, 10);
}

// Supervision is casework: administrators have no part in it.
Status require_caseworker(const Actor& actor) {
  if (actor.role == Role::kAdmin)
    return Status::Forbidden("the role 'admin' has no part in supervision");
  return Status::Ok();
}

// Escalates what fell overdue before answering, so every list shows the current flags.
Result<SupervisionRepo> repo_of(Context& ctx) {
  LJ_RETURN_IF_ERROR(require_caseworker(ctx.actor));
  SupervisionRepo repo(ctx.app.store().sql());
  LJ_RETURN_IF_ERROR(repo.escalate_overdue(today(ctx)).status());
  return repo;
}

Result<http::Response> open_supervision(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(const calendar::WorkCalendar* cal, calendar_of(ctx));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Json body, json_object(ctx.req, {"level", "deadline_on",
                                                       "report_interval_days", "instructions"}));
  LJ_ASSIGN_OR_RETURN(SupervisionDraft draft, cases::supervision_draft(*cal, body, today(ctx)));
  LJ_ASSIGN_OR_RETURN(SupervisionRepo repo, repo_of(ctx));
  LJ_ASSIGN_OR_RETURN(Supervision s, repo.open(ctx.actor, id, draft));
  return ok_json(to_json(s, today(ctx)), 201);
}

Result<http::Response> case_supervisions(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(SupervisionRepo repo, repo_of(ctx));
  LJ_ASSIGN_OR_RETURN(auto list, repo.of_case(ctx.actor, id));
  Json items = Json::array();
  for (const auto& s : list) items.push_back(to_json(s, today(ctx)));
  return ok_json(Json{{"items", items}});
}

Result<http::Response> list_supervisions(Context& ctx) {
  SupervisionQuery q;
  q.role = query_string(ctx.req, "role");
  if (!q.role.empty() && q.role != "supervising" && q.role != "supervised")
    return Status::Invalid("role", "role must be supervising or supervised");
  q.state = query_string(ctx.req, "state");
  if (!q.state.empty() && q.state != "open" && q.state != "overdue" && q.state != "closed")
    return Status::Invalid("state", "state must be open, overdue or closed");
  q.today = today(ctx);
  LJ_ASSIGN_OR_RETURN(q.limit, query_int(ctx.req, "limit", 200, 1, 1000));
  LJ_ASSIGN_OR_RETURN(SupervisionRepo repo, repo_of(ctx));
  LJ_ASSIGN_OR_RETURN(auto list, repo.list(ctx.actor, q));
  Json items = Json::array();
  for (const auto& s : list) items.push_back(to_json(s, q.today));
  return ok_json(Json{{"as_of", q.today}, {"items", items}});
}

Result<http::Response> get_supervision(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(SupervisionRepo repo, repo_of(ctx));
  LJ_ASSIGN_OR_RETURN(Supervision s, repo.get(ctx.actor, id));
  return ok_json(to_json(s, today(ctx)));
}

Result<http::Response> file_report(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(const calendar::WorkCalendar* cal, calendar_of(ctx));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Json body, json_object(ctx.req, {"text"}));
  LJ_ASSIGN_OR_RETURN(std::string text, req_string(body, "text", 20000));
  LJ_ASSIGN_OR_RETURN(SupervisionRepo repo, repo_of(ctx));
  auto next = [&](const Supervision& s, const std::string& day) {
    return cases::next_report_due(*cal, day, s.report_interval_days, s.deadline_on);
  };
  LJ_ASSIGN_OR_RETURN(Supervision s, repo.report(ctx.actor, id, text, next));
  return ok_json(to_json(s, today(ctx)), 201);
}

Result<http::Response> close_supervision(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Json body, json_object(ctx.req, {"conclusion"}));
  LJ_ASSIGN_OR_RETURN(std::string conclusion, req_string(body, "conclusion", 20000));
  LJ_ASSIGN_OR_RETURN(SupervisionRepo repo, repo_of(ctx));
  LJ_ASSIGN_OR_RETURN(Supervision s, repo.close(ctx.actor, id, conclusion));
  return ok_json(to_json(s, today(ctx)));
}

}  // namespace

void add_supervision_routes(Router& r) {
  r.add("POST", "/api/v1/cases/{id}/supervisions", open_supervision);
  r.add("GET", "/api/v1/cases/{id}/supervisions", case_supervisions);
  r.add("GET", "/api/v1/supervisions", list_supervisions);
  r.add("GET", "/api/v1/supervisions/{id}", get_supervision);
  r.add("POST", "/api/v1/supervisions/{id}/reports", file_report);
  r.add("POST", "/api/v1/supervisions/{id}/close", close_supervision);
}

}  // namespace lj::api
