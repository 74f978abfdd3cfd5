// The case's official documents built from what the store holds: 立案审批表 (filing approval
// form), 行政处罚决定书 (penalty decision) and 移送函 (transfer letter to the public security
// organ). Pure: the caller loads the case file (scoped) and renders the result with render_pdf.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "documents/pdf.hpp"
#include "model/model.hpp"
#include "store/sql/case_procedure_repo.hpp"

namespace lj::documents {

enum class DocumentKind { kFilingApproval, kPenaltyDecision, kTransferLetter };

// "filing-approval" | "penalty-decision" | "transfer-letter"
std::optional<DocumentKind> parse_document_kind(const std::string& s);
std::string document_kind_name(DocumentKind k);  // the URL name
std::string document_title(DocumentKind k);      // 立案审批表 ...

// Everything a document may print, loaded within the actor's scope.
struct CaseFile {
  Case c;
  CaseProgress progress;
  std::vector<CaseEvent> timeline;
  std::optional<Lead> lead;
  std::optional<Enterprise> enterprise;
  std::string unit_name;             // the case's unit (the issuer)
  std::vector<Attachment> evidence;  // the case's attachments
};

// The document, or kConflict (naming the state it needs) when the case has not reached it:
// the decision needs a penalty decision, the transfer letter an approved transfer.
Result<OfficialDocument> build_document(DocumentKind kind, const CaseFile& file);

}  // namespace lj::documents
