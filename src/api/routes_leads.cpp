// /api/v1/enterprises and /api/v1/leads.
#include "api/app.hpp"
#include "api/errors.hpp"
#include "api/input.hpp"
#include "api/routes_resolve.hpp"
#include "auth/policy.hpp"
#include "classify/service.hpp"
#include "intake/route.hpp"
#include "leads/lead_input.hpp"
#include "store/sql/lead_decision_repo.hpp"
#include "model/json.hpp"
#include "model/lead_json.hpp"

#include <spdlog/spdlog.h>

namespace lj::api {
namespace {

Result<http::Response> list_enterprises(Context& ctx) {
  EnterpriseQuery q;
  q.region_code = query_string(ctx.req, "region");
  q.uscc = query_string(ctx.req, "uscc");
  q.name_prefix = query_string(ctx.req, "name");
  LJ_ASSIGN_OR_RETURN(q.q, query_search(ctx.req));
  q.cursor = query_string(ctx.req, "cursor");
  LJ_ASSIGN_OR_RETURN(q.limit, query_int(ctx.req, "limit", 50, 1, 500));
  LJ_ASSIGN_OR_RETURN(auto page, ctx.app.store().list_enterprises(q));
  Json items = Json::array();
  for (const auto& e : page.items) items.push_back(to_json(e));
  return ok_json(page_json(std::move(items), page.next_cursor));
}

Result<http::Response> get_enterprise(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Enterprise e, ctx.app.store().get_enterprise(id));
  return ok_json(to_json(e));
}

Result<http::Response> create_enterprise(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(Json j, json_object(ctx.req, {"uscc", "name", "former_names", "address", "region_code",
                                                    "legal_representative", "industry_code",
                                                    "established_on", "status"}));
  Enterprise e;
  LJ_ASSIGN_OR_RETURN(e.name, req_string(j, "name", 300));
  for (auto [name, field] : std::initializer_list<std::pair<const char*, std::string*>>{
           {"uscc", &e.uscc}, {"former_names", &e.former_names}, {"address", &e.address},
           {"region_code", &e.region_code}, {"legal_representative", &e.legal_representative},
           {"industry_code", &e.industry_code}, {"established_on", &e.established_on},
           {"status", &e.status}}) {
    LJ_ASSIGN_OR_RETURN(auto v, opt_string(j, name, 500));
    if (v) *field = *v;
  }
  if (!e.uscc.empty() && e.uscc.size() != 18)
    return Status::Invalid("uscc", "a unified social credit code has 18 characters");
  LJ_ASSIGN_OR_RETURN(Upserted up, ctx.app.store().upsert_enterprise(ctx.actor, e));
  LJ_ASSIGN_OR_RETURN(Enterprise stored, ctx.app.store().get_enterprise(up.id));
  return ok_json(to_json(stored), up.created ? 201 : 200);
}

bool sees_personal_data(const Context& ctx) {
  return allowed(ctx.actor.role, Permission::kSeePersonalData);
}

// The matter of a lead in its JSON (docs/entity-resolution.md): group_id null and group_size 1
// when it belongs to none.
void write_group_members(JsonWriter& w, const Lead& l, const std::map<int64_t, GroupInfo>& groups) {
  auto g = groups.find(l.id);
  if (g == groups.end()) {
    w.key("group_id").null();
    w.key("group_size").integer(1);
  } else {
    w.key("group_id").integer(g->second.group_id);
    w.key("group_size").integer(g->second.size);
  }
}

// A lead response with its matter, optionally with the "duplicate" flag of creation.
Result<http::Response> lead_response(Context& ctx, const Lead& l, int status,
                                     std::optional<bool> duplicate = std::nullopt) {
  LJ_ASSIGN_OR_RETURN(auto groups, lead_groups(ctx, {l.id}));
  http::Response r;
  r.status = status;
  JsonWriter w(r.body);
  w.begin_object();
  write_lead_members(w, l, sees_personal_data(ctx));
  write_group_members(w, l, groups);
  if (duplicate) w.key("duplicate").boolean(*duplicate);
  w.end_object();
  return r;
}

Result<http::Response> list_leads(Context& ctx) {
  LeadQuery q;
  auto vocab = ctx.app.vocabulary();
  LJ_ASSIGN_OR_RETURN(q.source, query_code(ctx.req, "source", *vocab, "lead_source"));
  LJ_ASSIGN_OR_RETURN(q.status, query_code(ctx.req, "status", *vocab, "lead_status"));
  LJ_ASSIGN_OR_RETURN(q.special_action, query_code(ctx.req, "special_action", *vocab, "special_action"));
  LJ_ASSIGN_OR_RETURN(q.product_category,
                      query_code(ctx.req, "product_category", *vocab, "product_category"));
  q.channel = query_string(ctx.req, "channel");
  if (!q.channel.empty() && q.channel != "online" && q.channel != "offline")
    return Status::Invalid("channel", "channel must be 'online' or 'offline'");
  q.unit_code = query_string(ctx.req, "unit");
  LJ_ASSIGN_OR_RETURN(q.q, query_search(ctx.req));
  LJ_ASSIGN_OR_RETURN(q.received_from, query_time(ctx.req, "received_from", false));
  LJ_ASSIGN_OR_RETURN(q.received_to, query_time(ctx.req, "received_to", true));
  if (const std::string* e = ctx.req.param("enterprise_id")) {
    LJ_ASSIGN_OR_RETURN(int64_t eid, parse_id(*e, "enterprise_id"));
    q.enterprise_id = eid;
  }
  if (std::string g = query_string(ctx.req, "grouped"); !g.empty()) {
    if (g != "true" && g != "false") return Status::Invalid("grouped", "grouped must be 'true' or 'false'");
    q.grouped = g == "true";
  }
  std::string sort = query_string(ctx.req, "sort");
  if (!sort.empty()) q.sort = sort;
  q.cursor = query_string(ctx.req, "cursor");
  LJ_ASSIGN_OR_RETURN(q.limit, query_int(ctx.req, "limit", 50, 1, 500));
  const bool personal = sees_personal_data(ctx);
  // The page depends on the scope, on whether personal data shows, and on the query.
  const auto q_pos = ctx.req.target.find('?');
  const std::string key = "leads|" + ctx.actor.unit_path + "|" + ctx.actor.unit_code + "|" +
                          (personal ? "p|" : "m|") +
                          (q_pos == std::string::npos ? "" : ctx.req.target.substr(q_pos + 1));
  LJ_ASSIGN_OR_RETURN(int64_t generation, ctx.app.store().change_generation());
  http::Response r;
  if (auto cached = ctx.app.list_cache().get(key, generation)) {
    r.body = std::move(*cached);
    return r;
  }
  LJ_ASSIGN_OR_RETURN(auto page, ctx.app.store().list_leads(ctx.actor, q));
  std::vector<int64_t> ids;
  ids.reserve(page.items.size());
  for (const auto& l : page.items) ids.push_back(l.id);
  LJ_ASSIGN_OR_RETURN(auto groups, lead_groups(ctx, ids));
  r.body.reserve(1024 * page.items.size() + 64);
  JsonWriter w(r.body);
  w.begin_object();
  w.key("items").begin_array();
  for (const auto& l : page.items) {
    w.begin_object();
    write_lead_members(w, l, personal);
    write_group_members(w, l, groups);
    w.end_object();
  }
  w.end_array();
  w.key("next_cursor").string_or_null(page.next_cursor);
  w.end_object();
  ctx.app.list_cache().put(key, generation, r.body);
  return r;
}

Result<http::Response> create_lead(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(Json j, json_object(ctx.req, kLeadCreateFields));
  LJ_ASSIGN_OR_RETURN(Lead lead, lead_from_json(j, *ctx.app.vocabulary()));
  // Without a unit, a person's lead belongs to the person's unit; a system's lead (12365, the
  // e-commerce monitoring centre) is placed by its region code or address, like an import.
  if (lead.unit_code.empty() && ctx.actor.via == "token") {
    LJ_ASSIGN_OR_RETURN(auto units, ctx.app.store().list_units(ctx.actor.unit_code));
    LJ_ASSIGN_OR_RETURN(auto index, intake::UnitIndex::build(units));
    lead.unit_code = intake::route_lead(lead, index, ctx.app.config().gazetteer.get());
  }
  if (lead.unit_code.empty()) lead.unit_code = ctx.actor.unit_code;
  if (lead.enterprise_id) {
    auto e = ctx.app.store().get_enterprise(*lead.enterprise_id);
    if (!e.ok()) return Status::Invalid("enterprise_id", "no enterprise " + std::to_string(*lead.enterprise_id));
  }
  // Labels the lead came without are filled by classification (docs/classification.md).
  auto sent = [&](const char* k) { return j.contains(k) && !j[k].is_null(); };
  const auto labelled = classify::label_new_lead(
      ctx.app.store(), lead, {sent("product_category"), sent("special_actions"), sent("violations")});
  LJ_ASSIGN_OR_RETURN(Upserted up, ctx.app.store().insert_lead(ctx.actor, lead));
  if (up.created && labelled)
    LJ_RETURN_IF_ERROR(classify::record_new_lead(ctx.app.store(), ctx.actor, up.id, *labelled));
  if (up.created) {
    // Linking and grouping follow in their own transaction; a failure leaves the lead stored
    // and unresolved, for `lijian resolve` to pick up.
    if (Status st = resolve_created_lead(ctx, up.id); !st.ok())
      spdlog::warn("resolving lead {}: {}", up.id, st.to_string());
  }
  auto stored = ctx.app.store().get_lead(ctx.actor, up.id);
  if (!stored.ok()) {
    // The key exists in a unit the caller cannot see: say so without showing the record.
    return Status::Conflict("a lead with this source and source_id exists already", "source_id");
  }
  return lead_response(ctx, *stored, up.created ? 201 : 200, !up.created);
}

Result<http::Response> get_lead(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Lead l, ctx.app.store().get_lead(ctx.actor, id));
  return lead_response(ctx, l, 200);
}

// The fields of PATCH /leads/{id}: the lead's own, plus the reason of a decision.
const std::initializer_list<const char*> kLeadPatchAndReasonFields = {
    "title", "text", "status", "unit_code", "product_category", "product_name", "channel",
    "region_code", "special_actions", "violations", "enterprise_id", "version", "reason"};

// A patch that changes the status and nothing else (besides the expected version).
bool is_decision(const Json& j) {
  if (!j.contains("status")) return false;
  for (const auto& [k, v] : j.items())
    if (k != "status" && k != "version") return false;
  return true;
}

Result<http::Response> lead_history(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LeadDecisionRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(auto list, repo.history(ctx.actor, id));
  Json items = Json::array();
  for (const auto& d : list) items.push_back(to_json(d));
  return ok_json(Json{{"items", items}});
}

Result<http::Response> update_lead(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Json j, json_object(ctx.req, kLeadPatchAndReasonFields));
  LJ_ASSIGN_OR_RETURN(auto reason, opt_string(j, "reason", 2000));
  j.erase("reason");
  LJ_ASSIGN_OR_RETURN(LeadPatch patch, lead_patch_from_json(j, *ctx.app.vocabulary()));
  if (is_decision(j)) {
    // A status change on its own is a decision: stored with its reason in the lead's history.
    LeadDecisionRepo repo(ctx.app.store().sql());
    LJ_ASSIGN_OR_RETURN(Lead l, repo.decide(ctx.actor, id, *patch.status, reason.value_or(""),
                                            patch.expected_version));
    return lead_response(ctx, l, 200);
  }
  if (reason)
    return Status::Invalid("reason", "lead " + std::to_string(id) +
                                         ": a reason goes with a change of status alone");
  if (patch.status && *patch.status == "rejected")
    return Status::Invalid("reason", "lead " + std::to_string(id) +
                                         ": a rejection needs a reason (send status and reason alone)");
  LJ_ASSIGN_OR_RETURN(Lead l, ctx.app.store().update_lead(ctx.actor, id, patch));
  if (patch.enterprise_id || patch.product_category || patch.violations) {
    // The lead's matter follows its new enterprise, category or violations.
    if (Status st = regroup_updated_lead(ctx, id); !st.ok())
      spdlog::warn("regrouping lead {}: {}", id, st.to_string());
  }
  return lead_response(ctx, l, 200);
}

Result<http::Response> share_lead(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Json j, json_object(ctx.req, {"unit_code"}));
  LJ_ASSIGN_OR_RETURN(std::string unit, req_string(j, "unit_code", 6));
  LJ_RETURN_IF_ERROR(ctx.app.store().share(ctx.actor, "lead", id, unit));
  return ok_json(Json{{"ok", true}});
}

}  // namespace

void add_lead_routes(Router& r) {
  r.add("GET", "/api/v1/enterprises", list_enterprises);
  r.add("POST", "/api/v1/enterprises", create_enterprise);
  r.add("GET", "/api/v1/enterprises/{id}", get_enterprise);
  r.add("GET", "/api/v1/leads", list_leads);
  r.add("POST", "/api/v1/leads", create_lead);
  r.add("GET", "/api/v1/leads/{id}", get_lead);
  r.add("PATCH", "/api/v1/leads/{id}", update_lead);
  r.add("POST", "/api/v1/leads/{id}/share", share_lead);
  r.add("GET", "/api/v1/leads/{id}/history", lead_history);
}

}  // namespace lj::api
