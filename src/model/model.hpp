// Lijian's domain records as plain types. Names follow the vocabulary of MISSION.md.
// Times are ISO 8601 Shanghai text (core/clock.hpp); money is integer fen.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace lj {

using Json = nlohmann::json;

enum class Role { kAdmin, kLeader, kOfficer, kAnalyst };
const char* role_name(Role role);
std::optional<Role> parse_role(std::string_view name);

// A unit (bureau) of the GB/T 2260 tree. `path` is "/150000/150400/150404/": every unit's path
// starts with its ancestors', which is how data scope is tested inside SQL (path LIKE 'p%').
struct Unit {
  std::string code;
  std::string name;
  std::string parent_code;  // empty for the root
  std::string level;        // "province" | "city" | "county"
  std::string path;
};

// A code of the reference vocabulary: special_action, product_category, violation, lead_source.
struct CodeEntry {
  std::string kind;
  std::string code;
  std::string parent;  // product_category: its special action
  std::string name_zh;
  std::string name_en;
  std::string campaign;  // e.g. "2018-zhijian-lijian"; empty for campaign-independent codes
};

// Who performs an operation. Every store call that reads or changes scoped data takes one.
struct Actor {
  int64_t user_id = 0;
  std::string username;
  Role role = Role::kAnalyst;
  std::string unit_code;
  std::string unit_path;
  std::string via;  // "session" | "token" | "cli" | "system"
  std::string request_id;

  // The system itself (migrations, reference data, CLI maintenance), scoped to the whole tree.
  static Actor system(std::string what);
};

struct User {
  int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string unit_code;
  Role role = Role::kOfficer;
  bool active = true;
  bool is_demo = false;      // fixed demo password: never in production data
  bool must_change_password = false;
  std::string created_at;
  std::string updated_at;
};

struct Session {
  std::string token_hash;  // sha256 of the cookie value; the value itself is never stored
  int64_t user_id = 0;
  std::string csrf_token;
  std::string created_at;
  std::string expires_at;  // absolute expiry
  std::string last_seen_at;
};

struct ApiToken {
  int64_t id = 0;
  std::string name;
  int64_t user_id = 0;
  std::string token_hash;  // sha256 of the bearer token
  std::string prefix;      // first characters, to recognise a token in lists
  std::string created_at;
  std::string expires_at;  // empty: no expiry
  std::string revoked_at;
  std::string last_used_at;
};

struct Enterprise {
  int64_t id = 0;
  std::string uscc;
  bool uscc_valid = true;  // GB 32100 check character holds; early codes may fail yet be legal
  std::string name;
  std::string former_names;  // ';'-separated
  std::string address;
  std::string region_code;
  std::string legal_representative;
  std::string industry_code;
  std::string established_on;
  std::string status;
  std::string created_at;
  std::string updated_at;
};

struct Lead {
  int64_t id = 0;
  std::string source;
  std::string source_id;
  std::string received_at;
  std::string title;
  std::string text;
  std::string channel = "offline";
  std::string status = "new";  // new | verifying | verified | rejected | case_opened
  std::string unit_code;       // the unit responsible (属地)
  std::string unit_path;
  std::optional<int64_t> enterprise_id;
  std::string enterprise_name;
  std::string enterprise_uscc;
  std::string enterprise_address;
  std::string region_code;
  std::string product_name;
  std::string product_category;
  std::vector<std::string> special_actions;
  std::vector<std::string> violations;
  std::optional<int64_t> amount_involved_fen;
  std::string reporter_name;   // personal data
  std::string reporter_phone;  // personal data
  Json extra = Json::object();  // e-commerce and sampling details as the source sent them
  std::string created_at;
  std::string updated_at;
  int64_t version = 1;
};

// Fields an update may change; unset fields stay as they are.
struct LeadPatch {
  std::optional<std::string> title, text, status, unit_code, product_category, product_name;
  std::optional<std::string> channel, region_code;
  std::optional<std::vector<std::string>> special_actions, violations;
  std::optional<std::optional<int64_t>> enterprise_id;
  std::optional<int64_t> expected_version;  // optimistic concurrency
};

struct Case {
  int64_t id = 0;
  std::string case_no;
  std::optional<int64_t> lead_id;
  std::string unit_code;
  std::string unit_path;
  std::string status = "filing_review";
  std::string title;
  std::string summary;
  std::string product_category;
  std::vector<std::string> special_actions;
  std::vector<std::string> violations;
  std::optional<int64_t> enterprise_id;
  bool is_major = false;
  int64_t opened_by = 0;
  std::string opened_at;
  std::string updated_at;
  int64_t version = 1;
};

// One entry of a case's timeline.
struct CaseEvent {
  int64_t id = 0;
  int64_t case_id = 0;
  std::string at;
  int64_t actor_id = 0;
  std::string actor_name;
  std::string kind;  // opened | note | status_changed | attachment_added | ...
  std::string note;
  Json data = Json::object();
};

struct Attachment {
  int64_t id = 0;
  std::string entity;  // "case" | "lead"
  int64_t entity_id = 0;
  std::string sha256;  // the content's address in the attachment store
  int64_t size = 0;
  std::string content_type;
  std::string filename;
  int64_t uploaded_by = 0;
  std::string uploaded_at;
};

// One tamper-evident audit entry: hash = sha256(prev_hash || canonical(entry without hash)).
struct AuditEntry {
  int64_t id = 0;
  std::string at;
  int64_t actor_id = 0;
  std::string actor_name;
  std::string unit_code;
  std::string action;  // create | update | delete | login | ...
  std::string entity;
  std::string entity_id;
  Json before;  // null when created
  Json after;   // null when deleted
  std::string request_id;
  std::string prev_hash;
  std::string hash;
};

// A page of a keyset-paginated list: `next_cursor` is empty on the last page.
template <class T>
struct Page {
  std::vector<T> items;
  std::string next_cursor;
};

}  // namespace lj
