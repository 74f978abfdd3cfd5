// Entity resolution in the API (routes_resolve.cpp): the review queue, a lead's match and
// matter, and the hooks the lead routes call.
#pragma once

#include <cstdint>
#include <map>
#include <vector>

#include "api/router.hpp"
#include "store/sql/resolve_repo.hpp"

namespace lj::api {

// The options of a serving process: LIJIAN_RESOLVE_* from the environment, read once (defaults,
// with a warning in the log, when they are invalid).
const resolve::Options& server_resolve_options();
// Resolves and groups a lead just created through the API (as the creating actor).
Status resolve_created_lead(Context& ctx, int64_t lead_id);
// Redraws the matter of a lead changed by PATCH (its enterprise, category or violations).
Status regroup_updated_lead(Context& ctx, int64_t lead_id);
// Group id and size of the leads of a page.
Result<std::map<int64_t, GroupInfo>> lead_groups(Context& ctx, const std::vector<int64_t>& ids);

}  // namespace lj::api
