#include "cases/dishonesty.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>

#include "model/json.hpp"

namespace lj::cases {
namespace {

using std::chrono::year_month_day;

std::string text(const Json& j, const char* key) {
  return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

Result<int> integer(const Json& j, const char* key, const std::string& where, int lo, int hi) {
  if (!j.is_object() || !j.contains(key) || !j[key].is_number_integer() ||
      j[key].get<int64_t>() < lo || j[key].get<int64_t>() > hi)
    return Status::Invalid(where + "." + key,
                           "must be an integer " + std::to_string(lo) + ".." + std::to_string(hi));
  return j[key].get<int>();
}

bool non_empty(const Json& fields, const std::string& name) {
  if (!fields.contains(name)) return false;
  const Json& v = fields[name];
  if (v.is_string()) return v.get<std::string>().find_first_not_of(" \t\r\n") != std::string::npos;
  return !v.is_null();
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

constexpr size_t kMaxText = 4000;

}  // namespace

Result<DishonestyRules> DishonestyRules::from_json(const Json& doc) {
  if (!doc.is_object()) return Status::Invalid("dishonesty", "the rules are a JSON object");
  DishonestyRules r;
  r.source = text(doc, "source");
  if (r.source.empty()) return Status::Invalid("source", "the legal source is required");
  const Json& obj = doc.contains("objection_period") ? doc["objection_period"] : Json();
  LJ_ASSIGN_OR_RETURN(r.objection_length, integer(obj, "length", "objection_period", 1, 60));
  const std::string unit = text(obj, "unit");
  if (unit != "working_days" && unit != "days")
    return Status::Invalid("objection_period.unit", "unit must be 'working_days' or 'days'");
  r.objection_working_days = unit == "working_days";
  r.objection_source = text(obj, "source");
  const Json& period = doc.contains("listing_period") ? doc["listing_period"] : Json();
  LJ_ASSIGN_OR_RETURN(r.listing_years, integer(period, "years", "listing_period", 1, 20));
  r.listing_source = text(period, "source");
  const Json& early = doc.contains("early_removal_after") ? doc["early_removal_after"] : Json();
  LJ_ASSIGN_OR_RETURN(r.early_removal_years, integer(early, "years", "early_removal_after", 0, 20));
  r.early_removal_source = text(early, "source");
  if (r.early_removal_years > r.listing_years)
    return Status::Invalid("early_removal_after.years", "must not exceed listing_period.years");
  if (!doc.contains("grounds") || !doc["grounds"].is_array() || doc["grounds"].empty())
    return Status::Invalid("grounds", "a non-empty list of grounds is required");
  static const std::vector<std::string> known = {"heavy_discretion", "licence_revoked",
                                                 "production_suspended", "trade_ban"};
  for (size_t i = 0; i < doc["grounds"].size(); ++i) {
    const Json& g = doc["grounds"][i];
    const std::string where = "grounds[" + std::to_string(i) + "]";
    DishonestyGround ground{text(g, "code"), text(g, "name_zh"), text(g, "source")};
    if (std::find(known.begin(), known.end(), ground.code) == known.end())
      return Status::Invalid(where + ".code", "must be one of " + joined(known));
    if (ground.name_zh.empty()) return Status::Invalid(where + ".name_zh", "a name is required");
    if (r.ground(ground.code))
      return Status::Invalid(where + ".code", "'" + ground.code + "' twice");
    r.grounds.push_back(std::move(ground));
  }
  return r;
}

Result<DishonestyRules> DishonestyRules::load(const std::string& data_dir) {
  const std::string path = data_dir + "/dishonesty/dishonesty-rules.json";
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read the dishonesty rules " + path);
  Json doc = Json::parse(in, nullptr, false);
  if (doc.is_discarded()) return Status::Invalid("dishonesty", path + " is not valid JSON");
  auto r = from_json(doc);
  if (!r.ok()) return Status::Invalid(r.status().field(), path + ": " + r.status().message());
  return r;
}

const DishonestyGround* DishonestyRules::ground(const std::string& code) const {
  for (const auto& g : grounds)
    if (g.code == code) return &g;
  return nullptr;
}

Json DishonestyRules::to_json() const {
  Json g = Json::array();
  for (const auto& x : grounds)
    g.push_back(Json{{"code", x.code}, {"name_zh", x.name_zh}, {"source", x.source}});
  return Json{
      {"source", source},
      {"objection_period",
       {{"length", objection_length},
        {"unit", objection_working_days ? "working_days" : "days"},
        {"source", objection_source}}},
      {"listing_period", {{"years", listing_years}, {"source", listing_source}}},
      {"early_removal_after", {{"years", early_removal_years}, {"source", early_removal_source}}},
      {"grounds", g}};
}

std::vector<std::string> heavier_penalty_grounds(const CaseFacts& f, const DishonestyRules& r) {
  auto has = [&](const char* kind) {
    return std::any_of(f.penalties.begin(), f.penalties.end(),
                       [&](const FactsPenalty& p) { return p.kind == kind; });
  };
  std::vector<std::string> out;
  for (const auto& g : r.grounds) {
    bool met = false;
    if (g.code == "heavy_discretion")
      met = f.circumstances == "heavy" && f.fine_fen() > 0;
    else if (g.code == "licence_revoked")
      met = has("revoke_licence");
    else if (g.code == "production_suspended")
      met = has("suspend_production");
    else if (g.code == "trade_ban")
      met = has("trade_ban");
    if (met) out.push_back(g.code);
  }
  return out;
}

bool listing_may_be_proposed_in(const std::string& s) {
  static const std::vector<std::string> states = {"notice", "hearing",  "deciding", "decided",
                                                  "served", "executed", "closed"};
  return std::find(states.begin(), states.end(), s) != states.end();
}

Result<DishonestyListing> proposal(const DishonestyRules& rules, const Case& c,
                                   const Json* stored_facts,
                                   const std::vector<Enterprise>& enterprises,
                                   const std::string& authority, const std::string& reason,
                                   Role role) {
  if (role != Role::kOfficer && role != Role::kLeader)
    return Status::Forbidden("a listing is proposed by an officer or a leader of the case's unit");
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    return Status::Invalid("reason", "reason is required: why the party should be listed");
  if (reason.size() > kMaxText)
    return Status::Invalid("reason", "reason may have at most 4000 bytes");
  if (!listing_may_be_proposed_in(c.status))
    return Status::Invalid("case_id", "case " + std::to_string(c.id) + " is in state '" + c.status +
                                          "': a listing is proposed inside the penalty procedure, "
                                          "from the prior notice to the closing of the case");
  if (!stored_facts)
    return Status::Invalid(
        "case_id",
        "case " + std::to_string(c.id) + " has no facts: the penalty and the party come from them");
  LJ_ASSIGN_OR_RETURN(CaseFacts facts, facts_from_json(*stored_facts));
  DishonestyListing l;
  l.grounds = heavier_penalty_grounds(facts, rules);
  if (l.grounds.empty())
    return Status::Invalid("case_id", "case " + std::to_string(c.id) +
                                          " carries no heavier penalty (heavy discretion tier with "
                                          "a fine, licence revoked, production suspended, trade "
                                          "ban): Order 44 lists only those");
  auto registry = [&](int64_t id) -> const Enterprise* {
    for (const auto& e : enterprises)
      if (e.id == id) return &e;
    return nullptr;
  };
  const Enterprise* e = nullptr;
  for (const auto& p : facts.parties) {
    if (p.kind == "enterprise" && (e = registry(p.enterprise_id))) break;
    if (p.kind == "person") {
      l.party_kind = "person";
      l.party_name = p.name;
      break;
    }
  }
  if (!e && l.party_kind.empty() && c.enterprise_id) e = registry(*c.enterprise_id);
  if (e) {
    l.party_kind = "enterprise";
    l.enterprise_id = e->id;
    l.party_name = e->name;
    l.uscc = e->uscc;
  }
  if (l.party_kind.empty())
    return Status::Invalid("case_id",
                           "case " + std::to_string(c.id) +
                               " names no party (facts.parties or the case's enterprise)");
  l.case_id = c.id;
  l.case_no = c.case_no;
  l.unit_code = c.unit_code;
  l.unit_path = c.unit_path;
  l.authority = authority;
  l.reason = reason;
  l.status = "proposed";
  return l;
}

const std::vector<DishonestyAction>& dishonesty_actions() {
  static const std::vector<DishonestyAction> actions = {
      {"notify", "告知当事人拟列入", {"proposed"}, "notified", {Role::kLeader}, {"notice_no"}},
      {"record_objection",
       "记录当事人异议",
       {"notified"},
       "objected",
       {Role::kOfficer, Role::kLeader},
       {"objection"}},
      {"answer_objection",
       "答复异议",
       {"objected"},
       "@decided",
       {Role::kLeader},
       {"answer", "upheld"}},
      {"decide", "决定列入", {"notified", "answered"}, "listed", {Role::kLeader}, {"decision_no"}},
      {"refuse",
       "决定不予列入",
       {"proposed", "notified", "objected", "answered"},
       "not_listed",
       {Role::kLeader},
       {"reason"}},
      {"apply_removal",
       "申请提前移出",
       {"listed"},
       "removal_requested",
       {Role::kOfficer, Role::kLeader},
       {"correction"}},
      {"approve_removal",
       "批准提前移出",
       {"removal_requested"},
       "removed",
       {Role::kLeader},
       {"reason"}},
      {"refuse_removal",
       "不予提前移出",
       {"removal_requested"},
       "listed",
       {Role::kLeader},
       {"reason"}},
  };
  return actions;
}

std::string add_years(const std::string& day, int years) {
  auto d = calendar::parse_date(day);
  if (!d.ok()) return day;
  year_month_day ymd{*d};
  const std::chrono::year y = ymd.year() + std::chrono::years(years);
  year_month_day out = y / ymd.month() / ymd.day();
  if (!out.ok()) out = year_month_day{y / ymd.month() / std::chrono::last};
  return calendar::format_date(std::chrono::sys_days{out});
}

Result<DishonestyListing> dishonesty_step(const DishonestyRules& rules,
                                          const calendar::WorkCalendar& cal,
                                          const DishonestyListing& before,
                                          const std::string& action, Role role,
                                          const std::string& by, const Json& fields,
                                          const std::string& today) {
  const DishonestyAction* a = nullptr;
  for (const auto& x : dishonesty_actions())
    if (x.action == action) a = &x;
  if (!a) return Status::Invalid("action", "no action '" + action + "' on a dishonesty listing");
  if (std::find(a->from.begin(), a->from.end(), before.status) == a->from.end())
    return Status::Conflict("'" + action + "' cannot be taken on a listing in state '" +
                                before.status + "'; it is taken from: " + joined(a->from),
                            "action");
  if (std::find(a->roles.begin(), a->roles.end(), role) == a->roles.end()) {
    std::vector<std::string> names;
    for (Role r : a->roles) names.emplace_back(role_name(r));
    return Status::Forbidden("'" + action + "' is taken by: " + joined(names) + "; you are " +
                             role_name(role));
  }
  if (!fields.is_object()) return Status::Invalid("body", "the body must be a JSON object");
  for (const auto& [key, value] : fields.items()) {
    if (key != "note" && std::find(a->fields.begin(), a->fields.end(), key) == a->fields.end())
      return Status::Invalid(key, "'" + action + "' takes no field '" + key + "'");
    if (key == "upheld" ? !value.is_boolean() : !value.is_string())
      return Status::Invalid(
          key, key == "upheld" ? "upheld must be true or false" : key + " must be a string");
    if (value.is_string() && value.get<std::string>().size() > kMaxText)
      return Status::Invalid(key, key + " may have at most 4000 bytes");
  }
  for (const auto& f : a->fields)
    if (!non_empty(fields, f)) return Status::Invalid(f, f + " is required for '" + action + "'");
  auto day = calendar::parse_date(today, "today");
  if (!day.ok()) return day.status();

  DishonestyListing after = before;
  after.status = a->to;
  if (action == "notify") {
    Result<calendar::Date> due =
        rules.objection_working_days
            ? cal.add_working_days(*day, rules.objection_length)
            : Result<calendar::Date>(*day + std::chrono::days{rules.objection_length});
    if (!due.ok())
      return Status::Invalid("today",
                             "the objection period cannot be counted: " + due.status().message());
    after.objection_due = calendar::format_date(*due);
  } else if (action == "record_objection") {
    if (today > before.objection_due)
      return Status::Conflict("the objection period ended on " + before.objection_due, "action");
  } else if (action == "answer_objection") {
    after.status = fields["upheld"].get<bool>() ? "not_listed" : "answered";
  } else if (action == "decide") {
    if (before.status == "notified" && today <= before.objection_due)
      return Status::Conflict("the party may object until " + before.objection_due + " (" +
                                  rules.objection_source + "): decide after that day",
                              "action");
    after.decision_no = fields["decision_no"].get<std::string>();
    after.listed_on = today;
    after.expires_on = add_years(today, rules.listing_years);
  } else if (action == "apply_removal") {
    const std::string earliest = add_years(before.listed_on, rules.early_removal_years);
    if (today < earliest)
      return Status::Conflict("early removal may be applied for from " + earliest + " (" +
                                  rules.early_removal_source + ")",
                              "action");
  } else if (action == "approve_removal") {
    after.removed_on = today;
    after.removal = "early";
  }
  Json recorded = fields;
  after.steps[action] = Json{{"on", today}, {"by", by}, {"fields", recorded}};
  return after;
}

}  // namespace lj::cases
