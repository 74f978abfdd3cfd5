// A case's attachments as evidence and official documents (migration 12, attachment_details):
// each attachment may carry an evidence kind (data/documents/evidence-types.json
// "evidence_kinds"), a description, and — for the documents the procedure requires
// (data/procedure/penalty-procedure.json "documents") — its document kind: filing_approval,
// penalty_decision, signed_decision or transfer_letter.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"
#include "store/sql/sql_store.hpp"

namespace lj {

struct EvidenceDetails {
  std::string evidence_kind;  // empty: not described yet
  std::string description;
  std::string document_kind;  // empty: not an official document
  int64_t version = 0;        // 0: no details stored yet
  std::string updated_at;
};

struct EvidenceItem {
  Attachment attachment;
  EvidenceDetails details;
};
// The attachment's fields plus evidence_kind, description, document_kind, details_version.
Json to_json(const EvidenceItem& e);

class CaseDocumentsRepo {
 public:
  explicit CaseDocumentsRepo(SqlStore& store) : store_(store) {}

  // Stores a file already in the attachment store (a.sha256, size, content_type, filename) as
  // an attachment of the case with its details, in one transaction: the attachment, its
  // details, a timeline event "attachment_added" and an audit entry (entity "attachment").
  // Scoped: kNotFound outside the actor's scope, kForbidden for a case only shared with it.
  Result<EvidenceItem> add(const Actor& actor, int64_t case_id, Attachment a,
                           const EvidenceDetails& details);

  // Ids of the cases in `status` that have no document of `document_kind` on file (unscoped:
  // for the system's own runs, such as the demo), oldest first.
  Result<std::vector<int64_t>> cases_without(const std::string& status,
                                             const std::string& document_kind);

  // The case's attachments, oldest first, with their details (scoped).
  Result<std::vector<EvidenceItem>> list(const Actor& actor, int64_t case_id);

  // Sets the evidence kind and description of a case's attachment (validated by the caller),
  // checking `expected_version` against the details' version when given (kConflict, field
  // "version"); writes a timeline event "evidence_described" and an audit entry (entity
  // "attachment", before/after). Scoped like add().
  Result<EvidenceItem> describe(const Actor& actor, int64_t attachment_id,
                                std::optional<int64_t> expected_version,
                                const std::string& evidence_kind, const std::string& description);

 private:
  SqlStore& store_;
};

}  // namespace lj
