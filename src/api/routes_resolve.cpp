// /api/v1/match-reviews and /api/v1/leads/{id}/match|group: entity resolution
// (docs/entity-resolution.md).
#include "api/routes_resolve.hpp"

#include <spdlog/spdlog.h>

#include <cstdlib>

#include "api/app.hpp"
#include "api/input.hpp"
#include "auth/policy.hpp"

namespace lj::api {
namespace {

Result<ResolveRepo> repo(Context& ctx) {
  return ResolveRepo::open(ctx.app.store(), server_resolve_options());
}

Result<std::optional<double>> query_score(const http::Request& req, const char* name) {
  const std::string v = query_string(req, name);
  if (v.empty()) return std::optional<double>();
  char* end = nullptr;
  const double d = std::strtod(v.c_str(), &end);
  if (*end != '\0' || !(d >= 0 && d <= 1))
    return Status::Invalid(name, std::string(name) + " must be a number between 0 and 1");
  return std::optional<double>(d);
}

Result<http::Response> list_reviews(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kReadRecords));
  ReviewQuery q;
  if (std::string s = query_string(ctx.req, "state"); !s.empty()) {
    if (s != "review" && s != "linked" && s != "unmatched" && s != "confirmed" && s != "rejected" &&
        s != "given")
      return Status::Invalid(
          "state", "state must be one of review, linked, unmatched, confirmed, rejected, given");
    q.state = s;
  }
  q.unit_code = query_string(ctx.req, "unit");
  LJ_ASSIGN_OR_RETURN(q.min_score, query_score(ctx.req, "min_score"));
  LJ_ASSIGN_OR_RETURN(q.max_score, query_score(ctx.req, "max_score"));
  q.cursor = query_string(ctx.req, "cursor");
  LJ_ASSIGN_OR_RETURN(q.limit, query_int(ctx.req, "limit", 50, 1, 500));
  LJ_ASSIGN_OR_RETURN(ResolveRepo r, repo(ctx));
  LJ_ASSIGN_OR_RETURN(Page<Json> page, r.list_matches(ctx.actor, q));
  Json items = Json::array();
  for (auto& j : page.items) items.push_back(std::move(j));
  return ok_json(page_json(std::move(items), page.next_cursor));
}

Result<http::Response> get_match(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kReadRecords));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(ResolveRepo r, repo(ctx));
  LJ_ASSIGN_OR_RETURN(Json m, r.get_match(ctx.actor, id));
  return ok_json(m);
}

Result<http::Response> confirm_match(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Json j, json_object(ctx.req, {"enterprise_id"}));
  LJ_ASSIGN_OR_RETURN(std::optional<int64_t> eid, opt_int(j, "enterprise_id"));
  if (!eid)
    return Status::Invalid("enterprise_id", "enterprise_id is required: the candidate to link");
  LJ_ASSIGN_OR_RETURN(ResolveRepo r, repo(ctx));
  LJ_ASSIGN_OR_RETURN(Json m, r.confirm(ctx.actor, id, *eid));
  return ok_json(m);
}

Result<http::Response> reject_match(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  Json j = Json::object();
  if (!ctx.req.body.empty()) {
    LJ_ASSIGN_OR_RETURN(j, json_object(ctx.req, {"enterprise_id"}));
  }
  LJ_ASSIGN_OR_RETURN(std::optional<int64_t> eid, opt_int(j, "enterprise_id"));
  LJ_ASSIGN_OR_RETURN(ResolveRepo r, repo(ctx));
  LJ_ASSIGN_OR_RETURN(Json m, r.reject(ctx.actor, id, eid));
  return ok_json(m);
}

Result<http::Response> get_group(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kReadRecords));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(ResolveRepo r, repo(ctx));
  LJ_ASSIGN_OR_RETURN(Json g, r.get_group(ctx.actor, id));
  return ok_json(g);
}

}  // namespace

const resolve::Options& server_resolve_options() {
  static const resolve::Options options = [] {
    auto o = resolve::options_from_env();
    if (o.ok()) return *o;
    spdlog::warn("entity resolution: {}; using the default thresholds", o.status().message());
    return resolve::Options{};
  }();
  return options;
}

Status resolve_created_lead(Context& ctx, int64_t lead_id) {
  LJ_ASSIGN_OR_RETURN(ResolveRepo r, repo(ctx));
  return r.resolve_leads(ctx.actor, {lead_id}).status();
}

Status regroup_updated_lead(Context& ctx, int64_t lead_id) {
  LJ_ASSIGN_OR_RETURN(ResolveRepo r, repo(ctx));
  return r.regroup_lead(ctx.actor, lead_id);
}

Result<std::map<int64_t, GroupInfo>> lead_groups(Context& ctx, const std::vector<int64_t>& ids) {
  LJ_ASSIGN_OR_RETURN(ResolveRepo r, repo(ctx));
  return r.group_info(ids);
}

void add_resolve_routes(Router& r) {
  r.add("GET", "/api/v1/match-reviews", list_reviews);
  r.add("GET", "/api/v1/leads/{id}/match", get_match);
  r.add("POST", "/api/v1/leads/{id}/match/confirm", confirm_match);
  r.add("POST", "/api/v1/leads/{id}/match/reject", reject_match);
  r.add("GET", "/api/v1/leads/{id}/group", get_group);
}

}  // namespace lj::api
