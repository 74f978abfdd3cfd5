// Storage of the serious-dishonesty list (cases/dishonesty.hpp, migration 12): listings tied to
// the case they were proposed in, each step written with a case timeline event and an audit
// entry in one transaction; the lists scoped in SQL (the case's unit and the units above it);
// the current listings for partners and the public; removal when the period ends.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"
#include "store/sql/sql_store.hpp"

namespace lj {

// statuses: proposed | notified | objected | answered | listed | not_listed | removal_requested
// | removed. Days are YYYY-MM-DD (Asia/Shanghai), empty when not reached.
struct DishonestyListing {
  int64_t id = 0;
  int64_t case_id = 0;
  std::string case_no;
  std::string unit_code, unit_path;
  std::string authority;      // the deciding authority (the case's unit's name)
  int64_t enterprise_id = 0;  // 0: the party is a natural person or not in the registry
  std::string party_kind;     // enterprise | person
  std::string party_name;
  std::string uscc;  // enterprises only
  std::vector<std::string> grounds;
  std::string reason;
  std::string status;
  Json steps = Json::object();  // action -> {"on", "by", "fields"}
  std::string objection_due, decision_no, listed_on, expires_on, removed_on;
  std::string removal;  // expired | early, once removed
  int64_t proposed_by = 0;
  std::string proposed_at, updated_at;
  int64_t version = 1;
};
// The full record (workflow API).
Json to_json(const DishonestyListing& l);
// Only the published fields (public list): party name, USCC, reason, grounds, deciding
// authority, decision number, dates. No person's identifiers, no steps, no internal ids.
Json to_public_json(const DishonestyListing& l);

struct DishonestyQuery {
  std::string status;  // empty: any
  std::string uscc;    // exact
  std::string name;    // substring of the party name
  int64_t case_id = 0;  // > 0: the listings of that case only (internal list)
  int limit = 100, skip = 0;
};

class DishonestyRepo {
 public:
  explicit DishonestyRepo(SqlStore& store) : store_(store) {}

  // Inside a write transaction: loads the case (scoped; kForbidden when only shared with the
  // actor's unit), its stored facts (null without) and the registry entries its facts and the
  // case name, asks `build` for the listing, inserts it (kConflict when the case has one),
  // writes a timeline event "dishonesty_proposed" and an audit entry.
  using Build = std::function<Result<DishonestyListing>(const Case&, const Json* facts,
                                                        const std::vector<Enterprise>&,
                                                        const std::string& authority)>;
  Result<DishonestyListing> propose(const Actor& actor, int64_t case_id, const Build& build);

  // Scoped: kNotFound outside the actor's subtree.
  Result<DishonestyListing> get(const Actor& actor, int64_t id);
  // The actor's subtree, newest first; `total` the count before limit/skip.
  Result<std::pair<std::vector<DishonestyListing>, int64_t>> list(const Actor& actor,
                                                                  const DishonestyQuery& q);

  // Loads the listing in a write transaction (scoped; kConflict on a stale `expected_version`),
  // asks `decide` for the listing after the step, writes it with a timeline event
  // "dishonesty_<action>" on the case and an audit entry (before/after).
  using Decide = std::function<Result<DishonestyListing>(const DishonestyListing& before)>;
  Result<DishonestyListing> apply(const Actor& actor, int64_t id,
                                  std::optional<int64_t> expected_version,
                                  const std::string& action, const Decide& decide);

  // Current listings (listed or removal_requested): within `scope`'s subtree, or all of them
  // when `scope` is null (the public list). Ordered by listing day, newest first.
  Result<std::pair<std::vector<DishonestyListing>, int64_t>> current(const Actor* scope,
                                                                     const DishonestyQuery& q);

  // Enterprise ids currently listed (the risk score's factor).
  Result<std::vector<int64_t>> listed_enterprises();

  // Removes every current listing whose expires_on is on or before `today`: status removed,
  // removal "expired", an audit entry by the system and a timeline event each. Idempotent and
  // safe on several servers at once (the update is conditional on the status). Returns how
  // many were removed.
  Result<int> remove_expired(const std::string& today);

 private:
  SqlStore& store_;
};

}  // namespace lj
