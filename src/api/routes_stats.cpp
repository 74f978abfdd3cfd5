// Statistics over HTTP (docs/statistics.md), read from the roll-ups (store/sql/stats_repo.hpp):
//   GET /api/v1/stats?period=|from=&to=&unit=&group_by=&source=&product_category=
//                     &special_action=&violation=&format=json|csv
//       figures of the unit's subtree (default: the caller's unit) in the period, totals and
//       one row per group (unit: the unit's children; month: every month of the period)
//   GET /api/v1/stats/summary?period=&unit=&format=json|csv|xlsx|pdf
//       the campaign's special summary (专项汇总, data/stats/campaign-summary.json) and the
//       typical cases of the period
// Every role may read statistics; the figures cover only units in the caller's subtree (the
// scope is in the SQL), and a unit outside it answers 404.
#include "api/app.hpp"
#include "api/errors.hpp"
#include "api/input.hpp"
#include "stats/exports.hpp"
#include "stats/period.hpp"
#include "stats/summary.hpp"
#include "store/sql/stats_repo.hpp"

namespace lj::api {
namespace {

Result<stats::Period> period_of(Context& ctx) {
  const std::string period = query_string(ctx.req, "period");
  const std::string from = query_string(ctx.req, "from"), to = query_string(ctx.req, "to");
  if (!period.empty() && (!from.empty() || !to.empty()))
    return Status::Invalid("period", "give either period or from and to, not both");
  if (!from.empty() || !to.empty()) {
    if (from.empty() || to.empty())
      return Status::Invalid(from.empty() ? "from" : "to", "a custom range needs from and to (YYYY-MM)");
    for (const auto& [name, v] : {std::pair{"from", from}, std::pair{"to", to}})
      if (!stats::parse_period(v, name).ok() || v.size() != 7)
        return Status::Invalid(name, std::string(name) + " must be a month YYYY-MM");
    return stats::parse_period(from + ".." + to, "from");
  }
  if (period.empty()) return Status::Invalid("period", "period is required (2018, 2018-H1, 2018-Q2, 2018-05) or from and to");
  return stats::parse_period(period, "period");
}

http::Response file_response(std::string body, const std::string& type, const std::string& name) {
  http::Response resp;
  resp.content_type = type;
  resp.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
  resp.headers.emplace_back("Cache-Control", "no-store");
  resp.body = std::move(body);
  return resp;
}

Result<http::Response> get_stats(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(stats::Period p, period_of(ctx));
  auto vocab = ctx.app.vocabulary();
  StatsQuery q;
  q.from_month = p.from_month;
  q.to_month = p.to_month;
  q.unit_code = query_string(ctx.req, "unit");
  LJ_ASSIGN_OR_RETURN(q.source, query_code(ctx.req, "source", *vocab, "lead_source"));
  LJ_ASSIGN_OR_RETURN(q.product_category,
                      query_code(ctx.req, "product_category", *vocab, "product_category"));
  LJ_ASSIGN_OR_RETURN(q.special_action,
                      query_code(ctx.req, "special_action", *vocab, "special_action"));
  LJ_ASSIGN_OR_RETURN(q.violation, query_code(ctx.req, "violation", *vocab, "violation"));
  q.group_by = query_string(ctx.req, "group_by");
  static const char* kGroups[] = {"", "unit", "month", "source", "product_category",
                                  "special_action", "violation"};
  if (std::find(std::begin(kGroups), std::end(kGroups), q.group_by) == std::end(kGroups))
    return Status::Invalid("group_by", "group_by must be unit, month, source, product_category, "
                                       "special_action or violation");
  const std::string format = query_string(ctx.req, "format");
  if (!format.empty() && format != "json" && format != "csv")
    return Status::Invalid("format", "format must be json or csv");
  StatsRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(StatsAnswer a, repo.query(ctx.actor, q));
  if (format == "csv")
    return file_response(stats::to_csv(a, q.group_by), "text/csv; charset=utf-8",
                         "stats-" + a.unit.code + "-" + p.from_month + "-" + p.to_month + ".csv");
  return ok_json(stats::to_json(a, p, q.group_by));
}

Result<http::Response> get_summary(Context& ctx) {
  const auto& def = ctx.app.config().stats_summary;
  if (!def)
    return Status{Code::kUnavailable, "the campaign summary definition is not loaded on this server"};
  LJ_ASSIGN_OR_RETURN(stats::Period p, period_of(ctx));
  const std::string format = query_string(ctx.req, "format");
  if (!format.empty() && format != "json" && format != "csv" && format != "xlsx" && format != "pdf")
    return Status::Invalid("format", "format must be json, csv, xlsx or pdf");
  StatsRepo repo(ctx.app.store().sql());
  const std::string period_text = query_string(ctx.req, "period").empty()
                                      ? p.from_month + ".." + p.to_month
                                      : query_string(ctx.req, "period");
  LJ_ASSIGN_OR_RETURN(stats::SummaryTable t,
                      stats::build_summary(repo, ctx.actor, *def, p,
                                           query_string(ctx.req, "unit"), period_text));
  const std::string name = "campaign-summary-" + t.unit_code + "-" + p.from_month + "-" + p.to_month;
  if (format == "csv") return file_response(stats::to_csv(t), "text/csv; charset=utf-8", name + ".csv");
  if (format == "xlsx") {
    LJ_ASSIGN_OR_RETURN(std::string bytes, stats::to_xlsx(t));
    return file_response(std::move(bytes),
                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                         name + ".xlsx");
  }
  if (format == "pdf") {
    LJ_ASSIGN_OR_RETURN(std::string bytes, stats::to_pdf(t));
    return file_response(std::move(bytes), "application/pdf", name + ".pdf");
  }
  return ok_json(stats::to_json(t));
}

}  // namespace

void add_stats_routes(Router& r) {
  r.add("GET", "/api/v1/stats", get_stats);
  r.add("GET", "/api/v1/stats/summary", get_summary);
}

}  // namespace lj::api
