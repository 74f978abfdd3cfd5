// The campaign's configuration over HTTP (docs/web.md, "Campaign settings"):
//   GET    /api/v1/campaign            the campaign as it applies: the data file with the stored
//                                      settings; any signed-in user
//   PUT    /api/v1/campaign            {"version", "period", "special_actions":[...]}: the
//                                      administrator of the campaign's region only
//   DELETE /api/v1/campaign/settings   back to the data file (same caller)
#include "api/app.hpp"
#include "api/errors.hpp"
#include "api/input.hpp"
#include "model/json.hpp"
#include "refdata/campaign_settings.hpp"
#include "store/sql/campaign_repo.hpp"

namespace lj::api {
namespace {

Result<const Json*> campaign_of(const App& app) {
  if (!app.config().campaign)
    return Status{Code::kUnavailable, "the campaign file is not loaded on this server"};
  return app.config().campaign.get();
}

// Only the administrator of the campaign's own unit (the region) changes its settings.
Status may_configure(const Actor& actor, const Json& campaign) {
  const std::string region = campaign.value("region", "");
  if (actor.role != Role::kAdmin || actor.unit_code != region)
    return Status::Forbidden("only an administrator of unit " + region +
                             " changes the campaign's settings");
  return Status::Ok();
}

Result<http::Response> answer(Context& ctx, const Json& campaign) {
  CampaignRepo repo(ctx.app.store().sql());
  const std::string id = campaign.value("id", "");
  LJ_ASSIGN_OR_RETURN(auto stored, repo.get(id));
  refdata::CampaignSettings settings = refdata::settings_of(campaign);
  if (stored) {
    // Stored settings were checked when written; checked again against today's file, whose
    // codes may have changed since, they fall back to the file where they no longer fit.
    auto checked = refdata::settings_from_json(stored->settings, campaign);
    if (checked.ok()) settings = std::move(*checked);
  }
  return ok_json(Json{{"campaign", refdata::apply_settings(campaign, settings)},
                      {"settings", refdata::to_json(settings)},
                      {"source", stored ? "stored" : "file"},
                      {"version", stored ? stored->version : 0},
                      {"updated_by", stored ? Json(stored->updated_by_name) : Json(nullptr)},
                      {"updated_at", stored ? Json(stored->updated_at) : Json(nullptr)},
                      {"editable", may_configure(ctx.actor, campaign).ok()}});
}

Result<http::Response> get_campaign(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(const Json* campaign, campaign_of(ctx.app));
  return answer(ctx, *campaign);
}

Result<http::Response> put_campaign(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(const Json* campaign, campaign_of(ctx.app));
  LJ_RETURN_IF_ERROR(may_configure(ctx.actor, *campaign));
  LJ_ASSIGN_OR_RETURN(Json body, json_object(ctx.req, {"version", "period", "special_actions"}));
  LJ_ASSIGN_OR_RETURN(auto version, opt_int(body, "version"));
  LJ_ASSIGN_OR_RETURN(auto settings, refdata::settings_from_json(body, *campaign));
  CampaignRepo repo(ctx.app.store().sql());
  LJ_RETURN_IF_ERROR(
      repo.put(ctx.actor, campaign->value("id", ""), refdata::to_json(settings), version).status());
  return answer(ctx, *campaign);
}

Result<http::Response> reset_campaign(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(const Json* campaign, campaign_of(ctx.app));
  LJ_RETURN_IF_ERROR(may_configure(ctx.actor, *campaign));
  CampaignRepo repo(ctx.app.store().sql());
  LJ_RETURN_IF_ERROR(repo.reset(ctx.actor, campaign->value("id", "")));
  return answer(ctx, *campaign);
}

}  // namespace

void add_campaign_routes(Router& r) {
  r.add("GET", "/api/v1/campaign", get_campaign);
  r.add("PUT", "/api/v1/campaign", put_campaign);
  r.add("DELETE", "/api/v1/campaign/settings", reset_campaign);
}

}  // namespace lj::api
