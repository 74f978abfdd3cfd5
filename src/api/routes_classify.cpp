// Classification of leads: /api/v1/leads/{id}/classification, /api/v1/leads/{id}/labels,
// /api/v1/classifier, /api/v1/classifier/train and /api/v1/classify (docs/classification.md).
#include <algorithm>

#include "api/app.hpp"
#include "api/errors.hpp"
#include "api/input.hpp"
#include "auth/policy.hpp"
#include "classify/service.hpp"
#include "store/sql/classify_repo.hpp"

namespace lj::api {
namespace {

constexpr size_t kMaxClassifyText = 20000;  // bytes of text POST /api/v1/classify takes

Result<std::shared_ptr<classify::Service>> service(Context& ctx) {
  return classify::shared_service(ctx.app.store());
}

Json provenance_json(const LeadLabelRecord& r) {
  if (!r.recorded) return nullptr;
  return {{"product_category", r.provenance.category_source},
          {"special_actions", r.provenance.actions_source},
          {"violations", r.provenance.violations_source},
          {"confidence", r.provenance.confidence ? Json(*r.provenance.confidence) : Json(nullptr)},
          {"model_id", r.provenance.model_id ? Json(r.provenance.model_id) : Json(nullptr)},
          {"classified_at", r.classified_at},
          {"confirmed", !r.confirmed_at.empty()},
          {"confirmed_by", r.confirmed_by_name.empty() ? Json(nullptr) : Json(r.confirmed_by_name)},
          {"confirmed_at", r.confirmed_at.empty() ? Json(nullptr) : Json(r.confirmed_at)}};
}

// The classification view of a lead: its labels, where they came from, what the classifier
// says now (with reasons) and the officers' corrections.
Result<http::Response> classification_response(Context& ctx, const Lead& lead, int status) {
  ClassifyRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(LeadLabelRecord record, repo.lead_labels(ctx.actor, lead.id));
  LJ_ASSIGN_OR_RETURN(std::vector<LabelCorrection> corrections,
                      repo.corrections(ctx.actor, lead.id));
  LJ_ASSIGN_OR_RETURN(auto svc, service(ctx));
  auto classifier = svc->current();
  const std::string text = lead.title.empty() ? lead.text : lead.title + "\n" + lead.text;
  Json suggestion = classify::to_json(classifier->classify(text, lead.channel == "online"), true);
  Json corr = Json::array();
  for (const LabelCorrection& c : corrections)
    corr.push_back({{"id", c.id},
                    {"at", c.at},
                    {"user_id", c.user_id},
                    {"username", c.username},
                    {"before", c.before},
                    {"after", c.after}});
  Json body = {
      {"lead_id", lead.id},
      {"version", lead.version},
      {"labels",
       {{"product_category", lead.product_category.empty() ? "other" : lead.product_category},
        {"special_actions", lead.special_actions},
        {"violations", lead.violations}}},
      {"provenance", provenance_json(record)},
      {"suggestion", std::move(suggestion)},
      {"corrections", std::move(corr)}};
  return ok_json(body, status);
}

Result<http::Response> get_classification(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Lead lead, ctx.app.store().get_lead(ctx.actor, id));
  return classification_response(ctx, lead, 200);
}

Result<http::Response> set_labels(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Json j, json_object(ctx.req, {"product_category", "violations",
                                                    "special_actions", "version"}));
  auto vocab = ctx.app.vocabulary();
  LabelsChange change;
  LJ_ASSIGN_OR_RETURN(change.product_category, req_string(j, "product_category", 64));
  LJ_RETURN_IF_ERROR(vocab->check("product_category", change.product_category, "product_category"));
  LJ_ASSIGN_OR_RETURN(auto violations, opt_string_list(j, "violations"));
  if (!violations)
    return Status::Invalid("violations", "violations is required (a list of codes, may be empty)");
  LJ_RETURN_IF_ERROR(vocab->check_all("violation", *violations, "violations"));
  std::sort(violations->begin(), violations->end());
  violations->erase(std::unique(violations->begin(), violations->end()), violations->end());
  change.violations = std::move(*violations);
  LJ_ASSIGN_OR_RETURN(change.expected_version, opt_int(j, "version"));
  LJ_ASSIGN_OR_RETURN(auto actions, opt_string_list(j, "special_actions"));
  LJ_ASSIGN_OR_RETURN(Lead lead, ctx.app.store().get_lead(ctx.actor, id));
  const bool online = lead.channel == "online";
  if (actions) {
    LJ_RETURN_IF_ERROR(vocab->check_all("special_action", *actions, "special_actions"));
    if (online && std::find(actions->begin(), actions->end(), "ecommerce") == actions->end())
      actions->push_back("ecommerce");
    change.special_actions = std::move(*actions);
  } else {
    // The category's special action, ecommerce for online leads, and a region's remediation
    // (chosen for a region, not a product) kept.
    LJ_ASSIGN_OR_RETURN(auto svc, service(ctx));
    change.special_actions = svc->current()->special_actions_for(change.product_category, online);
    for (const std::string& a : lead.special_actions)
      if (a == "regional_remediation") change.special_actions.push_back(a);
  }
  ClassifyRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(Lead updated, repo.set_labels(ctx.actor, id, change));
  return classification_response(ctx, updated, 200);
}

Json model_json(const StoredModel& m) {
  return {{"id", m.id},
          {"created_at", m.created_at},
          {"created_by", m.created_by},
          {"training_size", m.training_size},
          {"metrics", m.metrics}};
}

// Training and model status are for the admin or analyst of the root unit (the region).
Status require_region_trainer(const Actor& actor) {
  const bool region = std::count(actor.unit_path.begin(), actor.unit_path.end(), '/') <= 2;
  if (!region || (actor.role != Role::kAdmin && actor.role != Role::kAnalyst))
    return Status::Forbidden(
        "training the classifier is for the regional bureau's admin or analyst");
  return Status::Ok();
}

Result<http::Response> get_classifier(Context& ctx) {
  ClassifyRepo repo(ctx.app.store().sql());
  auto model = repo.latest_model(false);
  if (!model.ok() && model.status().code() != Code::kNotFound) return model.status();
  LJ_ASSIGN_OR_RETURN(int64_t confirmed, repo.count_confirmed());
  LJ_ASSIGN_OR_RETURN(auto svc, service(ctx));
  auto classifier = svc->current();
  return ok_json(
      {{"model", model.ok() ? model_json(*model) : Json(nullptr)},
       {"model_in_use", classifier->model_id() ? Json(classifier->model_id()) : Json(nullptr)},
       {"confirmed_labels", confirmed},
       {"rules", {{"keywords", classifier->matcher()->keywords().size()}}}});
}

Result<http::Response> train_classifier(Context& ctx) {
  LJ_RETURN_IF_ERROR(require_region_trainer(ctx.actor));
  LJ_ASSIGN_OR_RETURN(Json j, json_object(ctx.req, {"epoch"}));
  classify::TrainOptions options;
  LJ_ASSIGN_OR_RETURN(auto epoch, opt_int(j, "epoch"));
  if (epoch) {
    if (*epoch < 1 || *epoch > 200)
      return Status::Invalid("epoch", "epoch must be between 1 and 200");
    options.epoch = static_cast<int>(*epoch);
  }
  LJ_ASSIGN_OR_RETURN(StoredModel m,
                      classify::train_and_store(ctx.app.store(), ctx.actor, options));
  LJ_ASSIGN_OR_RETURN(auto svc, service(ctx));
  svc->invalidate();
  return ok_json(model_json(m), 201);
}

Result<http::Response> classify_text(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(Json j, json_object(ctx.req, {"text", "channel"}));
  LJ_ASSIGN_OR_RETURN(std::string text, req_string(j, "text", kMaxClassifyText));
  LJ_ASSIGN_OR_RETURN(auto channel, opt_string(j, "channel", 16));
  if (channel && *channel != "online" && *channel != "offline")
    return Status::Invalid("channel", "channel must be 'online' or 'offline'");
  LJ_ASSIGN_OR_RETURN(auto svc, service(ctx));
  return ok_json(
      classify::to_json(svc->current()->classify(text, channel && *channel == "online"), true));
}

}  // namespace

void add_classify_routes(Router& r) {
  r.add("GET", "/api/v1/leads/{id}/classification", get_classification);
  r.add("POST", "/api/v1/leads/{id}/labels", set_labels);
  r.add("GET", "/api/v1/classifier", get_classifier);
  r.add("POST", "/api/v1/classifier/train", train_classifier);
  r.add("POST", "/api/v1/classify", classify_text);
}

}  // namespace lj::api
