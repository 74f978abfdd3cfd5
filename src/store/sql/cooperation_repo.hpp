// Storage of cooperation between units (migration 10): referrals (通报) of a lead or a case to
// another unit of the province (through Store::share: the receiving unit reads exactly that
// record) or to an external body; assistance requests (协查) with their answer, extension and
// attachments; consultation notes (会商) on a case; and the external parties (bodies outside the
// province, recorded without a login). Every change writes an audit entry in its transaction,
// and a case timeline event where a case is concerned.
//
// Scope: a referral is visible to the sending unit's subtree and the receiving unit's; an
// assistance request to the requesting unit's subtree and the requested unit's subtree, which
// see the request and what it carries (questions, answer, attachments, case number and title),
// never the rest of the case. Outside that, kNotFound.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"
#include "store/sql/sql_store.hpp"

namespace lj {

struct ExternalParty {
  int64_t id = 0;
  std::string name, region, contact;  // region: the province or region outside Inner Mongolia
  std::string recorded_by_unit;
  int64_t recorded_by = 0;
  std::string recorded_at;
};
Json to_json(const ExternalParty& p);

struct Referral {
  int64_t id = 0;
  std::string entity;  // lead | case
  int64_t entity_id = 0;
  std::string from_unit_code;
  std::string to_unit_code;       // empty when sent to an external party
  int64_t external_party_id = 0;  // 0 when sent to a unit
  std::string external_party_name;
  std::string note;
  int64_t referred_by = 0;
  std::string referred_at;
};
Json to_json(const Referral& r);

struct AssistanceAttachment {
  int64_t id = 0;
  std::string sha256, content_type, filename;
  int64_t size = 0;
  int64_t uploaded_by = 0;
  std::string uploaded_at;
};

struct AssistanceRequest {
  int64_t id = 0;
  std::string direction;  // outgoing (from a case of ours) | incoming (from an external body)
  int64_t case_id = 0;    // 0 for incoming requests
  std::string case_no, case_title;
  std::string from_unit_code, to_unit_code;  // empty on the external side
  std::string from_unit_path, to_unit_path;  // for scope checks; not in the JSON
  int64_t external_party_id = 0;
  std::string external_party_name;
  std::string external_reference;  // the external body's own file number
  std::string questions;
  std::string requested_on, due_on;  // YYYY-MM-DD
  std::string extension_notice, extended_at;
  std::string state;  // requested | answered | withdrawn
  std::string answer;
  int64_t answered_by = 0;
  std::string answered_at, withdrawn_at;
  int64_t created_by = 0;
  std::string created_at;
  std::vector<AssistanceAttachment> attachments;
};
// state "overdue" in the output: requested and its due day before `today`.
Json to_json(const AssistanceRequest& r, const std::string& today);

struct Consultation {
  int64_t id = 0;
  int64_t case_id = 0;
  std::string held_on;                // YYYY-MM-DD
  Json participants = Json::array();  // [{"unit_code":..., "name":...}]
  std::string notes, conclusions;
  int64_t recorded_by = 0;
  std::string recorded_at;
};
Json to_json(const Consultation& c);

// Who an assistance request goes to: a unit of the province or an external party.
struct AssistanceTarget {
  std::string unit_code;
  int64_t external_party_id = 0;
};

class CooperationRepo {
 public:
  explicit CooperationRepo(SqlStore& store) : store_(store) {}

  Result<ExternalParty> add_external_party(const Actor& actor, const ExternalParty& p);
  Result<std::vector<ExternalParty>> external_parties();

  // Refers a lead or case the actor's unit owns to `to_unit_code` (shared for reading through
  // Store::share) or to an external party (recorded only).
  Result<Referral> refer(const Actor& actor, const std::string& entity, int64_t id,
                         const AssistanceTarget& to, const std::string& note);
  // box: sent | received | empty: both.
  Result<std::vector<Referral>> referrals(const Actor& actor, const std::string& box, int limit);

  // A request from a case of the actor's own unit (not one shared with it) to another unit or
  // an external party, due on `due_on`.
  Result<AssistanceRequest> request_assistance(const Actor& actor, int64_t case_id,
                                               const AssistanceTarget& to,
                                               const std::string& questions,
                                               const std::string& requested_on,
                                               const std::string& due_on);
  // A request received from an external party, recorded by the receiving (actor's) unit.
  Result<AssistanceRequest> record_incoming(const Actor& actor, int64_t external_party_id,
                                            const std::string& reference,
                                            const std::string& questions,
                                            const std::string& requested_on,
                                            const std::string& due_on);
  Result<AssistanceRequest> get_assistance(const Actor& actor, int64_t id);
  // box: to_answer | sent | overdue | empty: all visible. case_id > 0: only requests made for
  // that case (still within the box and the actor's view).
  Result<std::vector<AssistanceRequest>> assistance(const Actor& actor, const std::string& box,
                                                    const std::string& today, int limit,
                                                    int64_t case_id = 0);
  // The answering side (the requested unit; for a request to an external party, the requesting
  // unit recording the answer received) answers, extends or attaches; the requesting side
  // withdraws. kForbidden for the other side, kConflict unless the request is still requested.
  Result<AssistanceRequest> answer(const Actor& actor, int64_t id, const std::string& text);
  Result<AssistanceRequest> extend(const Actor& actor, int64_t id, const std::string& due_on,
                                   const std::string& notice);
  Result<AssistanceRequest> withdraw(const Actor& actor, int64_t id, const std::string& reason);
  Result<AssistanceAttachment> add_attachment(const Actor& actor, int64_t id,
                                              const AssistanceAttachment& a);
  // An attachment of a request visible to the actor.
  Result<AssistanceAttachment> get_attachment(const Actor& actor, int64_t id,
                                              int64_t attachment_id);

  // A consultation on a case the actor's unit (or a unit above it) handles.
  Result<Consultation> add_consultation(const Actor& actor, int64_t case_id, const Consultation& c);
  Result<std::vector<Consultation>> consultations(const Actor& actor, int64_t case_id);

 private:
  Result<AssistanceRequest> load_assistance(sql::Connection& c, const Actor& actor, int64_t id);
  Status case_event(sql::Connection& c, const Actor& actor, int64_t case_id,
                    const std::string& kind, const std::string& note, Json data);

  SqlStore& store_;
};

}  // namespace lj
