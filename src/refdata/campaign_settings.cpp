#include "refdata/campaign_settings.hpp"

#include <algorithm>
#include <set>

#include "calendar/work_calendar.hpp"

namespace lj::refdata {

namespace {

std::vector<std::string> strings(const Json& j) {
  std::vector<std::string> out;
  if (j.is_array())
    for (const auto& x : j)
      if (x.is_string()) out.push_back(x.get<std::string>());
  return out;
}

std::set<std::string> codes_of(const Json& campaign, const char* list) {
  std::set<std::string> out;
  for (const auto& x : campaign.value(list, Json::array())) out.insert(x.value("code", ""));
  return out;
}

Status only_fields(const Json& j, const std::string& where,
                   std::initializer_list<const char*> allowed) {
  if (!j.is_object()) return Status::Invalid(where, where + " must be an object");
  for (const auto& [k, v] : j.items())
    if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return k == a; }))
      return Status::Invalid(where + "." + k, where + " has no field '" + k + "'");
  return Status::Ok();
}

Result<std::string> text(const Json& j, const char* key, const std::string& where, size_t max,
                         bool required) {
  const std::string field = where + "." + key;
  if (!j.contains(key) || j[key].is_null()) {
    if (required) return Status::Invalid(field, field + " is required");
    return std::string();
  }
  if (!j[key].is_string()) return Status::Invalid(field, field + " must be text");
  std::string v = j[key].get<std::string>();
  if (required && v.empty()) return Status::Invalid(field, field + " is required");
  if (v.size() > max)
    return Status::Invalid(field, field + " is longer than " + std::to_string(max) + " bytes");
  return v;
}

Status date_range(const std::string& from, const std::string& to, const std::string& where) {
  LJ_RETURN_IF_ERROR(calendar::parse_date(from, where + ".from").status());
  LJ_RETURN_IF_ERROR(calendar::parse_date(to, where + ".to").status());
  if (to < from)
    return Status::Invalid(where + ".to", where + ".to " + to + " is before its from " + from);
  return Status::Ok();
}

Result<std::vector<std::string>> code_list(const Json& j, const char* key, const std::string& where,
                                           const std::set<std::string>& known, const char* what) {
  const std::string field = where + "." + key;
  if (!j.contains(key)) return std::vector<std::string>{};
  if (!j[key].is_array()) return Status::Invalid(field, field + " must be a list of codes");
  std::vector<std::string> out;
  for (size_t i = 0; i < j[key].size(); ++i) {
    const Json& x = j[key][i];
    const std::string at = field + "[" + std::to_string(i) + "]";
    if (!x.is_string() || !known.count(x.get<std::string>()))
      return Status::Invalid(at, at + " is not a " + what + " code of the campaign");
    if (std::find(out.begin(), out.end(), x.get<std::string>()) == out.end())
      out.push_back(x.get<std::string>());
  }
  return out;
}

}  // namespace

CampaignSettings settings_of(const Json& campaign) {
  CampaignSettings s;
  const Json period = campaign.value("period", Json::object());
  s.period_from = period.value("from", "");
  s.period_to = period.value("to", "");
  for (const auto& a : campaign.value("special_actions", Json::array())) {
    ActionSettings as;
    as.code = a.value("code", "");
    for (const auto& w : a.value("windows", Json::array()))
      as.windows.push_back({w.value("code", ""), w.value("name_zh", ""), w.value("name_en", ""),
                            w.value("from", ""), w.value("to", "")});
    as.focus_violations = strings(a.value("focus_violations", Json::array()));
    as.focus_categories = strings(a.value("focus_categories", Json::array()));
    s.actions.push_back(std::move(as));
  }
  return s;
}

Result<CampaignSettings> settings_from_json(const Json& body, const Json& campaign) {
  LJ_RETURN_IF_ERROR(only_fields(body, "settings", {"period", "special_actions", "version"}));
  CampaignSettings s = settings_of(campaign);
  if (body.contains("period")) {
    LJ_RETURN_IF_ERROR(only_fields(body["period"], "period", {"from", "to"}));
    LJ_ASSIGN_OR_RETURN(s.period_from, text(body["period"], "from", "period", 10, true));
    LJ_ASSIGN_OR_RETURN(s.period_to, text(body["period"], "to", "period", 10, true));
    LJ_RETURN_IF_ERROR(date_range(s.period_from, s.period_to, "period"));
  }
  if (!body.contains("special_actions")) return s;
  const Json& list = body["special_actions"];
  if (!list.is_array()) return Status::Invalid("special_actions", "special_actions must be a list");
  const auto violations = codes_of(campaign, "violations");
  const auto categories = codes_of(campaign, "product_categories");
  std::set<std::string> seen;
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string where = "special_actions[" + std::to_string(i) + "]";
    const Json& a = list[i];
    LJ_RETURN_IF_ERROR(
        only_fields(a, where, {"code", "windows", "focus_violations", "focus_categories"}));
    LJ_ASSIGN_OR_RETURN(std::string code, text(a, "code", where, 64, true));
    auto it = std::find_if(s.actions.begin(), s.actions.end(),
                           [&](const ActionSettings& x) { return x.code == code; });
    if (it == s.actions.end())
      return Status::Invalid(
          where + ".code", where + ".code '" + code + "' is not a special action of the campaign");
    if (!seen.insert(code).second)
      return Status::Invalid(where + ".code", where + ".code '" + code + "' is named twice");
    if (a.contains("windows")) {
      if (!a["windows"].is_array())
        return Status::Invalid(where + ".windows", where + ".windows must be a list");
      std::vector<CampaignWindow> windows;
      std::set<std::string> window_codes;
      for (size_t k = 0; k < a["windows"].size(); ++k) {
        const std::string at = where + ".windows[" + std::to_string(k) + "]";
        const Json& w = a["windows"][k];
        LJ_RETURN_IF_ERROR(only_fields(w, at, {"code", "name_zh", "name_en", "from", "to"}));
        CampaignWindow cw;
        LJ_ASSIGN_OR_RETURN(cw.code, text(w, "code", at, 64, true));
        LJ_ASSIGN_OR_RETURN(cw.name_zh, text(w, "name_zh", at, 200, true));
        LJ_ASSIGN_OR_RETURN(cw.name_en, text(w, "name_en", at, 200, false));
        LJ_ASSIGN_OR_RETURN(cw.from, text(w, "from", at, 10, true));
        LJ_ASSIGN_OR_RETURN(cw.to, text(w, "to", at, 10, true));
        LJ_RETURN_IF_ERROR(date_range(cw.from, cw.to, at));
        if (!window_codes.insert(cw.code).second)
          return Status::Invalid(at + ".code",
                                 at + ".code '" + cw.code + "' is used twice in this action");
        windows.push_back(std::move(cw));
      }
      it->windows = std::move(windows);
    }
    if (a.contains("focus_violations")) {
      LJ_ASSIGN_OR_RETURN(it->focus_violations,
                          code_list(a, "focus_violations", where, violations, "violation"));
    }
    if (a.contains("focus_categories")) {
      LJ_ASSIGN_OR_RETURN(it->focus_categories,
                          code_list(a, "focus_categories", where, categories, "product category"));
    }
  }
  return s;
}

Json to_json(const CampaignSettings& s) {
  Json actions = Json::array();
  for (const auto& a : s.actions) {
    Json windows = Json::array();
    for (const auto& w : a.windows)
      windows.push_back(Json{{"code", w.code},
                             {"name_zh", w.name_zh},
                             {"name_en", w.name_en},
                             {"from", w.from},
                             {"to", w.to}});
    actions.push_back(Json{{"code", a.code},
                           {"windows", windows},
                           {"focus_violations", a.focus_violations},
                           {"focus_categories", a.focus_categories}});
  }
  return Json{{"period", Json{{"from", s.period_from}, {"to", s.period_to}}},
              {"special_actions", actions}};
}

Json apply_settings(const Json& campaign, const CampaignSettings& s) {
  Json out = campaign;
  out["period"]["from"] = s.period_from;
  out["period"]["to"] = s.period_to;
  const Json mine = to_json(s)["special_actions"];
  for (auto& a : out["special_actions"]) {
    for (const auto& m : mine) {
      if (m["code"] != a["code"]) continue;
      a["windows"] = m["windows"];
      a["focus_violations"] = m["focus_violations"];
      a["focus_categories"] = m["focus_categories"];
    }
  }
  return out;
}

}  // namespace lj::refdata
