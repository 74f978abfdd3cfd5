// A case's official documents as PDF (src/documents):
//   GET  /api/v1/cases/{id}/documents/{kind}.pdf   render 立案审批表 | 行政处罚决定书 | 移送函
//   POST /api/v1/cases/{id}/documents/{kind}.pdf   render and keep it as an attachment of the case
// kind: filing-approval | penalty-decision | transfer-letter. The case is read in the caller's
// scope (404 outside it); a document the case's state does not support yet answers 409.
// A kept document is recorded with its document kind (the procedure's required documents).
//   POST /api/v1/cases/{id}/signed-decision        upload the signed 行政处罚决定书 (a PDF)
//   GET  /api/v1/cases/{id}/evidence               attachments with evidence kind, description
//                                                  and document kind
//   PUT  /api/v1/attachments/{id}/evidence         {evidence_kind, description, version?}
// Rendering is blocking: it runs on the server's worker thread handling the request.
#include "api/app.hpp"
#include "api/errors.hpp"
#include "api/file_response.hpp"
#include "api/input.hpp"
#include "auth/policy.hpp"
#include "documents/case_documents.hpp"
#include "documents/case_file.hpp"
#include "model/json.hpp"
#include "documents/evidence.hpp"
#include "store/attachment_files.hpp"
#include "store/sql/case_documents_repo.hpp"

namespace lj::api {
namespace {

using documents::DocumentKind;

Result<DocumentKind> kind_of(Context& ctx) {
  const std::string file = ctx.param("file");
  const std::string suffix = ".pdf";
  std::optional<DocumentKind> kind;
  if (file.size() > suffix.size() &&
      file.compare(file.size() - suffix.size(), suffix.size(), suffix) == 0)
    kind = documents::parse_document_kind(file.substr(0, file.size() - suffix.size()));
  if (!kind)
    return Status{Code::kNotFound,
                  "no document '" + file +
                      "': filing-approval.pdf, penalty-decision.pdf or transfer-letter.pdf",
                  "kind"};
  return *kind;
}

struct Rendered {
  DocumentKind kind;
  std::string case_no;
  std::string pdf;
};

Result<Rendered> render(Context& ctx, int64_t id) {
  LJ_ASSIGN_OR_RETURN(DocumentKind kind, kind_of(ctx));
  LJ_ASSIGN_OR_RETURN(documents::CaseFile file,
                      documents::load_case_file(ctx.app.store(), ctx.actor, id));
  LJ_ASSIGN_OR_RETURN(documents::OfficialDocument doc, documents::build_document(kind, file));
  LJ_ASSIGN_OR_RETURN(std::string pdf, documents::render_pdf(doc));
  return Rendered{kind, file.c.case_no, std::move(pdf)};
}

// The document kind recorded with a kept document (attachment_details.document_kind).
std::string document_kind_code(DocumentKind k) {
  switch (k) {
    case DocumentKind::kFilingApproval: return "filing_approval";
    case DocumentKind::kPenaltyDecision: return "penalty_decision";
    case DocumentKind::kTransferLetter: return "transfer_letter";
  }
  return "";
}

std::string file_name(const Rendered& r) {
  return r.case_no + "-" + documents::document_title(r.kind) + ".pdf";
}

Result<http::Response> get_document(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Rendered r, render(ctx, id));
  http::Response resp;
  resp.content_type = "application/pdf";
  // Generated documents are meant to be read first: inline unless ?disposition=attachment.
  set_file_disposition(resp, file_name(r), query_string(ctx.req, "disposition") != "attachment");
  resp.headers.emplace_back("Cache-Control", "no-store");
  resp.body = std::move(r.pdf);
  return resp;
}

Result<http::Response> store_document(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Rendered r, render(ctx, id));
  AttachmentFiles files(ctx.app.config().attachments_dir);
  LJ_ASSIGN_OR_RETURN(std::string sha, files.put(r.pdf));
  Attachment a;
  a.sha256 = sha;
  a.size = static_cast<int64_t>(r.pdf.size());
  a.content_type = "application/pdf";
  a.filename = file_name(r);
  EvidenceDetails details;
  details.evidence_kind = "documentary";
  details.description = documents::document_title(r.kind);
  details.document_kind = document_kind_code(r.kind);
  CaseDocumentsRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(EvidenceItem stored, repo.add(ctx.actor, id, a, details));
  return ok_json(to_json(stored), 201);
}

const documents::EvidencePolicy& evidence_policy(Context& ctx) {
  static const documents::EvidencePolicy kDefault = documents::EvidencePolicy::defaults();
  return ctx.app.config().evidence ? *ctx.app.config().evidence : kDefault;
}

// The signed decision, scanned or signed electronically: the alternative to the generated
// 行政处罚决定书 for the steps that need the decision on file.
Result<http::Response> upload_signed_decision(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  const std::string* ct = ctx.req.header("content-type");
  const std::string type = ct ? ct->substr(0, ct->find(';')) : "";
  if (type != "application/pdf")
    return Status::Invalid("content-type", "the signed decision is uploaded as application/pdf");
  LJ_RETURN_IF_ERROR(evidence_policy(ctx).check(type, ctx.req.body));
  if (static_cast<int64_t>(ctx.req.body.size()) > ctx.app.config().attachment_max_bytes)
    return Status{Code::kPayloadTooLarge, "the file is larger than the attachment limit", "body"};
  CaseProcedureRepo procedure(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(auto cp, procedure.get(ctx.actor, id));
  if (cp.second.decision != "penalty")
    return Status::Conflict("case " + cp.first.case_no +
                                " has no penalty decision: the signed decision follows decide_penalty",
                            "id");
  AttachmentFiles files(ctx.app.config().attachments_dir);
  LJ_ASSIGN_OR_RETURN(std::string sha, files.put(ctx.req.body));
  Attachment a;
  a.sha256 = sha;
  a.size = static_cast<int64_t>(ctx.req.body.size());
  a.content_type = type;
  a.filename = cp.first.case_no + "-行政处罚决定书(签章).pdf";
  EvidenceDetails details;
  details.evidence_kind = "documentary";
  details.description = "签章的行政处罚决定书";
  details.document_kind = "signed_decision";
  CaseDocumentsRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(EvidenceItem stored, repo.add(ctx.actor, id, a, details));
  return ok_json(to_json(stored), 201);
}

Result<http::Response> list_evidence(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  CaseDocumentsRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(auto items, repo.list(ctx.actor, id));
  Json out = Json::array();
  for (const auto& e : items) out.push_back(to_json(e));
  Json kinds = Json::array();
  for (const auto& k : evidence_policy(ctx).kinds())
    kinds.push_back(Json{{"code", k.code}, {"name_zh", k.name_zh}});
  return ok_json(Json{{"items", out}, {"evidence_kinds", kinds}});
}

Result<http::Response> describe_evidence(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Json body, json_object(ctx.req, {"evidence_kind", "description", "version"}));
  LJ_ASSIGN_OR_RETURN(std::string kind, req_string(body, "evidence_kind", 40));
  const auto& policy = evidence_policy(ctx);
  if (!policy.kind(kind)) {
    std::string known;
    for (const auto& k : policy.kinds()) known += (known.empty() ? "" : ", ") + k.code;
    return Status::Invalid("evidence_kind", "no evidence kind '" + kind + "' (" + known + ")");
  }
  LJ_ASSIGN_OR_RETURN(auto description, opt_string(body, "description", 2000));
  if (!description || description->find_first_not_of(" \t\r\n") == std::string::npos)
    return Status::Invalid("description", "description is required: what the evidence shows");
  LJ_ASSIGN_OR_RETURN(auto version, opt_int(body, "version"));
  CaseDocumentsRepo repo(ctx.app.store().sql());
  LJ_ASSIGN_OR_RETURN(EvidenceItem e, repo.describe(ctx.actor, id, version, kind, *description));
  return ok_json(to_json(e));
}

}  // namespace

void add_document_routes(Router& r) {
  r.add("GET", "/api/v1/cases/{id}/documents/{file}", get_document);
  r.add("POST", "/api/v1/cases/{id}/documents/{file}", store_document);
  r.add("POST", "/api/v1/cases/{id}/signed-decision", upload_signed_decision);
  r.add("GET", "/api/v1/cases/{id}/evidence", list_evidence);
  r.add("PUT", "/api/v1/attachments/{id}/evidence", describe_evidence);
}

}  // namespace lj::api
