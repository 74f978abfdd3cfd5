// The Store on the shared SQL layer. The SQL here runs on both engines; what differs between
// them lives in the drivers and the migrations of store/sqlite and store/postgres.
#pragma once

#include <functional>
#include <memory>

#include "store/store.hpp"

namespace lj {

class SqlStore final : public Store {
 public:
  SqlStore(std::unique_ptr<sql::Database> db, const Clock& clock);

  sql::Dialect dialect() const override { return db_->dialect(); }
  sql::PoolStats pool_stats() const override { return db_->stats(); }
  Result<int> migrate() override;
  Result<int> schema_version() override;
  Status ping() override;
  Status backup(const std::string& path) override { return db_->backup(path); }

  Status upsert_units(const Actor& actor, const std::vector<Unit>& units) override;
  Result<Unit> get_unit(const std::string& code) override;
  Result<std::vector<Unit>> list_units(const std::string& under_code) override;
  Status upsert_codes(const Actor& actor, const std::vector<CodeEntry>& codes) override;
  Result<std::vector<CodeEntry>> list_codes(const std::string& kind) override;

  Result<User> create_user(const Actor& actor, const User& user,
                           const std::string& password_hash) override;
  Result<User> get_user(const Actor& actor, int64_t id) override;
  Result<Page<User>> list_users(const Actor& actor, const UserQuery& q) override;
  Result<User> update_user(const Actor& actor, int64_t id, const User& changed) override;
  Status set_password(const Actor& actor, int64_t user_id, const std::string& hash,
                      bool must_change) override;
  Result<int64_t> count_users() override;
  Result<std::pair<User, std::string>> find_login(const std::string& username) override;
  Result<User> get_user_unscoped(int64_t id) override;

  Result<SessionUser> get_session_user(const std::string& token_hash) override;
  Status create_session(const Session& s) override;
  Result<Session> get_session(const std::string& token_hash) override;
  Status touch_session(const std::string& token_hash, const std::string& at) override;
  Status delete_session(const std::string& token_hash) override;
  Result<int64_t> delete_expired_sessions(const std::string& now) override;

  Result<ApiToken> create_api_token(const Actor& actor, const ApiToken& t) override;
  Result<ApiToken> find_api_token(const std::string& token_hash) override;
  Result<std::vector<ApiToken>> list_api_tokens(const Actor& actor) override;
  Status revoke_api_token(const Actor& actor, int64_t id, const std::string& at) override;
  Status touch_api_token(int64_t id, const std::string& at) override;

  Status record_login_failure(const std::string& key, int64_t at) override;
  Result<int64_t> count_login_failures(const std::string& key, int64_t since) override;
  Status clear_login_failures(const std::string& key) override;
  Result<int64_t> prune_login_failures(int64_t before) override;

  Result<Upserted> upsert_enterprise(const Actor& actor, const Enterprise& e) override;
  Result<Enterprise> get_enterprise(int64_t id) override;
  Result<Page<Enterprise>> list_enterprises(const EnterpriseQuery& q) override;
  Result<std::vector<Upserted>> upsert_enterprises(const Actor& actor,
                                                   const std::vector<Enterprise>& in) override;

  Result<Upserted> insert_lead(const Actor& actor, const Lead& lead) override;
  Result<std::vector<Upserted>> insert_leads(const Actor& actor,
                                             const std::vector<Lead>& leads) override;
  Result<Lead> get_lead(const Actor& actor, int64_t id) override;
  Result<Lead> update_lead(const Actor& actor, int64_t id, const LeadPatch& patch) override;
  Result<Page<Lead>> list_leads(const Actor& actor, const LeadQuery& q) override;
  Result<int64_t> count_leads() override;
  Status share(const Actor& actor, const std::string& entity, int64_t id,
               const std::string& unit_code) override;

  Result<Case> open_case(const Actor& actor, int64_t lead_id, const Case& draft) override;
  Result<Case> get_case(const Actor& actor, int64_t id) override;
  Result<Page<Case>> list_cases(const Actor& actor, const CaseQuery& q) override;
  Result<CaseEvent> add_case_event(const Actor& actor, int64_t case_id,
                                   const CaseEvent& ev) override;
  Result<std::vector<CaseEvent>> case_timeline(const Actor& actor, int64_t case_id) override;

  Result<Attachment> add_attachment(const Actor& actor, const Attachment& a) override;
  Result<std::vector<Attachment>> list_attachments(const Actor& actor, const std::string& entity,
                                                   int64_t entity_id) override;
  Result<Attachment> get_attachment(const Actor& actor, int64_t id) override;

  Result<Page<AuditEntry>> list_audit(const Actor& actor, const AuditQuery& q) override;
  Status scan_audit(const std::function<bool(const AuditEntry&)>& fn) override;
  Result<int64_t> change_generation() override;
  SqlStore& sql() override { return *this; }

  // --- for the feature repositories of the storage layer (store/sql/*_repo.cpp: imports,
  // classification, entity resolution, screening). They run their own SQL through these, in the
  // same transactions, scope rules and audit chain as the methods above.
  using Body = std::function<Status(sql::Connection&)>;
  std::string now() const { return format_time(clock_.now()); }
  const Clock& clock() const { return clock_; }
  // Runs `body` in a write transaction (serialised with every other writer of the audit chain).
  Status write(const Body& body);
  // Runs `body` on a reader connection without a transaction.
  Status read(const Body& body);
  // Appends an audit entry inside the current write transaction.
  Status audit(sql::Connection& c, const Actor& actor, const std::string& action,
               const std::string& entity, const std::string& entity_id, const Json& before,
               const Json& after);
  // The newest entry of the audit chain (id 0 and the genesis hash when empty). A writer that
  // appends many entries in one transaction reads it once and passes it to append_audit.
  struct AuditTail {
    int64_t id = 0;
    std::string hash;
  };
  Result<AuditTail> audit_tail(sql::Connection& c);
  // Writes the entry after `tail` and advances `tail` to it: the one implementation of the
  // entry format, used by audit() and by the batch methods.
  Status append_audit(sql::Connection& c, AuditTail& tail, const Actor& actor,
                      const std::string& action, const std::string& entity,
                      const std::string& entity_id, Json before, Json after);

  Result<Lead> load_lead(sql::Connection& c, const Actor& actor, int64_t id);
  Result<Case> load_case(sql::Connection& c, const Actor& actor, int64_t id);
  Result<Unit> load_unit(sql::Connection& c, const std::string& code);
  // Appends an event to a case's timeline (no audit entry: the caller writes the one for the
  // change the event records).
  Result<CaseEvent> insert_case_event(sql::Connection& c, const CaseEvent& ev);
  // A case's timeline, oldest first (unscoped: the caller has loaded the case).
  Result<std::vector<CaseEvent>> load_case_events(sql::Connection& c, int64_t case_id);

 private:
  std::unique_ptr<sql::Database> db_;
  const Clock& clock_;
};

// The data-scope predicate for a table with columns id and unit_path: the actor's subtree plus
// rows shared with the actor's unit. Appends its parameters to `params`.
std::string scope_predicate(const Actor& actor, const char* entity, const char* alias,
                            sql::Params& params);

}  // namespace lj
