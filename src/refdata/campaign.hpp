// A campaign as data: data/campaign-2018.json holds the 2018 "质检利剑" campaign — its special
// actions (with time windows where the work plan gives them), product categories, violation
// types, lead sources and the lead and case statuses — with the codes of MISSION.md.
#pragma once

#include <string>
#include <vector>

#include "core/status.hpp"
#include "model/model.hpp"

namespace lj::refdata {

inline constexpr const char* kCampaign2018File = "campaign-2018.json";

// Reads and checks <data_dir>/campaign-2018.json: every list present, codes non-empty and
// unique within their kind, every product category's parent a special action of the campaign
// ("other" has none), every window with from <= to. kNotFound when missing; kInvalidArgument
// naming the field otherwise.
Result<Json> load_campaign(const std::string& data_dir);

// The vocabulary of a checked campaign document as CodeEntry rows of kinds special_action,
// product_category (parent = its special action), violation, lead_source, lead_status and
// case_status, each tagged with the campaign id.
std::vector<CodeEntry> codes_from_campaign(const Json& campaign);

// load_campaign + codes_from_campaign.
Result<std::vector<CodeEntry>> load_codes(const std::string& data_dir);

}  // namespace lj::refdata
