// For tests: records an official document on a case (attachment_details.document_kind) without
// rendering it, so that the procedure's document requirements can be met or left unmet.
#pragma once

#include <string>

#include "store/sql/case_documents_repo.hpp"

namespace lj::testing {

inline Status put_test_document(SqlStore& store, const Actor& actor, int64_t case_id,
                                const std::string& document_kind) {
  Attachment a;
  a.sha256 = std::string(64, '0');
  a.size = 1;
  a.content_type = "application/pdf";
  a.filename = document_kind + ".pdf";
  EvidenceDetails d;
  d.evidence_kind = "documentary";
  d.document_kind = document_kind;
  return CaseDocumentsRepo(store).add(actor, case_id, a, d).status();
}

}  // namespace lj::testing
