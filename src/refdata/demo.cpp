#include "refdata/demo.hpp"

#include <map>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "model/actor.hpp"
#include "refdata/campaign.hpp"
#include "cases/case_actions.hpp"
#include "refdata/demo_data.hpp"
#include "refdata/demo_sampling.hpp"
#include "refdata/demo_labels.hpp"
#include "refdata/demo_variants.hpp"
#include "refdata/divisions.hpp"
#include "store/sql/resolve_repo.hpp"

namespace lj::refdata {
namespace {

constexpr const char* kDemoProvince = "15";

struct AccountSpec {
  const char* username;
  Role role;
  const char* unit_code;
  const char* display_name;
};

constexpr AccountSpec kAccounts[] = {
    {"demo_admin", Role::kAdmin, "150000", "演示·自治区局管理员"},
    {"demo_region_leader", Role::kLeader, "150000", "演示·自治区局领导"},
    {"demo_analyst", Role::kAnalyst, "150000", "演示·自治区局数据分析员"},
    {"demo_chifeng_leader", Role::kLeader, "150400", "演示·赤峰市局领导"},
    {"demo_songshan_officer", Role::kOfficer, "150404", "演示·松山区局执法人员"},
    {"demo_hongshan_officer", Role::kOfficer, "150402", "演示·红山区局执法人员"},
    {"demo_chifeng_admin", Role::kAdmin, "150400", "演示·赤峰市局管理员"},
    {"demo_xincheng_officer", Role::kOfficer, "150102", "演示·新城区局执法人员"},
};

// The demo user who opens a case from a lead of `unit_code`: the unit's own officer where
// there is one, else the leader whose scope covers the unit.
std::string case_opener(const std::string& unit_code) {
  for (const AccountSpec& a : kAccounts) {
    if (a.role == Role::kOfficer && unit_code == a.unit_code) return a.username;
  }
  return unit_code.rfind("1504", 0) == 0 ? "demo_chifeng_leader" : "demo_region_leader";
}

// Creates the demo users that do not exist yet; returns the actor of each (by username).
Result<std::map<std::string, Actor>> ensure_users(Store& store, std::vector<DemoAccount>& accounts) {
  const Actor system = Actor::system("demo");
  std::map<std::string, Actor> actors;
  for (size_t i = 0; i < accounts.size(); ++i) {
    DemoAccount& account = accounts[i];
    LJ_ASSIGN_OR_RETURN(Unit unit, store.get_unit(account.unit_code));
    account.unit_name = unit.name;
    User user;
    auto existing = store.find_login(account.username);
    if (existing.ok()) {
      user = existing->first;
    } else if (existing.status().code() != Code::kNotFound) {
      return existing.status();
    } else {
      User draft;
      draft.username = account.username;
      draft.display_name = kAccounts[i].display_name;
      draft.unit_code = account.unit_code;
      draft.role = account.role;
      draft.is_demo = true;
      LJ_ASSIGN_OR_RETURN(user, store.create_user(system, draft, hash_password(account.password)));
      account.created = true;
    }
    Actor a = make_actor(user, unit, "cli");
    a.request_id = "demo";
    actors[account.username] = a;
  }
  return actors;
}

Case case_draft(const Lead& lead, int64_t lead_id, const demo::LeadDraft& d, const Actor& by) {
  Case c;
  c.lead_id = lead_id;
  c.unit_code = lead.unit_code;
  c.unit_path = lead.unit_path;
  c.title = lead.title;
  c.summary = lead.text;
  c.product_category = lead.product_category;
  c.special_actions = lead.special_actions;
  c.violations = lead.violations;
  c.enterprise_id = lead.enterprise_id;
  c.is_major = d.major;
  c.opened_by = by.user_id;
  c.opened_at = format_time(d.case_opened_at);
  return c;
}

}  // namespace

Status load_reference(Store& store, const std::string& data_dir, const std::string& province) {
  LJ_ASSIGN_OR_RETURN(std::vector<Unit> units, load_units(data_dir, province));
  LJ_ASSIGN_OR_RETURN(std::vector<CodeEntry> codes, load_codes(data_dir));
  const Actor actor = Actor::system("reference");
  LJ_RETURN_IF_ERROR(store.upsert_units(actor, units));
  return store.upsert_codes(actor, codes);
}

std::vector<DemoAccount> demo_accounts() {
  std::vector<DemoAccount> out;
  for (const AccountSpec& a : kAccounts) {
    out.push_back({a.username, kDemoPassword, a.role, a.unit_code, "", false});
  }
  return out;
}

Result<std::vector<DemoAccount>> load_demo(Store& store, const std::string& data_dir,
                                           const DemoOptions& opts) {
  for (const AccountSpec& a : kAccounts) {
    if (!store.get_unit(a.unit_code).ok()) {
      return Status::NotFound(std::string("unit ") + a.unit_code +
                              " is not in the store: load the reference data of province 15 first");
    }
  }
  std::vector<DemoAccount> accounts = demo_accounts();
  LJ_ASSIGN_OR_RETURN(auto actors, ensure_users(store, accounts));

  LJ_ASSIGN_OR_RETURN(std::vector<Unit> units, load_units(data_dir, kDemoProvince));
  LJ_ASSIGN_OR_RETURN(std::vector<Division> divisions, load_divisions(data_dir, kDemoProvince));
  demo::DemoData data = demo::generate_demo(units, divisions, opts);
  demo::apply_resolution_variants(data, units, opts.seed);

  const Actor system = Actor::system("demo");
  std::vector<int64_t> enterprise_ids;
  enterprise_ids.reserve(data.enterprises.size());
  for (const demo::EnterpriseDraft& e : data.enterprises) {
    LJ_ASSIGN_OR_RETURN(Upserted up, store.upsert_enterprise(system, e.enterprise));
    enterprise_ids.push_back(up.id);
  }
  if (opts.sampling)
    LJ_RETURN_IF_ERROR(demo::load_demo_sampling(store, data, enterprise_ids, opts.seed));

  // Opened cases get their statutory periods stored, as POST /api/v1/cases does.
  LJ_ASSIGN_OR_RETURN(cases::Procedure procedure, cases::Procedure::load(data_dir));
  LJ_ASSIGN_OR_RETURN(calendar::WorkCalendar work_calendar, calendar::WorkCalendar::load(data_dir));
  CaseProcedureRepo procedure_repo(store.sql());
  const auto schedule = cases::deadline_schedule(procedure, work_calendar);
  std::vector<demo::LabelledDemoLead> labelled;
  for (demo::LeadDraft& d : data.leads) {
    if (d.enterprise >= 0) d.lead.enterprise_id = enterprise_ids[static_cast<size_t>(d.enterprise)];
    LJ_ASSIGN_OR_RETURN(Upserted up, store.insert_lead(system, d.lead));
    if (up.created) labelled.push_back({up.id, &actors.at(case_opener(d.lead.unit_code))});
    // A lead that existed already had its case opened by the run that inserted it.
    if (!up.created || !d.open_case) continue;
    const Actor& opener = actors.at(case_opener(d.lead.unit_code));
    auto opened = store.open_case(opener, up.id, case_draft(d.lead, up.id, d, opener));
    if (!opened.ok()) {
      return Status(opened.status().code(), "opening the case of demo lead " + d.lead.source_id +
                                                ": " + opened.status().message());
    }
    LJ_RETURN_IF_ERROR(procedure_repo.refresh_deadlines(opener, opened->id, schedule));
  }
  LJ_RETURN_IF_ERROR(demo::label_demo_leads(store, labelled));
  // Link the leads that name enterprises the way sources do, and group the repeated ones.
  LJ_ASSIGN_OR_RETURN(ResolveRepo resolver, ResolveRepo::open(store, resolve::Options{}));
  LJ_RETURN_IF_ERROR(resolver.resolve_pending(system, false).status());
  return accounts;
}

}  // namespace lj::refdata
