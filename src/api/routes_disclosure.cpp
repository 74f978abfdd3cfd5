// Disclosure of penalty decisions and typical cases, inside the bureau (docs/disclosure.md):
//   GET  /api/v1/publications                 the publications of the caller's units
//   POST /api/v1/publications                 create one for a decided case (decision or typical
//   case) GET  /api/v1/publications/{id}            with its text, proposed masking and review
//   record POST /api/v1/publications/{id}/text       replace a pending one's text (the decision
//   document's) POST /api/v1/publications/{id}/publish    secrecy review: decide every span,
//   publish POST /api/v1/publications/{id}/withdraw   take a publication down
// A decision's publication is also created when a case is decided, and withdrawn when it is
// revoked (refresh_case_disclosure, called after every procedure step).
#include <spdlog/spdlog.h>

#include "api/app.hpp"
#include "api/errors.hpp"
#include "api/input.hpp"
#include "core/clock.hpp"
#include "disclose/publication.hpp"
#include "model/json.hpp"
#include "store/sql/case_procedure_repo.hpp"

namespace lj::api {
namespace {

Result<const disclose::DisclosureRules*> rules_of(App& app) {
  const auto& r = app.config().disclosure;
  if (!r) return Status{Code::kUnavailable, "the disclosure rules are not loaded on this server"};
  return r.get();
}

std::string today(Context& ctx) {
  return format_time(ctx.app.clock().now()).substr(0, 10);
}

Status require_creator(const disclose::DisclosureRules& rules, const Actor& a) {
  if (rules.may_create(a.role) || rules.may_review(a.role)) return Status::Ok();
  return Status::Forbidden(
      "your role may not work on publications (data/disclosure/disclosure.json creator_roles)");
}

Status require_reviewer(const disclose::DisclosureRules& rules, const Actor& a) {
  if (rules.may_review(a.role)) return Status::Ok();
  return Status::Forbidden(
      "only the secrecy reviewers may publish or withdraw (data/disclosure/disclosure.json "
      "secrecy_reviewer_roles)");
}

Result<http::Response> list_publications(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(const disclose::DisclosureRules* rules, rules_of(ctx.app));
  LJ_RETURN_IF_ERROR(require_creator(*rules, ctx.actor));
  PublicationQuery q;
  q.status = query_string(ctx.req, "status");
  if (!q.status.empty() && q.status != "pending_review" && q.status != "published" &&
      q.status != "withdrawn")
    return Status::Invalid("status", "status must be pending_review, published or withdrawn");
  q.kind = query_string(ctx.req, "kind");
  if (!q.kind.empty() && q.kind != "decision" && q.kind != "typical_case")
    return Status::Invalid("kind", "kind must be decision or typical_case");
  const std::string overdue = query_string(ctx.req, "overdue");
  if (!overdue.empty() && overdue != "true" && overdue != "false")
    return Status::Invalid("overdue", "overdue must be true or false");
  q.overdue_only = overdue == "true";
  q.today = today(ctx);
  LJ_ASSIGN_OR_RETURN(q.limit, query_int(ctx.req, "limit", 200, 1, 1000));
  DisclosureRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(auto list, repo.list(ctx.actor, q));
  Json items = Json::array();
  for (const auto& p : list) {
    Json j = disclose::internal_json(p, q.today);
    j.erase("text");
    j.erase("spans");
    items.push_back(std::move(j));
  }
  return ok_json(Json{{"as_of", q.today}, {"items", items}});
}

Result<http::Response> create_publication(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(const disclose::DisclosureRules* rules, rules_of(ctx.app));
  LJ_RETURN_IF_ERROR(require_creator(*rules, ctx.actor));
  LJ_ASSIGN_OR_RETURN(Json j, json_object(ctx.req, {"case_id", "kind", "text", "summary"}));
  LJ_ASSIGN_OR_RETURN(auto case_id, opt_int(j, "case_id"));
  if (!case_id || *case_id <= 0)
    return Status::Invalid("case_id", "case_id: the id of a decided case is required");
  LJ_ASSIGN_OR_RETURN(auto kind, opt_string(j, "kind", 20));
  const std::string k = kind.value_or("decision");
  if (k != "decision" && k != "typical_case")
    return Status::Invalid("kind", "kind must be decision or typical_case");
  LJ_ASSIGN_OR_RETURN(auto text, opt_string(j, "text", 200000));
  LJ_ASSIGN_OR_RETURN(auto summary, opt_string(j, "summary", 20000));
  if (k == "typical_case" && text)
    return Status::Invalid("text", "a typical case is published with its summary, not text");
  if (k == "decision" && summary)
    return Status::Invalid("summary", "a decision is published with its text, not a summary");
  const std::string body = k == "typical_case" ? summary.value_or("") : text.value_or("");
  const calendar::WorkCalendar* cal = ctx.app.config().calendar.get();
  DisclosureRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(auto created,
                      repo.create(ctx.actor, *case_id, k, [&](const DecisionSource& src) {
                        return disclose::draft(src, k, body, *rules, cal);
                      }));
  return ok_json(disclose::internal_json(created.p, today(ctx)), 201);
}

Result<http::Response> get_publication(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(const disclose::DisclosureRules* rules, rules_of(ctx.app));
  LJ_RETURN_IF_ERROR(require_creator(*rules, ctx.actor));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  DisclosureRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(Publication p, repo.get(ctx.actor, id));
  return ok_json(disclose::internal_json(p, today(ctx)));
}

Result<http::Response> publish_publication(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(const disclose::DisclosureRules* rules, rules_of(ctx.app));
  LJ_RETURN_IF_ERROR(require_reviewer(*rules, ctx.actor));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Json j, json_object(ctx.req, {"version", "spans"}));
  LJ_ASSIGN_OR_RETURN(auto version, opt_int(j, "version"));
  if (!version) return Status::Invalid("version", "version: the version you reviewed is required");
  if (!j.contains("spans"))
    return Status::Invalid("spans", "spans: a decision on every proposed span is required");
  DisclosureRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(
      Publication p,
      repo.publish(ctx.actor, id, *version, [&](const Publication& before, const std::string& now) {
        return disclose::apply_review(before, j["spans"], ctx.actor, now);
      }));
  return ok_json(disclose::internal_json(p, today(ctx)));
}

Result<http::Response> replace_text(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(const disclose::DisclosureRules* rules, rules_of(ctx.app));
  LJ_RETURN_IF_ERROR(require_creator(*rules, ctx.actor));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Json j, json_object(ctx.req, {"version", "text"}));
  LJ_ASSIGN_OR_RETURN(auto version, opt_int(j, "version"));
  if (!version) return Status::Invalid("version", "version: the version you edited is required");
  LJ_ASSIGN_OR_RETURN(std::string text, req_string(j, "text", 200000));
  if (text.empty()) return Status::Invalid("text", "text: the text to publish is required");
  DisclosureRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(Publication p,
                      repo.redraft(ctx.actor, id, *version, [&](const Publication& before) {
                        return disclose::redraft(before, text);
                      }));
  return ok_json(disclose::internal_json(p, today(ctx)));
}

Result<http::Response> withdraw_publication(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(const disclose::DisclosureRules* rules, rules_of(ctx.app));
  LJ_RETURN_IF_ERROR(require_reviewer(*rules, ctx.actor));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Json j, json_object(ctx.req, {"reason"}));
  LJ_ASSIGN_OR_RETURN(std::string reason, req_string(j, "reason", 1000));
  if (reason.empty())
    return Status::Invalid("reason", "reason: say why the publication is withdrawn");
  DisclosureRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(Publication p, repo.withdraw(ctx.actor, id, reason));
  return ok_json(disclose::internal_json(p, today(ctx)));
}

}  // namespace

Status refresh_case_disclosure(App& app, const Actor& actor, int64_t case_id) {
  const auto& rules = app.config().disclosure;
  if (!rules) return Status::Ok();
  CaseProcedureRepo cases(app.store().sql());
  LJ_ASSIGN_OR_RETURN(auto cp, cases.get(actor, case_id));
  DisclosureRepo repo(app.store().sql());
  if (cp.first.status == "revoked") return repo.withdraw_revoked(actor, case_id).status();
  if (cp.first.status != "decided" || cp.second.decision != "penalty") return Status::Ok();
  const calendar::WorkCalendar* cal = app.config().calendar.get();
  auto created = repo.create(
      actor, case_id, "decision",
      [&](const DecisionSource& src) { return disclose::draft(src, "decision", "", *rules, cal); },
      true);
  // A case that is not published (summary procedure, a warning alone) is no error of the step.
  if (!created.ok() && created.status().code() == Code::kConflict) return Status::Ok();
  return created.status();
}

void add_disclosure_routes(Router& r) {
  r.add("GET", "/api/v1/publications", list_publications);
  r.add("POST", "/api/v1/publications", create_publication);
  r.add("GET", "/api/v1/publications/{id}", get_publication);
  r.add("POST", "/api/v1/publications/{id}/text", replace_text);
  r.add("POST", "/api/v1/publications/{id}/publish", publish_publication);
  r.add("POST", "/api/v1/publications/{id}/withdraw", withdraw_publication);
}

}  // namespace lj::api
