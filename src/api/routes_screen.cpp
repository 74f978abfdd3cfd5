// /api/v1/screening/* (big-data screening: risk ranking, hotspots, trends) and /api/v1/sampling
// (supervision-sampling results). docs/screening.md explains the figures.
//
// Roles: the risk ranking and an enterprise's factors (targeting of enterprises) are for
// analysts, leaders and admins; hotspots, trends and the sampling list are readable by every role.
// Everything is limited to the caller's subtree by the repositories' SQL.
#include "api/app.hpp"
#include "api/errors.hpp"
#include "api/input.hpp"
#include "screen/report_json.hpp"
#include "store/sql/sampling_repo.hpp"
#include "store/sql/screen_repo.hpp"

namespace lj::api {
namespace {

Status require_screening_role(const Actor& actor) {
  if (actor.role == Role::kOfficer)
    return Status::Forbidden(
        "the role 'officer' may not see the risk ranking (analyst, leader or admin)");
  return Status::Ok();
}

Result<double> query_double(const http::Request& req, const char* name, double def, double min,
                            double max) {
  const std::string text = query_string(req, name);
  if (text.empty()) return def;
  double v = 0;
  try {
    size_t used = 0;
    v = std::stod(text, &used);
    if (used != text.size()) throw std::invalid_argument(name);
  } catch (...) {
    return Status::Invalid(name, std::string(name) + " must be a number");
  }
  if (!(v >= min && v <= max))
    return Status::Invalid(name, std::string(name) + " must be between " + std::to_string(min) +
                                     " and " + std::to_string(max));
  return v;
}

Result<screen::RiskConfig> risk_config(Context& ctx) {
  screen::RiskConfig config = ctx.app.config().risk;
  LJ_ASSIGN_OR_RETURN(config.half_life_months,
                      query_double(ctx.req, "half_life", config.half_life_months, 0.5, 240));
  return config;
}

Result<http::Response> risk_ranking(Context& ctx) {
  LJ_RETURN_IF_ERROR(require_screening_role(ctx.actor));
  sql::RiskQuery q;
  q.unit_code = query_string(ctx.req, "unit");
  LJ_ASSIGN_OR_RETURN(q.category,
                      query_code(ctx.req, "category", *ctx.app.vocabulary(), "product_category"));
  q.as_of = query_string(ctx.req, "as_of");
  LJ_ASSIGN_OR_RETURN(q.limit, query_int(ctx.req, "limit", 50, 1, 500));
  LJ_ASSIGN_OR_RETURN(q.offset, query_int(ctx.req, "offset", 0, 0, 10000000));
  LJ_ASSIGN_OR_RETURN(screen::RiskConfig config, risk_config(ctx));
  LJ_ASSIGN_OR_RETURN(sql::RiskRanking r,
                      sql::risk_ranking(ctx.app.store().sql(), ctx.actor, q, config));
  Json items = Json::array();
  for (const screen::RiskScore& s : r.items) items.push_back(screen::to_json(s));
  const int64_t next = q.offset + static_cast<int64_t>(r.items.size());
  return ok_json(Json{{"as_of", r.as_of},
                      {"total", r.total},
                      {"items", std::move(items)},
                      {"next_offset", next < r.total ? Json(next) : Json(nullptr)}});
}

Result<http::Response> enterprise_risk(Context& ctx) {
  LJ_RETURN_IF_ERROR(require_screening_role(ctx.actor));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("enterprise_id"), "enterprise_id"));
  LJ_ASSIGN_OR_RETURN(screen::RiskConfig config, risk_config(ctx));
  LJ_ASSIGN_OR_RETURN(screen::RiskScore s,
                      sql::enterprise_risk(ctx.app.store().sql(), ctx.actor, id,
                                           query_string(ctx.req, "as_of"), config));
  return ok_json(screen::to_json(s));
}

Result<http::Response> hotspots(Context& ctx) {
  sql::HotspotQuery q;
  const std::string level = query_string(ctx.req, "level");
  if (!level.empty()) q.level = level;
  LJ_ASSIGN_OR_RETURN(q.category,
                      query_code(ctx.req, "category", *ctx.app.vocabulary(), "product_category"));
  const std::string flagged = query_string(ctx.req, "flagged");
  if (!flagged.empty() && flagged != "true" && flagged != "false")
    return Status::Invalid("flagged", "flagged must be true or false");
  q.flagged_only = flagged == "true";
  screen::HotspotConfig config = ctx.app.config().hotspots;
  LJ_ASSIGN_OR_RETURN(config.flag_level,
                      query_double(ctx.req, "flag_level", config.flag_level, 0.5, 0.9999));
  LJ_ASSIGN_OR_RETURN(auto rows, sql::hotspots(ctx.app.store().sql(), ctx.actor, q, config));
  Json items = Json::array();
  for (const screen::Hotspot& h : rows) items.push_back(screen::to_json(h));
  return ok_json(Json{{"level", q.level}, {"flag_level", config.flag_level}, {"items", items}});
}

Result<http::Response> trends(Context& ctx) {
  const std::string by = query_string(ctx.req, "by");
  if (!by.empty() && by != "month") return Status::Invalid("by", "by must be 'month'");
  sql::TrendQuery q;
  const std::string group = query_string(ctx.req, "group");
  if (!group.empty()) q.group = group;
  q.from = query_string(ctx.req, "from");
  q.to = query_string(ctx.req, "to");
  q.unit_code = query_string(ctx.req, "unit");
  LJ_ASSIGN_OR_RETURN(auto rows, sql::trends(ctx.app.store().sql(), ctx.actor, q));
  Json items = Json::array();
  for (const screen::TrendRow& t : rows) items.push_back(screen::to_json(t));
  return ok_json(Json{{"by", "month"}, {"group", q.group}, {"items", std::move(items)}});
}

Result<std::string> query_date(const http::Request& req, const char* name) {
  std::string v = query_string(req, name);
  if (v.empty()) return v;
  if (v.size() != 10 || v[4] != '-' || v[7] != '-')
    return Status::Invalid(name, std::string(name) + " must be a date YYYY-MM-DD");
  return v;
}

Result<http::Response> list_sampling(Context& ctx) {
  sql::SamplingQuery q;
  auto vocab = ctx.app.vocabulary();
  q.unit_code = query_string(ctx.req, "unit");
  LJ_ASSIGN_OR_RETURN(q.product_category,
                      query_code(ctx.req, "product_category", *vocab, "product_category"));
  LJ_ASSIGN_OR_RETURN(q.special_action,
                      query_code(ctx.req, "special_action", *vocab, "special_action"));
  q.result = query_string(ctx.req, "result");
  if (!q.result.empty() && q.result != "pass" && q.result != "fail")
    return Status::Invalid("result", "result must be 'pass' or 'fail'");
  if (const std::string* e = ctx.req.param("enterprise_id")) {
    LJ_ASSIGN_OR_RETURN(int64_t eid, parse_id(*e, "enterprise_id"));
    q.enterprise_id = eid;
  }
  LJ_ASSIGN_OR_RETURN(q.from, query_date(ctx.req, "from"));
  LJ_ASSIGN_OR_RETURN(q.to, query_date(ctx.req, "to"));
  q.cursor = query_string(ctx.req, "cursor");
  LJ_ASSIGN_OR_RETURN(q.limit, query_int(ctx.req, "limit", 50, 1, 500));
  LJ_ASSIGN_OR_RETURN(auto page, sql::list_sampling_results(ctx.app.store().sql(), ctx.actor, q));
  Json items = Json::array();
  for (const screen::SamplingResult& s : page.items) items.push_back(screen::to_json(s));
  return ok_json(page_json(std::move(items), page.next_cursor));
}

}  // namespace

void add_screen_routes(Router& r) {
  r.add("GET", "/api/v1/screening/risk", risk_ranking);
  r.add("GET", "/api/v1/screening/risk/{enterprise_id}", enterprise_risk);
  r.add("GET", "/api/v1/screening/hotspots", hotspots);
  r.add("GET", "/api/v1/screening/trends", trends);
  r.add("GET", "/api/v1/sampling", list_sampling);
}

}  // namespace lj::api
