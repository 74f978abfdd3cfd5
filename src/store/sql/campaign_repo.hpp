// Storage of the campaign settings the regional administrator changed (table campaign_settings,
// schema version 13): one row per campaign id with the settings JSON
// (refdata/campaign_settings.hpp) and a version for optimistic concurrency. Every change is
// audited in its transaction (entity "campaign", the campaign id). Reading needs no scope: the
// campaign is the same for every unit.
#pragma once

#include <optional>
#include <string>

#include "model/model.hpp"
#include "store/sql/sql_store.hpp"

namespace lj {

struct StoredCampaignSettings {
  Json settings;        // refdata::to_json(CampaignSettings)
  int64_t version = 0;  // 0: nothing stored (the campaign file holds)
  std::string updated_by_name, updated_at;
};

class CampaignRepo {
 public:
  explicit CampaignRepo(SqlStore& store) : store_(store) {}

  // The stored settings, or nullopt when the campaign file holds.
  Result<std::optional<StoredCampaignSettings>> get(const std::string& campaign_id);

  // Stores `settings` (already checked by the caller) as the next version. `expected_version`
  // (0 before the first store) must match when given (kConflict, field "version").
  Result<StoredCampaignSettings> put(const Actor& actor, const std::string& campaign_id,
                                     const Json& settings, std::optional<int64_t> expected_version);

  // Removes the stored settings: the campaign file holds again. Audited even when none were
  // stored (the request is recorded).
  Status reset(const Actor& actor, const std::string& campaign_id);

 private:
  SqlStore& store_;
};

}  // namespace lj
