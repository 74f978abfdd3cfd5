// Case facts and the integrity flags over HTTP (docs/case-facts.md):
//   GET /api/v1/cases/{id}/facts   the facts, the major-case flag and the case's flags
//   PUT /api/v1/cases/{id}/facts   body {"version": n, "facts": {...}}; re-evaluates the flags
//   GET /api/v1/flags              flags on cases and leads of units below the caller's
#include <spdlog/spdlog.h>

#include "api/app.hpp"
#include "api/errors.hpp"
#include "api/input.hpp"
#include "auth/policy.hpp"
#include "cases/integrity_eval.hpp"
#include "model/json.hpp"

namespace lj::api {
namespace {

struct Loaded {
  const cases::IntegrityRules* rules;
  const cases::Procedure* procedure;
  const calendar::WorkCalendar* calendar;
};

Result<Loaded> loaded(const App& app) {
  const auto& cfg = app.config();
  if (!cfg.integrity)
    return Status{Code::kUnavailable, "the integrity rules are not loaded on this server"};
  if (!cfg.procedure || !cfg.calendar)
    return Status{Code::kUnavailable,
                  "the case procedure or calendar is not loaded on this server"};
  return Loaded{cfg.integrity.get(), cfg.procedure.get(), cfg.calendar.get()};
}

Json facts_body(Context& ctx, const Case& c, const StoredFacts& f,
                const std::vector<IntegrityFlag>& flags) {
  Json facts = nullptr;
  if (f.exists) {
    auto parsed = cases::facts_from_json(f.facts);
    // Officers of the handling subtree see a person's data; analysts and admins see it masked.
    const bool personal = allowed(ctx.actor.role, Permission::kSeePersonalData);
    facts = parsed.ok() ? cases::to_json(*parsed, personal) : Json(nullptr);
  }
  Json list = Json::array();
  for (const auto& fl : flags) list.push_back(to_json(fl));
  return Json{{"case_id", c.id},
              {"case_no", c.case_no},
              {"version", f.version},
              {"updated_at", f.updated_at.empty() ? Json(nullptr) : Json(f.updated_at)},
              {"facts", facts},
              {"major", f.major},
              {"major_reasons", f.major_reasons},
              {"flags", list}};
}

// The case's own flags, whatever the caller's level (the caller sees the case).
Result<std::vector<IntegrityFlag>> case_flags(Context& ctx, int64_t case_id) {
  CaseFactsRepo repo(ctx.app.store().sql());
  FlagQuery q;
  q.case_id = case_id;
  q.state = "all";
  Actor whole = Actor::system("case-facts");
  return repo.list_flags(whole, q);
}

Result<http::Response> get_facts(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  CaseFactsRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(auto got, repo.get(ctx.actor, id));  // scoped: 404 outside
  LJ_ASSIGN_OR_RETURN(auto flags, case_flags(ctx, id));
  return ok_json(facts_body(ctx, got.first, got.second, flags));
}

Result<http::Response> put_facts(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(Loaded l, loaded(ctx.app));
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Json body, json_object(ctx.req, {"version", "facts"}));
  LJ_ASSIGN_OR_RETURN(auto version, opt_int(body, "version"));
  if (!body.contains("facts")) return Status::Invalid("facts", "the body names the facts");
  auto facts = cases::facts_from_json(body["facts"]);
  if (!facts.ok()) {
    const std::string field = facts.status().field();
    return Status::Invalid("facts." + field, "case " + std::to_string(id) + ": " + field + ": " +
                                                 facts.status().message());
  }
  CaseFactsRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(auto put,
                      repo.put(ctx.actor, id, version, cases::to_json(*facts, true),
                               cases::integrity_evaluator(*l.rules, *l.procedure, *l.calendar)));
  LJ_ASSIGN_OR_RETURN(auto flags, case_flags(ctx, id));
  return ok_json(facts_body(ctx, put.first, put.second, flags));
}

Result<http::Response> list_flags(Context& ctx) {
  FlagQuery q;
  q.kind = query_string(ctx.req, "kind");
  if (!q.kind.empty() && q.kind != "criminal_transfer" && q.kind != "discretion" &&
      q.kind != "unfiled" && q.kind != "transfer_deadline")
    return Status::Invalid("kind",
                           "kind must be criminal_transfer, discretion, unfiled or transfer_deadline");
  const std::string state = query_string(ctx.req, "state");
  if (!state.empty()) {
    if (state != "open" && state != "resolved" && state != "all")
      return Status::Invalid("state", "state must be open, resolved or all");
    q.state = state;
  }
  LJ_ASSIGN_OR_RETURN(q.limit, query_int(ctx.req, "limit", 200, 1, 1000));
  CaseFactsRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(auto flags, repo.list_flags(ctx.actor, q));
  Json items = Json::array();
  for (const auto& f : flags) items.push_back(to_json(f));
  return ok_json(Json{{"items", items}});
}

}  // namespace

Status refresh_case_integrity(App& app, const Actor& actor, int64_t case_id) {
  auto l = loaded(app);
  if (!l.ok()) return Status::Ok();
  CaseFactsRepo repo(app.store().sql());
  return repo.refresh_case(actor, case_id,
                           cases::integrity_evaluator(*l->rules, *l->procedure, *l->calendar));
}

void add_case_facts_routes(Router& r) {
  r.add("GET", "/api/v1/cases/{id}/facts", get_facts);
  r.add("PUT", "/api/v1/cases/{id}/facts", put_facts);
  r.add("GET", "/api/v1/flags", list_flags);
}

}  // namespace lj::api
