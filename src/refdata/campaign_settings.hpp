// The parts of a campaign a bureau adjusts during the year without a new release: its period,
// and for each special action the time windows (集中行动), the focus violations and the focus
// product categories (重点产品目录). The campaign file (data/campaign-2018.json) is the default;
// the regional administrator's stored settings (store/sql/campaign_repo.hpp) replace these parts
// of it. Codes themselves (the vocabulary) never change here.
#pragma once

#include <string>
#include <vector>

#include "core/status.hpp"
#include "model/model.hpp"

namespace lj::refdata {

struct CampaignWindow {
  std::string code, name_zh, name_en;
  std::string from, to;  // YYYY-MM-DD, from <= to
};

struct ActionSettings {
  std::string code;  // a special action of the campaign
  std::vector<CampaignWindow> windows;
  std::vector<std::string> focus_violations;  // violation codes of the campaign
  std::vector<std::string> focus_categories;  // product category codes of the campaign
};

struct CampaignSettings {
  std::string period_from, period_to;   // YYYY-MM-DD, from <= to
  std::vector<ActionSettings> actions;  // in the campaign file's order, each action once
};

// The settings as the campaign file has them.
CampaignSettings settings_of(const Json& campaign);

// Checks a body {"period":{"from","to"},"special_actions":[{"code","windows","focus_violations",
// "focus_categories"}]} against the campaign: known codes only, real dates, from <= to, window
// codes unique within an action, no unknown fields. Actions the body leaves out keep the file's
// settings. kInvalidArgument naming the field, e.g. "special_actions[1].windows[0].to".
Result<CampaignSettings> settings_from_json(const Json& body, const Json& campaign);

Json to_json(const CampaignSettings& s);

// The campaign file with the settings applied: "period", and each special action's "windows",
// "focus_violations" and "focus_categories".
Json apply_settings(const Json& campaign, const CampaignSettings& s);

}  // namespace lj::refdata
