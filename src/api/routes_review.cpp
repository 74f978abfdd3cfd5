// Case-file review (案卷评查) over HTTP (cases/review.hpp, store/sql/review_repo.hpp):
//   GET  /api/v1/review/checklist        the checklist: groups, items, points, its version
//   GET  /api/v1/cases/{id}/reviews      the reviews of a case (scoped)
//   POST /api/v1/cases/{id}/reviews      score a closed case:
//   {"items":[{"item","score","comment"}],
//                                        "comment"}; a leader of a unit above the case's unit;
//                                        again by the same reviewer replaces it (version + 1)
//   GET  /api/v1/reviews?unit=&from=&to= the scores of a unit's cases: average, per unit, list
#include "api/app.hpp"
#include "api/errors.hpp"
#include "api/input.hpp"
#include "auth/policy.hpp"
#include "calendar/work_calendar.hpp"
#include "cases/review.hpp"
#include "model/json.hpp"
#include "store/sql/review_repo.hpp"

namespace lj::api {
namespace {

Result<const cases::ReviewChecklist*> checklist_of(Context& ctx) {
  const auto& c = ctx.app.config().review_checklist;
  if (!c)
    return Status{Code::kUnavailable,
                  "the case-file review checklist is not loaded on this server"};
  return c.get();
}

Result<http::Response> get_checklist(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(const cases::ReviewChecklist* c, checklist_of(ctx));
  return ok_json(c->to_json());
}

Result<http::Response> case_reviews(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  CaseReviewRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(auto list, repo.of_case(ctx.actor, id));
  Json items = Json::array();
  for (const auto& r : list) items.push_back(to_json(r));
  return ok_json(Json{{"items", items}});
}

Result<http::Response> submit_review(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(const cases::ReviewChecklist* checklist, checklist_of(ctx));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Json body, json_object(ctx.req, {"items", "comment"}));
  // Who may review is checked on the case as loaded in the transaction (after scope: 404 first).
  auto check = [&](const Case& c) { return cases::may_review(ctx.actor, c, *checklist); };
  if (ctx.actor.role != Role::kLeader)
    return Status::Forbidden("only a leader of a supervising unit reviews case files");
  LJ_ASSIGN_OR_RETURN(cases::ReviewScores scores, checklist->score(body));
  CaseReviewRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(CaseReview stored, repo.submit(ctx.actor, id, check, scores,
                                                     checklist->version(), checklist->max_total()));
  return ok_json(to_json(stored), stored.version == 1 ? 201 : 200);
}

Result<http::Response> evaluate(Context& ctx) {
  CaseReviewQuery q;
  q.unit_code = query_string(ctx.req, "unit");
  q.from = query_string(ctx.req, "from");
  q.to = query_string(ctx.req, "to");
  if (!q.from.empty()) LJ_RETURN_IF_ERROR(calendar::parse_date(q.from, "from").status());
  if (!q.to.empty()) LJ_RETURN_IF_ERROR(calendar::parse_date(q.to, "to").status());
  if (!q.from.empty() && !q.to.empty() && q.to < q.from)
    return Status::Invalid("to", "to (" + q.to + ") is before from (" + q.from + ")");
  LJ_ASSIGN_OR_RETURN(q.limit, query_int(ctx.req, "limit", 200, 1, 1000));
  CaseReviewRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(CaseReviewEvaluation e, repo.evaluate(ctx.actor, q));
  Json out = to_json(e);
  out["from"] = q.from.empty() ? Json(nullptr) : Json(q.from);
  out["to"] = q.to.empty() ? Json(nullptr) : Json(q.to);
  return ok_json(out);
}

}  // namespace

void add_review_routes(Router& r) {
  r.add("GET", "/api/v1/review/checklist", get_checklist);
  r.add("GET", "/api/v1/cases/{id}/reviews", case_reviews);
  r.add("POST", "/api/v1/cases/{id}/reviews", submit_review);
  r.add("GET", "/api/v1/reviews", evaluate);
}

}  // namespace lj::api
