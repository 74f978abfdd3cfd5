// A case's official documents as PDF (src/documents):
//   GET  /api/v1/cases/{id}/documents/{kind}.pdf   render 立案审批表 | 行政处罚决定书 | 移送函
//   POST /api/v1/cases/{id}/documents/{kind}.pdf   render and keep it as an attachment of the case
// kind: filing-approval | penalty-decision | transfer-letter. The case is read in the caller's
// scope (404 outside it); a document the case's state does not support yet answers 409.
// Rendering is blocking: it runs on the server's worker thread handling the request.
#include "api/app.hpp"
#include "api/errors.hpp"
#include "api/file_response.hpp"
#include "api/input.hpp"
#include "auth/policy.hpp"
#include "documents/case_documents.hpp"
#include "model/json.hpp"
#include "store/attachment_files.hpp"

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

Result<documents::CaseFile> load_case_file(Context& ctx, int64_t id) {
  Store& store = ctx.app.store();
  documents::CaseFile f;
  CaseProcedureRepo repo(store.sql());
  LJ_ASSIGN_OR_RETURN(auto cp, repo.get(ctx.actor, id));
  f.c = std::move(cp.first);
  f.progress = std::move(cp.second);
  LJ_ASSIGN_OR_RETURN(f.timeline, store.case_timeline(ctx.actor, id));
  if (f.c.lead_id) {
    auto lead = store.get_lead(ctx.actor, *f.c.lead_id);
    if (lead.ok())
      f.lead = std::move(*lead);
    else if (lead.status().code() != Code::kNotFound)
      return lead.status();
  }
  std::optional<int64_t> ent = f.c.enterprise_id;
  if (!ent && f.lead) ent = f.lead->enterprise_id;
  if (ent) {
    auto e = store.get_enterprise(*ent);
    if (e.ok())
      f.enterprise = std::move(*e);
    else if (e.status().code() != Code::kNotFound)
      return e.status();
  }
  auto unit = store.get_unit(f.c.unit_code);
  f.unit_name = unit.ok() ? unit->name : f.c.unit_code;
  LJ_ASSIGN_OR_RETURN(f.evidence, store.list_attachments(ctx.actor, "case", id));
  return f;
}

struct Rendered {
  DocumentKind kind;
  std::string case_no;
  std::string pdf;
};

Result<Rendered> render(Context& ctx, int64_t id) {
  LJ_ASSIGN_OR_RETURN(DocumentKind kind, kind_of(ctx));
  LJ_ASSIGN_OR_RETURN(documents::CaseFile file, load_case_file(ctx, id));
  LJ_ASSIGN_OR_RETURN(documents::OfficialDocument doc, documents::build_document(kind, file));
  LJ_ASSIGN_OR_RETURN(std::string pdf, documents::render_pdf(doc));
  return Rendered{kind, file.c.case_no, std::move(pdf)};
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
  a.entity = "case";
  a.entity_id = id;
  a.sha256 = sha;
  a.size = static_cast<int64_t>(r.pdf.size());
  a.content_type = "application/pdf";
  a.filename = file_name(r);
  LJ_ASSIGN_OR_RETURN(Attachment stored, ctx.app.store().add_attachment(ctx.actor, a));
  return ok_json(to_json(stored), 201);
}

}  // namespace

void add_document_routes(Router& r) {
  r.add("GET", "/api/v1/cases/{id}/documents/{file}", get_document);
  r.add("POST", "/api/v1/cases/{id}/documents/{file}", store_document);
}

}  // namespace lj::api
