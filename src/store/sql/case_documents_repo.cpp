#include "store/sql/case_documents_repo.hpp"

#include "model/json.hpp"

namespace lj {

using sql::Connection;
using sql::Rows;

namespace {

constexpr const char* kSelect =
    "SELECT a.id, a.entity, a.entity_id, a.sha256, a.size, a.content_type, a.filename, "
    "a.uploaded_by, a.uploaded_at, d.evidence_kind, d.description, d.document_kind, d.version, "
    "d.updated_at FROM attachments a LEFT JOIN attachment_details d ON d.attachment_id = a.id ";

EvidenceItem item_of(const sql::Row& r) {
  EvidenceItem e;
  e.attachment.id = r.int64(0);
  e.attachment.entity = r.text(1);
  e.attachment.entity_id = r.int64(2);
  e.attachment.sha256 = r.text(3);
  e.attachment.size = r.int64(4);
  e.attachment.content_type = r.text(5);
  e.attachment.filename = r.text(6);
  e.attachment.uploaded_by = r.int64(7);
  e.attachment.uploaded_at = r.text(8);
  e.details.evidence_kind = r.text(9);
  e.details.description = r.text(10);
  e.details.document_kind = r.text(11);
  e.details.version = r.is_null(12) ? 0 : r.int64(12);
  e.details.updated_at = r.text(13);
  return e;
}

Json details_json(const EvidenceDetails& d) {
  auto opt = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
  return Json{{"evidence_kind", opt(d.evidence_kind)},
              {"description", d.description},
              {"document_kind", opt(d.document_kind)},
              {"details_version", d.version}};
}

// The case for a change: scoped, and owned by the actor's subtree (not only shared with it).
Status check_owner(SqlStore& store, Connection& c, const Actor& actor, int64_t case_id) {
  LJ_ASSIGN_OR_RETURN(Case cs, store.load_case(c, actor, case_id));
  if (cs.unit_path.rfind(actor.unit_path, 0) != 0)
    return Status::Forbidden("case " + std::to_string(case_id) +
                             " was shared with your unit for reading only");
  return Status::Ok();
}

}  // namespace

Json to_json(const EvidenceItem& e) {
  Json j = to_json(e.attachment);
  j.update(details_json(e.details));
  return j;
}

Result<EvidenceItem> CaseDocumentsRepo::add(const Actor& actor, int64_t case_id, Attachment a,
                                            const EvidenceDetails& details) {
  Result<EvidenceItem> out = Status::Internal("not run");
  Status st = store_.write([&](Connection& c) -> Status {
    LJ_RETURN_IF_ERROR(check_owner(store_, c, actor, case_id));
    const std::string t = store_.now();
    a.entity = "case";
    a.entity_id = case_id;
    a.uploaded_by = actor.user_id;
    a.uploaded_at = t;
    LJ_ASSIGN_OR_RETURN(
        Rows rows,
        c.query("INSERT INTO attachments (entity, entity_id, sha256, size, content_type, filename, "
                "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                {a.entity, a.entity_id, a.sha256, a.size, a.content_type, a.filename, a.uploaded_by,
                 a.uploaded_at}));
    a.id = rows.at(0).int64(0);
    EvidenceItem item{a, details};
    item.details.version = 1;
    item.details.updated_at = t;
    LJ_RETURN_IF_ERROR(c.exec(
        "INSERT INTO attachment_details (attachment_id, case_id, evidence_kind, description, "
        "document_kind, version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
        {a.id, case_id, sql::text_or_null(details.evidence_kind), details.description,
         sql::text_or_null(details.document_kind), t, actor.user_id}));
    CaseEvent ev;
    ev.case_id = case_id;
    ev.at = t;
    ev.actor_id = actor.user_id;
    ev.actor_name = actor.username;
    ev.kind = "attachment_added";
    ev.data = Json{{"attachment_id", a.id}, {"filename", a.filename}, {"sha256", a.sha256}};
    if (!details.document_kind.empty()) ev.data["document_kind"] = details.document_kind;
    LJ_RETURN_IF_ERROR(store_.insert_case_event(c, ev).status());
    LJ_RETURN_IF_ERROR(store_.audit(c, actor, "create", "attachment", std::to_string(a.id), nullptr,
                                    to_json(item)));
    out = std::move(item);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<int64_t>> CaseDocumentsRepo::cases_without(const std::string& status,
                                                              const std::string& document_kind) {
  std::vector<int64_t> out;
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(
        Rows rows, c.query("SELECT c.id FROM cases c WHERE c.status = ? AND NOT EXISTS (SELECT 1 "
                           "FROM attachment_details d WHERE d.case_id = c.id AND "
                           "d.document_kind = ?) ORDER BY c.id",
                           {status, document_kind}));
    for (const auto& r : rows) out.push_back(r.int64(0));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<EvidenceItem>> CaseDocumentsRepo::list(const Actor& actor, int64_t case_id) {
  std::vector<EvidenceItem> out;
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_RETURN_IF_ERROR(store_.load_case(c, actor, case_id).status());
    LJ_ASSIGN_OR_RETURN(
        Rows rows, c.query(std::string(kSelect) + "WHERE a.entity = 'case' AND a.entity_id = ? "
                                                  "ORDER BY a.id",
                           {case_id}));
    for (const auto& r : rows) out.push_back(item_of(r));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<EvidenceItem> CaseDocumentsRepo::describe(const Actor& actor, int64_t attachment_id,
                                                 std::optional<int64_t> expected_version,
                                                 const std::string& evidence_kind,
                                                 const std::string& description) {
  Result<EvidenceItem> out = Status::Internal("not run");
  Status st = store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows,
                        c.query(std::string(kSelect) + "WHERE a.id = ?", {attachment_id}));
    const Status missing = Status::NotFound("no attachment " + std::to_string(attachment_id));
    if (rows.empty()) return missing;
    EvidenceItem before = item_of(rows[0]);
    if (before.attachment.entity != "case") {
      // Visible only when its lead is; evidence details belong to a case's attachments.
      if (!store_.load_lead(c, actor, before.attachment.entity_id).ok()) return missing;
      return Status::Invalid("id", "attachment " + std::to_string(attachment_id) +
                                       " belongs to a lead: evidence is described on a case");
    }
    Status owner = check_owner(store_, c, actor, before.attachment.entity_id);
    if (owner.code() == Code::kNotFound) return missing;
    LJ_RETURN_IF_ERROR(owner);
    if (expected_version && *expected_version != before.details.version)
      return Status::Conflict("the details of attachment " + std::to_string(attachment_id) +
                                  " are at version " + std::to_string(before.details.version) +
                                  ", not " + std::to_string(*expected_version),
                              "version");
    EvidenceItem after = before;
    after.details.evidence_kind = evidence_kind;
    after.details.description = description;
    after.details.version = before.details.version + 1;
    after.details.updated_at = store_.now();
    if (before.details.version == 0) {
      LJ_RETURN_IF_ERROR(c.exec(
          "INSERT INTO attachment_details (attachment_id, case_id, evidence_kind, description, "
          "document_kind, version, updated_at, updated_by) VALUES (?, ?, ?, ?, NULL, 1, ?, ?)",
          {attachment_id, before.attachment.entity_id, sql::text_or_null(evidence_kind),
           description, after.details.updated_at, actor.user_id}));
    } else {
      LJ_RETURN_IF_ERROR(
          c.exec("UPDATE attachment_details SET evidence_kind = ?, description = ?, version = ?, "
                 "updated_at = ?, updated_by = ? WHERE attachment_id = ? AND version = ?",
                 {sql::text_or_null(evidence_kind), description, after.details.version,
                  after.details.updated_at, actor.user_id, attachment_id, before.details.version}));
    }
    CaseEvent ev;
    ev.case_id = before.attachment.entity_id;
    ev.at = after.details.updated_at;
    ev.actor_id = actor.user_id;
    ev.actor_name = actor.username;
    ev.kind = "evidence_described";
    ev.data = Json{{"attachment_id", attachment_id},
                   {"filename", before.attachment.filename},
                   {"evidence_kind", evidence_kind}};
    LJ_RETURN_IF_ERROR(store_.insert_case_event(c, ev).status());
    LJ_RETURN_IF_ERROR(store_.audit(c, actor, "update", "attachment", std::to_string(attachment_id),
                                    to_json(before), to_json(after)));
    out = std::move(after);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace lj
