// The evaluation of units and its reports over HTTP (docs/evaluation.md):
//   GET  /api/v1/evaluation/scheme           the scheme: indicators, weights, thresholds
//   GET  /api/v1/evaluation?unit=&period=    scores, rankings per level, zero-case and declining
//                                            units of a unit's subtree (scoped)
//   POST /api/v1/evaluation/notifications    {"unit","period"}: produce and store the 通报 draft
//   GET  /api/v1/reports?unit=&kind=&period=&limit=   the stored reports of a unit's subtree
//   POST /api/v1/reports/dispatch            {"unit","month","format"}: produce and store the
//                                            monthly dispatch report (pdf | xlsx)
//   GET  /api/v1/reports/{id}/download       the stored file
// Producing needs the role admin, leader or analyst; reading, any role; units outside the
// caller's subtree answer 400 (unit) in queries and 404 for a report's id.
#include "api/app.hpp"
#include "api/errors.hpp"
#include "api/input.hpp"
#include "documents/evaluation_reports.hpp"
#include "evaluate/period.hpp"
#include "evaluate/scheme.hpp"
#include "model/json.hpp"
#include "store/sql/evaluation_repo.hpp"

namespace lj::api {
namespace {

Result<const evaluate::Scheme*> scheme_of(Context& ctx) {
  const auto& s = ctx.app.config().evaluation_scheme;
  if (!s) return Status{Code::kUnavailable, "the evaluation scheme is not loaded on this server"};
  return s.get();
}

std::string today(Context& ctx) {
  return format_time(ctx.app.clock().now()).substr(0, 10);
}

std::string percent_encode(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

Result<http::Response> get_scheme(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(const evaluate::Scheme* s, scheme_of(ctx));
  return ok_json(s->to_json());
}

Result<http::Response> get_evaluation(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(const evaluate::Scheme* s, scheme_of(ctx));
  const std::string period_text = query_string(ctx.req, "period");
  if (period_text.empty())
    return Status::Invalid("period", "period is required: YYYY-MM, YYYY-Qn, YYYY-Hn or YYYY");
  LJ_ASSIGN_OR_RETURN(evaluate::Period period, evaluate::parse_period(period_text, "period"));
  EvaluationRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(evaluate::Evaluation e,
                      repo.evaluate(ctx.actor, query_string(ctx.req, "unit"), period, *s));
  return ok_json(evaluate::to_json(e, *s));
}

Result<documents::ReportRequest> report_request(Context& ctx, const char* period_field) {
  LJ_ASSIGN_OR_RETURN(Json body, json_object(ctx.req, {"unit", "month", "period", "format"}));
  documents::ReportRequest r;
  LJ_ASSIGN_OR_RETURN(auto unit, opt_string(body, "unit", 12));
  r.unit_code = unit.value_or("");
  LJ_ASSIGN_OR_RETURN(r.period, req_string(body, period_field, 16));
  LJ_ASSIGN_OR_RETURN(auto format, opt_string(body, "format", 8));
  r.format = format.value_or("");
  return r;
}

Result<http::Response> post_notification(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(const evaluate::Scheme* s, scheme_of(ctx));
  LJ_ASSIGN_OR_RETURN(documents::ReportRequest r, report_request(ctx, "period"));
  LJ_ASSIGN_OR_RETURN(
      StoredReport stored,
      documents::produce_notification(ctx.app.store().sql(), ctx.actor, r, *s, today(ctx)));
  return ok_json(to_json(stored), 201);
}

Result<http::Response> post_dispatch(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(const evaluate::Scheme* s, scheme_of(ctx));
  LJ_ASSIGN_OR_RETURN(documents::ReportRequest r, report_request(ctx, "month"));
  if (r.format.empty()) r.format = "pdf";
  LJ_ASSIGN_OR_RETURN(StoredReport stored,
                      documents::produce_dispatch(ctx.app.store().sql(), ctx.actor, r, *s,
                                                  ctx.app.config().hotspots, today(ctx)));
  return ok_json(to_json(stored), 201);
}

Result<http::Response> list_reports(Context& ctx) {
  ReportQuery q;
  q.unit_code = query_string(ctx.req, "unit");
  q.kind = query_string(ctx.req, "kind");
  if (!q.kind.empty() && q.kind != "dispatch" && q.kind != "notification")
    return Status::Invalid("kind", "kind must be dispatch or notification");
  q.period = query_string(ctx.req, "period");
  if (!q.period.empty()) LJ_RETURN_IF_ERROR(evaluate::parse_period(q.period, "period").status());
  LJ_ASSIGN_OR_RETURN(q.limit, query_int(ctx.req, "limit", 100, 1, 1000));
  EvaluationRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(auto list, repo.list_reports(ctx.actor, q));
  Json items = Json::array();
  for (const auto& r : list) items.push_back(to_json(r));
  return ok_json(Json{{"items", items}});
}

Result<http::Response> download_report(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  EvaluationRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(StoredReport r, repo.get_report(ctx.actor, id));
  http::Response resp;
  resp.content_type = r.format == "xlsx"
                          ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                          : "application/pdf";
  resp.headers.emplace_back("Content-Disposition", "attachment; filename*=UTF-8''" +
                                                       percent_encode(r.title + "." + r.format));
  resp.headers.emplace_back("Cache-Control", "no-store");
  resp.body = std::move(r.content);
  return resp;
}

}  // namespace

void add_evaluation_routes(Router& r) {
  r.add("GET", "/api/v1/evaluation/scheme", get_scheme);
  r.add("GET", "/api/v1/evaluation", get_evaluation);
  r.add("POST", "/api/v1/evaluation/notifications", post_notification);
  r.add("GET", "/api/v1/reports", list_reports);
  r.add("POST", "/api/v1/reports/dispatch", post_dispatch);
  r.add("GET", "/api/v1/reports/{id}/download", download_report);
}

}  // namespace lj::api
