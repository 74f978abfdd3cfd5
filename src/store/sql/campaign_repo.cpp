#include "store/sql/campaign_repo.hpp"

namespace lj {

namespace {

constexpr const char* kSelect =
    "SELECT settings, version, updated_by_name, updated_at FROM campaign_settings "
    "WHERE campaign_id = ?";
constexpr const char* kInsert =
    "INSERT INTO campaign_settings (campaign_id, settings, version, updated_by, updated_by_name, "
    "updated_at) VALUES (?, ?, ?, ?, ?, ?)";
constexpr const char* kUpdate =
    "UPDATE campaign_settings SET settings = ?, version = ?, updated_by = ?, updated_by_name = ?, "
    "updated_at = ? WHERE campaign_id = ? AND version = ?";
constexpr const char* kDelete = "DELETE FROM campaign_settings WHERE campaign_id = ?";

Result<std::optional<StoredCampaignSettings>> load(sql::Connection& c, const std::string& id) {
  LJ_ASSIGN_OR_RETURN(sql::Rows rows, c.query(kSelect, {id}));
  if (rows.empty()) return std::optional<StoredCampaignSettings>{};
  StoredCampaignSettings s;
  s.settings = Json::parse(rows[0].text(0), nullptr, false);
  if (s.settings.is_discarded()) s.settings = Json::object();
  s.version = rows[0].int64(1);
  s.updated_by_name = rows[0].text(2);
  s.updated_at = rows[0].text(3);
  return std::optional<StoredCampaignSettings>(std::move(s));
}

}  // namespace

Result<std::optional<StoredCampaignSettings>> CampaignRepo::get(const std::string& campaign_id) {
  std::optional<StoredCampaignSettings> out;
  Status st = store_.read([&](sql::Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(out, load(c, campaign_id));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<StoredCampaignSettings> CampaignRepo::put(const Actor& actor, const std::string& campaign_id,
                                                 const Json& settings,
                                                 std::optional<int64_t> expected_version) {
  StoredCampaignSettings out;
  Status st = store_.write([&](sql::Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(auto before, load(c, campaign_id));
    const int64_t current = before ? before->version : 0;
    if (expected_version && *expected_version != current)
      return Status::Conflict("the campaign settings were changed by someone else (version " +
                                  std::to_string(current) + ")",
                              "version");
    out.settings = settings;
    out.version = current + 1;
    out.updated_by_name = actor.username;
    out.updated_at = store_.now();
    if (before) {
      LJ_RETURN_IF_ERROR(c.exec(kUpdate, {settings.dump(), out.version, actor.user_id,
                                          actor.username, out.updated_at, campaign_id, current}));
    } else {
      LJ_RETURN_IF_ERROR(c.exec(kInsert, {campaign_id, settings.dump(), out.version, actor.user_id,
                                          actor.username, out.updated_at}));
    }
    return store_.audit(c, actor, "update", "campaign", campaign_id,
                        before ? before->settings : Json(nullptr),
                        Json{{"settings", settings}, {"version", out.version}});
  });
  if (!st.ok()) return st;
  return out;
}

Status CampaignRepo::reset(const Actor& actor, const std::string& campaign_id) {
  return store_.write([&](sql::Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(auto before, load(c, campaign_id));
    LJ_RETURN_IF_ERROR(c.exec(kDelete, {campaign_id}));
    return store_.audit(c, actor, "reset", "campaign", campaign_id,
                        before ? before->settings : Json(nullptr), nullptr);
  });
}

}  // namespace lj
