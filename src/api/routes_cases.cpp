// /api/v1/cases, their timeline and attachments.
#include <algorithm>

#include <spdlog/spdlog.h>

#include "api/app.hpp"
#include "api/errors.hpp"
#include "api/file_response.hpp"
#include "api/input.hpp"
#include "auth/policy.hpp"
#include "documents/evidence.hpp"
#include "model/json.hpp"
#include "store/attachment_files.hpp"

namespace lj::api {
namespace {

Result<http::Response> list_cases(Context& ctx) {
  CaseQuery q;
  auto vocab = ctx.app.vocabulary();
  LJ_ASSIGN_OR_RETURN(q.status, query_code(ctx.req, "status", *vocab, "case_status"));
  LJ_ASSIGN_OR_RETURN(q.special_action, query_code(ctx.req, "special_action", *vocab, "special_action"));
  LJ_ASSIGN_OR_RETURN(q.product_category,
                      query_code(ctx.req, "product_category", *vocab, "product_category"));
  q.unit_code = query_string(ctx.req, "unit");
  LJ_ASSIGN_OR_RETURN(q.opened_from, query_time(ctx.req, "opened_from", false));
  LJ_ASSIGN_OR_RETURN(q.opened_to, query_time(ctx.req, "opened_to", true));
  if (const std::string* l = ctx.req.param("lead_id")) {
    LJ_ASSIGN_OR_RETURN(int64_t lid, parse_id(*l, "lead_id"));
    q.lead_id = lid;
  }
  LJ_ASSIGN_OR_RETURN(q.q, query_search(ctx.req));
  std::string sort = query_string(ctx.req, "sort");
  if (!sort.empty()) q.sort = sort;
  q.cursor = query_string(ctx.req, "cursor");
  LJ_ASSIGN_OR_RETURN(q.limit, query_int(ctx.req, "limit", 50, 1, 500));
  LJ_ASSIGN_OR_RETURN(auto page, ctx.app.store().list_cases(ctx.actor, q));
  Json items = Json::array();
  for (const auto& c : page.items) items.push_back(to_json(c));
  return ok_json(page_json(std::move(items), page.next_cursor));
}

Result<http::Response> open_case(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(Json j, json_object(ctx.req, {"lead_id", "title", "summary", "is_major"}));
  LJ_ASSIGN_OR_RETURN(auto lead_id, opt_int(j, "lead_id"));
  if (!lead_id) return Status::Invalid("lead_id", "lead_id is required: a case is opened from a lead");
  Case draft;
  LJ_ASSIGN_OR_RETURN(auto title, opt_string(j, "title", 300));
  if (title) draft.title = *title;
  LJ_ASSIGN_OR_RETURN(auto summary, opt_string(j, "summary", 20000));
  if (summary) draft.summary = *summary;
  LJ_ASSIGN_OR_RETURN(auto major, opt_bool(j, "is_major"));
  draft.is_major = major.value_or(false);
  auto c = ctx.app.store().open_case(ctx.actor, *lead_id, draft);
  if (!c.ok() && c.status().code() == Code::kNotFound)
    return Status{Code::kNotFound, c.status().message(), "lead_id"};
  if (!c.ok()) return c.status();
  // Derived data: a failure leaves the case as opened, and its next step recomputes them.
  if (Status st = refresh_case_deadlines(ctx.app, ctx.actor, c->id); !st.ok())
    spdlog::warn("case {}: deadlines not stored: {}", c->id, st.to_string());
  return ok_json(to_json(*c), 201);
}

Result<http::Response> get_case(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Case c, ctx.app.store().get_case(ctx.actor, id));
  return ok_json(to_json(c));
}

Result<http::Response> timeline(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(auto events, ctx.app.store().case_timeline(ctx.actor, id));
  Json items = Json::array();
  for (const auto& e : events) items.push_back(to_json(e));
  return ok_json(Json{{"items", items}});
}

Result<http::Response> add_note(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Json j, json_object(ctx.req, {"note"}));
  CaseEvent ev;
  ev.kind = "note";
  LJ_ASSIGN_OR_RETURN(ev.note, req_string(j, "note", 20000));
  LJ_ASSIGN_OR_RETURN(CaseEvent created, ctx.app.store().add_case_event(ctx.actor, id, ev));
  return ok_json(to_json(created), 201);
}

Result<http::Response> upload(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  std::string filename = query_string(ctx.req, "filename");
  if (filename.empty() || filename.size() > 255 || filename.find('/') != std::string::npos)
    return Status::Invalid("filename", "give the file's name as ?filename= (no slashes, at most 255 bytes)");
  const std::string* ct = ctx.req.header("content-type");
  std::string type = ct ? ct->substr(0, ct->find(';')) : "";
  // The declared type must be accepted and match the file's magic bytes, within its size limit.
  static const documents::EvidencePolicy kDefaultEvidence = documents::EvidencePolicy::defaults();
  const auto& evidence = ctx.app.config().evidence ? *ctx.app.config().evidence : kDefaultEvidence;
  LJ_RETURN_IF_ERROR(evidence.check(type, ctx.req.body));
  if (static_cast<int64_t>(ctx.req.body.size()) > ctx.app.config().attachment_max_bytes)
    return Status{Code::kPayloadTooLarge, "the file is larger than the attachment limit", "body"};
  LJ_RETURN_IF_ERROR(ctx.app.store().get_case(ctx.actor, id).status());
  AttachmentFiles files(ctx.app.config().attachments_dir);
  LJ_ASSIGN_OR_RETURN(std::string sha, files.put(ctx.req.body));
  Attachment a;
  a.entity = "case";
  a.entity_id = id;
  a.sha256 = sha;
  a.size = static_cast<int64_t>(ctx.req.body.size());
  a.content_type = type;
  a.filename = filename;
  LJ_ASSIGN_OR_RETURN(Attachment stored, ctx.app.store().add_attachment(ctx.actor, a));
  return ok_json(to_json(stored), 201);
}

Result<http::Response> list_attachments(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(auto list, ctx.app.store().list_attachments(ctx.actor, "case", id));
  Json items = Json::array();
  for (const auto& a : list) items.push_back(to_json(a));
  return ok_json(Json{{"items", items}});
}

Result<http::Response> download(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Attachment a, ctx.app.store().get_attachment(ctx.actor, id));
  AttachmentFiles files(ctx.app.config().attachments_dir);
  LJ_ASSIGN_OR_RETURN(std::string bytes, files.get(a.sha256));
  http::Response r;
  r.content_type = a.content_type;
  r.body = std::move(bytes);
  set_file_disposition(r, a.filename, wants_inline(ctx.req));
  r.headers.emplace_back("X-Content-SHA256", a.sha256);
  return r;
}

}  // namespace

void add_case_routes(Router& r) {
  r.add("GET", "/api/v1/cases", list_cases);
  r.add("POST", "/api/v1/cases", open_case);
  r.add("GET", "/api/v1/cases/{id}", get_case);
  r.add("GET", "/api/v1/cases/{id}/timeline", timeline);
  r.add("POST", "/api/v1/cases/{id}/notes", add_note);
  r.add("GET", "/api/v1/cases/{id}/attachments", list_attachments);
  r.add("POST", "/api/v1/cases/{id}/attachments", upload);
  r.add("GET", "/api/v1/attachments/{id}/content", download);
}

}  // namespace lj::api
