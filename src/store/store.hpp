// The storage interface of Lijian. One implementation runs on SQLite and on PostgreSQL
// (store/sql/sql_store.cpp over the backend drivers in store/sqlite and store/postgres); both pass
// the same test suite (store/store_test.cpp).
//
// Contracts that hold for every method:
// - Data scope is applied inside the SQL: a scoped record outside the actor's scope (its unit's
//   subtree plus records shared with its unit) answers kNotFound, exactly like a missing one.
// - Every change is written in one transaction with its audit entry (actor, unit, time, entity,
//   before, after), chained by hash to the previous entry.
// - Roles are checked above the store (in the domain services); the store enforces scope only.
// - Thread safety: a Store may be used from many threads at once.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "core/status.hpp"
#include "model/model.hpp"
#include "store/sql/connection.hpp"

namespace lj {

class SqlStore;

struct UserQuery {
  std::string unit_code;  // restrict to this unit's subtree (within scope)
  std::string cursor;
  int limit = 50;
};

struct LeadQuery {
  std::string source, status, unit_code, special_action, product_category, channel;
  std::string received_from, received_to;  // inclusive bounds, normalised times
  std::optional<int64_t> enterprise_id;
  std::string q;  // search: whitespace-separated terms, all must occur (store/sql/search.hpp)
  // One row per matter (store/sql/resolve_repo.hpp): leave out the leads that belong to a
  // matter whose primary lead lies in the actor's subtree (that primary stands for them).
  bool grouped = false;
  std::string sort = "-received_at";  // received_at | -received_at | id | -id | updated_at | -updated_at
  std::string cursor;
  int limit = 50;
};

struct CaseQuery {
  std::string status, unit_code, special_action, product_category;
  std::string opened_from, opened_to;
  std::optional<int64_t> lead_id;
  std::string q;  // search over case number, title and summary, as LeadQuery::q
  std::string sort = "-opened_at";  // opened_at | -opened_at | id | -id
  std::string cursor;
  int limit = 50;
};

struct EnterpriseQuery {
  std::string region_code;  // division prefix, e.g. "1504" for all of Chifeng
  std::string uscc;
  std::string name_prefix;
  std::string q;  // search over name, former names and USCC, as LeadQuery::q
  std::string cursor;
  int limit = 50;
};

struct AuditQuery {
  std::string entity, entity_id;
  std::string cursor;
  int limit = 50;
};

// Outcome of inserting a record keyed by (source, source_id).
struct Upserted {
  int64_t id = 0;
  bool created = false;  // false: the key existed and nothing was changed
};

class Store {
 public:
  virtual ~Store() = default;

  virtual sql::Dialect dialect() const = 0;
  virtual sql::PoolStats pool_stats() const = 0;
  // Applies pending migrations; returns the schema version now in place.
  virtual Result<int> migrate() = 0;
  virtual Result<int> schema_version() = 0;
  virtual Status ping() = 0;
  virtual Status backup(const std::string& path) = 0;

  // --- reference data (unscoped: the unit tree and the vocabulary are visible to every user)
  virtual Status upsert_units(const Actor& actor, const std::vector<Unit>& units) = 0;
  virtual Result<Unit> get_unit(const std::string& code) = 0;
  virtual Result<std::vector<Unit>> list_units(const std::string& under_code) = 0;
  virtual Status upsert_codes(const Actor& actor, const std::vector<CodeEntry>& codes) = 0;
  virtual Result<std::vector<CodeEntry>> list_codes(const std::string& kind) = 0;

  // --- users and credentials
  virtual Result<User> create_user(const Actor& actor, const User& user,
                                   const std::string& password_hash) = 0;
  virtual Result<User> get_user(const Actor& actor, int64_t id) = 0;
  virtual Result<Page<User>> list_users(const Actor& actor, const UserQuery& q) = 0;
  virtual Result<User> update_user(const Actor& actor, int64_t id, const User& changed) = 0;
  virtual Status set_password(const Actor& actor, int64_t user_id, const std::string& hash,
                              bool must_change) = 0;
  virtual Result<int64_t> count_users() = 0;
  // Unscoped lookups used by authentication only.
  virtual Result<std::pair<User, std::string>> find_login(const std::string& username) = 0;
  virtual Result<User> get_user_unscoped(int64_t id) = 0;

  // A session with its user and the user's unit, in one query (every request asks for this).
  struct SessionUser {
    Session session;
    User user;
    Unit unit;
  };
  virtual Result<SessionUser> get_session_user(const std::string& token_hash) = 0;
  virtual Status create_session(const Session& s) = 0;
  virtual Result<Session> get_session(const std::string& token_hash) = 0;
  virtual Status touch_session(const std::string& token_hash, const std::string& at) = 0;
  virtual Status delete_session(const std::string& token_hash) = 0;
  virtual Result<int64_t> delete_expired_sessions(const std::string& now) = 0;

  virtual Result<ApiToken> create_api_token(const Actor& actor, const ApiToken& t) = 0;
  virtual Result<ApiToken> find_api_token(const std::string& token_hash) = 0;
  virtual Result<std::vector<ApiToken>> list_api_tokens(const Actor& actor) = 0;
  virtual Status revoke_api_token(const Actor& actor, int64_t id, const std::string& at) = 0;
  virtual Status touch_api_token(int64_t id, const std::string& at) = 0;

  // Failed logins, kept in the database so that every server sees them.
  virtual Status record_login_failure(const std::string& key, int64_t at) = 0;
  virtual Result<int64_t> count_login_failures(const std::string& key, int64_t since) = 0;
  virtual Status clear_login_failures(const std::string& key) = 0;
  // Forgets failures older than `before` (epoch seconds); returns how many went.
  virtual Result<int64_t> prune_login_failures(int64_t before) = 0;

  // --- enterprises (the registry is public information: readable by every user)
  virtual Result<Upserted> upsert_enterprise(const Actor& actor, const Enterprise& e) = 0;
  virtual Result<Enterprise> get_enterprise(int64_t id) = 0;
  virtual Result<Page<Enterprise>> list_enterprises(const EnterpriseQuery& q) = 0;
  // Batch form for bulk import (store/sql/sql_store_batch.cpp): one write transaction for the
  // whole batch (all or nothing) with one audit entry per created enterprise, chained exactly as
  // upsert_enterprise chains its entry. out[i] answers for in[i]. The key is the uscc when
  // present; without a uscc it is (name, region_code) among the enterprises that have no uscc
  // (upsert_enterprise, unlike this, always creates those). An existing key changes nothing
  // (created=false, its id); a key repeated within the batch is created once.
  virtual Result<std::vector<Upserted>> upsert_enterprises(const Actor& actor,
                                                           const std::vector<Enterprise>& in) = 0;

  // --- leads (scoped)
  // Inserts a lead unless (source, source_id) exists; then nothing changes and created=false.
  virtual Result<Upserted> insert_lead(const Actor& actor, const Lead& lead) = 0;
  // Batch form of insert_lead for bulk import: one write transaction for the whole batch (all
  // or nothing), one audit entry per created lead (the same entry insert_lead writes), the hash
  // chain computed in memory from one read of the last entry. out[i] answers for leads[i]; a
  // (source, source_id) repeated within the batch is created once and its later occurrences
  // answer created=false with the first one's id. Every lead's unit_code must name a unit in
  // the actor's scope: otherwise kInvalidArgument naming "leads[i].unit_code" and nothing of
  // the batch is written.
  virtual Result<std::vector<Upserted>> insert_leads(const Actor& actor,
                                                     const std::vector<Lead>& leads) = 0;
  virtual Result<Lead> get_lead(const Actor& actor, int64_t id) = 0;
  virtual Result<Lead> update_lead(const Actor& actor, int64_t id, const LeadPatch& patch) = 0;
  virtual Result<Page<Lead>> list_leads(const Actor& actor, const LeadQuery& q) = 0;
  virtual Result<int64_t> count_leads() = 0;

  // Shares one record with another unit (referral): that unit may then read exactly it.
  virtual Status share(const Actor& actor, const std::string& entity, int64_t id,
                       const std::string& unit_code) = 0;

  // --- cases (scoped)
  // Opens a case from a lead in scope: the lead turns case_opened, the case gets a number and
  // its timeline an "opened" event, all in one transaction.
  virtual Result<Case> open_case(const Actor& actor, int64_t lead_id, const Case& draft) = 0;
  virtual Result<Case> get_case(const Actor& actor, int64_t id) = 0;
  virtual Result<Page<Case>> list_cases(const Actor& actor, const CaseQuery& q) = 0;
  virtual Result<CaseEvent> add_case_event(const Actor& actor, int64_t case_id,
                                           const CaseEvent& ev) = 0;
  virtual Result<std::vector<CaseEvent>> case_timeline(const Actor& actor, int64_t case_id) = 0;

  // --- attachments (metadata; the bytes live in the content-addressed AttachmentStore)
  virtual Result<Attachment> add_attachment(const Actor& actor, const Attachment& a) = 0;
  virtual Result<std::vector<Attachment>> list_attachments(const Actor& actor,
                                                           const std::string& entity,
                                                           int64_t entity_id) = 0;
  virtual Result<Attachment> get_attachment(const Actor& actor, int64_t id) = 0;

  // --- audit
  virtual Result<Page<AuditEntry>> list_audit(const Actor& actor, const AuditQuery& q) = 0;
  // A number that grows with every change to the data: the id of the newest audit entry (every
  // change writes one in its own transaction). Caches of responses compare it to stay correct
  // across servers.
  virtual Result<int64_t> change_generation() = 0;
  // Visits every entry in id order until `fn` returns false.
  virtual Status scan_audit(const std::function<bool(const AuditEntry&)>& fn) = 0;

  // The SQL layer under this interface, for the feature repositories of store/sql (imports,
  // classification, entity resolution, screening): they keep their SQL in their own files and
  // share this store's transactions, data scope and audit chain.
  virtual SqlStore& sql() = 0;
};

// Opens the store for a --db URL (see CONTRACTS.md). `pool_size` bounds the connections.
Result<std::unique_ptr<Store>> open_store(const std::string& url, int pool_size,
                                          const Clock& clock = system_clock());

}  // namespace lj
