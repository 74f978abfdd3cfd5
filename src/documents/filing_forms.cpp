#include "documents/filing_forms.hpp"

#include "documents/case_file.hpp"
#include "store/attachment_files.hpp"
#include "store/sql/case_documents_repo.hpp"

namespace lj::documents {

Result<int> keep_filing_forms(Store& store, const Actor& actor, const std::string& attachments_dir) {
  CaseDocumentsRepo repo(store.sql());
  LJ_ASSIGN_OR_RETURN(auto ids, repo.cases_without("filing_review", "filing_approval"));
  AttachmentFiles files(attachments_dir);
  int added = 0;
  for (int64_t id : ids) {
    LJ_ASSIGN_OR_RETURN(CaseFile file, load_case_file(store, actor, id));
    LJ_ASSIGN_OR_RETURN(OfficialDocument doc, build_document(DocumentKind::kFilingApproval, file));
    LJ_ASSIGN_OR_RETURN(std::string pdf, render_pdf(doc));
    LJ_ASSIGN_OR_RETURN(std::string sha, files.put(pdf));
    Attachment a;
    a.sha256 = sha;
    a.size = static_cast<int64_t>(pdf.size());
    a.content_type = "application/pdf";
    a.filename = file.c.case_no + "-" + document_title(DocumentKind::kFilingApproval) + ".pdf";
    EvidenceDetails details;
    details.evidence_kind = "documentary";
    details.description = document_title(DocumentKind::kFilingApproval);
    details.document_kind = "filing_approval";
    LJ_RETURN_IF_ERROR(repo.add(actor, id, a, details).status());
    ++added;
  }
  return added;
}

}  // namespace lj::documents
