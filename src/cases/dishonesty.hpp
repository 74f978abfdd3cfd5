// The serious-dishonesty list (严重违法失信名单, SAMR Order 44; RULES.md, docs/dishonesty.md):
// which case facts are a heavier penalty that may list the party, and the listing's workflow
// as a small state machine:
//
//   proposed ─notify─▶ notified ─record_objection─▶ objected ─answer_objection─▶ answered
//       │                  │  (within the objection period)        │ (objection upheld: not_listed)
//       │                  └──────────── decide (after the period) ─┴────────────▶ listed
//       └── refuse (any state before listed) ─▶ not_listed                          │
//   listed ─apply_removal (after early_removal_after)─▶ removal_requested ─approve_removal─▶
//   removed
//                                                       └──refuse_removal──▶ listed
//   listed | removal_requested ──(the listing period ends: the scheduler)──▶ removed
//
// Leaders (the bureau head) notify, answer, decide, refuse and approve; officers and leaders
// record the party's objection and its application for early removal. Pure: the store applies
// a step (dishonesty_repo.hpp) in one transaction with its audit entry.
#pragma once

#include <string>
#include <vector>

#include "calendar/work_calendar.hpp"
#include "cases/facts.hpp"
#include "store/sql/dishonesty_repo.hpp"

namespace lj::cases {

struct DishonestyGround {
  std::string code, name_zh, source;
};

// data/dishonesty/dishonesty-rules.json. Immutable after loading: safe to share.
struct DishonestyRules {
  std::string source;
  int objection_length = 5;
  bool objection_working_days = true;
  std::string objection_source;
  int listing_years = 3;
  std::string listing_source;
  int early_removal_years = 1;
  std::string early_removal_source;
  std::vector<DishonestyGround> grounds;

  // Errors name the entry ("objection_period.length").
  static Result<DishonestyRules> from_json(const Json& doc);
  static Result<DishonestyRules> load(const std::string& data_dir);
  const DishonestyGround* ground(const std::string& code) const;
  Json to_json() const;
};

// The heavier penalties the facts carry, as ground codes in the order of the rules:
// heavy_discretion (circumstances "heavy" with a fine), licence_revoked, production_suspended,
// trade_ban (penalty kinds revoke_licence, suspend_production, trade_ban).
std::vector<std::string> heavier_penalty_grounds(const CaseFacts& f, const DishonestyRules& r);

// Case states in which a listing may be proposed: from the prior notice on (the proposal goes
// with the penalty decision), and after the decision while the case is not revoked.
bool listing_may_be_proposed_in(const std::string& case_status);

// The listing a proposal creates, or kInvalidArgument naming the field: the case must be in a
// state above, its facts must name a party and carry a heavier penalty; `reason` (1..2000
// bytes) says why. `enterprises`: the registry entries the facts' parties and the case name.
// `role` must be officer or leader (kForbidden otherwise).
Result<DishonestyListing> proposal(const DishonestyRules& rules, const Case& c,
                                   const Json* stored_facts,
                                   const std::vector<Enterprise>& enterprises,
                                   const std::string& authority, const std::string& reason,
                                   Role role);

struct DishonestyAction {
  std::string action, name_zh;
  std::vector<std::string> from;
  std::string to;  // "@decided": upheld objection -> not_listed, else answered
  std::vector<Role> roles;
  std::vector<std::string> fields;  // required, non-empty
};
const std::vector<DishonestyAction>& dishonesty_actions();

// Checks `action` on `before` for `role` with the request's fields (a JSON object; anything
// not named is refused by name) on `today` (YYYY-MM-DD), and returns the listing after it:
// status, the step recorded under steps[action] ({on, by, fields}), and the dates it sets
// (objection_due, listed_on and expires_on, removed_on). Refusals: unknown action (400
// "action"), wrong state (409), role (403), missing or bad field (400 naming it), the objection
// period still running for `decide` or over for `record_objection` (409), early removal asked
// before its time (409).
Result<DishonestyListing> dishonesty_step(const DishonestyRules& rules,
                                          const calendar::WorkCalendar& calendar,
                                          const DishonestyListing& before,
                                          const std::string& action, Role role,
                                          const std::string& by, const Json& fields,
                                          const std::string& today);

// `day` plus `years` calendar years (29 February becomes 28 February), YYYY-MM-DD.
std::string add_years(const std::string& day, int years);

}  // namespace lj::cases
