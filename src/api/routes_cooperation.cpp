// Cooperation between units over HTTP: external parties, referrals (通报), assistance requests
// (协查) and consultation notes (会商).
//   GET/POST /api/v1/external-parties                 bodies outside the province (no login)
//   GET/POST /api/v1/referrals                        {entity, id, to_unit_code |
//   external_party_id, note} POST /api/v1/cases/{id}/assistance                {to_unit_code |
//   external_party_id, questions, due_in_working_days} POST /api/v1/assistance/incoming a request
//   received from an external party GET  /api/v1/assistance?box=to_answer|sent|overdue GET
//   /api/v1/assistance/{id} POST /api/v1/assistance/{id}/answer|extend|withdraw POST
//   /api/v1/assistance/{id}/attachments?filename=   the answer's files (raw body) GET
//   /api/v1/assistance/{id}/attachments/{attachment_id}/content GET/POST
//   /api/v1/cases/{id}/consultations
#include <algorithm>

#include "api/app.hpp"
#include "api/errors.hpp"
#include "api/file_response.hpp"
#include "api/input.hpp"
#include "auth/policy.hpp"
#include "cases/supervision.hpp"
#include "core/clock.hpp"
#include "model/json.hpp"
#include "store/attachment_files.hpp"
#include "store/sql/cooperation_repo.hpp"

namespace lj::api {
namespace {

std::string today(Context& ctx) {
  return format_time(ctx.app.clock().now()).substr(0, 10);
}

Result<const calendar::WorkCalendar*> calendar_of(Context& ctx) {
  if (!ctx.app.config().calendar)
    return Status{Code::kUnavailable, "the working-day calendar is not loaded on this server"};
  return ctx.app.config().calendar.get();
}

// Cooperation is casework: administrators have no part in it; analysts read.
Result<CooperationRepo> repo_of(Context& ctx) {
  if (ctx.actor.role == Role::kAdmin)
    return Status::Forbidden("the role 'admin' has no part in cooperation between units");
  return CooperationRepo(ctx.app.store().sql());
}

// Either a unit of the province or an external party; exactly one.
Result<AssistanceTarget> target_of(const Json& body) {
  AssistanceTarget t;
  LJ_ASSIGN_OR_RETURN(auto unit, opt_string(body, "to_unit_code", 12));
  LJ_ASSIGN_OR_RETURN(auto party, opt_int(body, "external_party_id"));
  if (unit.has_value() == party.has_value())
    return Status::Invalid("to_unit_code",
                           "give either to_unit_code (a unit of the province) or "
                           "external_party_id (a body outside it)");
  if (unit) t.unit_code = *unit;
  if (party) {
    if (*party <= 0)
      return Status::Invalid("external_party_id", "external_party_id must be positive");
    t.external_party_id = *party;
  }
  return t;
}

// The period a request names, else the server's default (AppConfig).
Result<int> working_days_of(const Json& body, int fallback) {
  LJ_ASSIGN_OR_RETURN(auto n, opt_int(body, "due_in_working_days"));
  if (!n) return fallback;
  if (*n < 1 || *n > 90)
    return Status::Invalid("due_in_working_days", "due_in_working_days must be 1..90");
  return static_cast<int>(*n);
}

Result<std::string> date_field(const Json& body, const char* name, const std::string& def) {
  LJ_ASSIGN_OR_RETURN(auto v, opt_string(body, name, 10));
  if (!v) return def;
  LJ_RETURN_IF_ERROR(calendar::parse_date(*v, name).status());
  return *v;
}

Json items_of(const std::vector<AssistanceRequest>& list, const std::string& today) {
  Json items = Json::array();
  for (const auto& a : list) items.push_back(to_json(a, today));
  return items;
}

// ---- external parties

Result<http::Response> add_party(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(Json body, json_object(ctx.req, {"name", "region", "contact"}));
  ExternalParty p;
  LJ_ASSIGN_OR_RETURN(p.name, req_string(body, "name", 200));
  LJ_ASSIGN_OR_RETURN(p.region, req_string(body, "region", 100));
  LJ_ASSIGN_OR_RETURN(p.contact, req_string(body, "contact", 500));
  LJ_ASSIGN_OR_RETURN(CooperationRepo repo, repo_of(ctx));
  LJ_ASSIGN_OR_RETURN(ExternalParty stored, repo.add_external_party(ctx.actor, p));
  return ok_json(to_json(stored), 201);
}

Result<http::Response> list_parties(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(CooperationRepo repo, repo_of(ctx));
  LJ_ASSIGN_OR_RETURN(auto list, repo.external_parties());
  Json items = Json::array();
  for (const auto& p : list) items.push_back(to_json(p));
  return ok_json(Json{{"items", items}});
}

// ---- referrals

Result<http::Response> refer(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(Json body, json_object(ctx.req, {"entity", "id", "to_unit_code",
                                                       "external_party_id", "note"}));
  LJ_ASSIGN_OR_RETURN(std::string entity, req_string(body, "entity", 10));
  if (entity != "lead" && entity != "case")
    return Status::Invalid("entity", "entity must be lead or case, not '" + entity + "'");
  LJ_ASSIGN_OR_RETURN(auto id, opt_int(body, "id"));
  if (!id || *id <= 0) return Status::Invalid("id", "id (the lead's or case's id) is required");
  LJ_ASSIGN_OR_RETURN(AssistanceTarget to, target_of(body));
  LJ_ASSIGN_OR_RETURN(std::string note, req_string(body, "note", 5000));
  LJ_ASSIGN_OR_RETURN(CooperationRepo repo, repo_of(ctx));
  LJ_ASSIGN_OR_RETURN(Referral r, repo.refer(ctx.actor, entity, *id, to, note));
  return ok_json(to_json(r), 201);
}

Result<http::Response> list_referrals(Context& ctx) {
  const std::string box = query_string(ctx.req, "box");
  if (!box.empty() && box != "sent" && box != "received")
    return Status::Invalid("box", "box must be sent or received");
  LJ_ASSIGN_OR_RETURN(int limit, query_int(ctx.req, "limit", 200, 1, 1000));
  LJ_ASSIGN_OR_RETURN(CooperationRepo repo, repo_of(ctx));
  LJ_ASSIGN_OR_RETURN(auto list, repo.referrals(ctx.actor, box, limit));
  Json items = Json::array();
  for (const auto& r : list) items.push_back(to_json(r));
  return ok_json(Json{{"items", items}});
}

// ---- assistance requests

Result<http::Response> request_assistance(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(const calendar::WorkCalendar* cal, calendar_of(ctx));
  LJ_ASSIGN_OR_RETURN(int64_t case_id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Json body, json_object(ctx.req, {"to_unit_code", "external_party_id",
                                                       "questions", "due_in_working_days"}));
  LJ_ASSIGN_OR_RETURN(AssistanceTarget to, target_of(body));
  LJ_ASSIGN_OR_RETURN(std::string questions, req_string(body, "questions", 20000));
  LJ_ASSIGN_OR_RETURN(int days, working_days_of(body, ctx.app.config().assistance_answer_working_days));
  const std::string day = today(ctx);
  LJ_ASSIGN_OR_RETURN(std::string due, cases::assistance_due(*cal, day, days));
  LJ_ASSIGN_OR_RETURN(CooperationRepo repo, repo_of(ctx));
  LJ_ASSIGN_OR_RETURN(AssistanceRequest a,
                      repo.request_assistance(ctx.actor, case_id, to, questions, day, due));
  return ok_json(to_json(a, day), 201);
}

Result<http::Response> record_incoming(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(const calendar::WorkCalendar* cal, calendar_of(ctx));
  LJ_ASSIGN_OR_RETURN(Json body,
                      json_object(ctx.req, {"external_party_id", "external_reference", "questions",
                                            "received_on", "due_in_working_days"}));
  LJ_ASSIGN_OR_RETURN(auto party, opt_int(body, "external_party_id"));
  if (!party || *party <= 0)
    return Status::Invalid("external_party_id", "external_party_id is required");
  LJ_ASSIGN_OR_RETURN(auto reference, opt_string(body, "external_reference", 200));
  LJ_ASSIGN_OR_RETURN(std::string questions, req_string(body, "questions", 20000));
  const std::string day = today(ctx);
  LJ_ASSIGN_OR_RETURN(std::string received, date_field(body, "received_on", day));
  if (received > day)
    return Status::Invalid("received_on", "received_on " + received + " is in the future");
  LJ_ASSIGN_OR_RETURN(int days, working_days_of(body, ctx.app.config().assistance_answer_working_days));
  LJ_ASSIGN_OR_RETURN(std::string due, cases::assistance_due(*cal, received, days));
  LJ_ASSIGN_OR_RETURN(CooperationRepo repo, repo_of(ctx));
  LJ_ASSIGN_OR_RETURN(
      AssistanceRequest a,
      repo.record_incoming(ctx.actor, *party, reference.value_or(""), questions, received, due));
  return ok_json(to_json(a, day), 201);
}

Result<http::Response> list_assistance(Context& ctx) {
  const std::string box = query_string(ctx.req, "box");
  if (!box.empty() && box != "to_answer" && box != "sent" && box != "overdue")
    return Status::Invalid("box", "box must be to_answer, sent or overdue");
  LJ_ASSIGN_OR_RETURN(int limit, query_int(ctx.req, "limit", 200, 1, 1000));
  int64_t case_id = 0;
  if (const std::string c = query_string(ctx.req, "case_id"); !c.empty()) {
    LJ_ASSIGN_OR_RETURN(case_id, parse_id(c, "case_id"));
  }
  LJ_ASSIGN_OR_RETURN(CooperationRepo repo, repo_of(ctx));
  const std::string day = today(ctx);
  LJ_ASSIGN_OR_RETURN(auto list, repo.assistance(ctx.actor, box, day, limit, case_id));
  return ok_json(Json{{"as_of", day}, {"items", items_of(list, day)}});
}

Result<http::Response> get_assistance(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(CooperationRepo repo, repo_of(ctx));
  LJ_ASSIGN_OR_RETURN(AssistanceRequest a, repo.get_assistance(ctx.actor, id));
  return ok_json(to_json(a, today(ctx)));
}

Result<http::Response> answer(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Json body, json_object(ctx.req, {"answer"}));
  LJ_ASSIGN_OR_RETURN(std::string text, req_string(body, "answer", 50000));
  LJ_ASSIGN_OR_RETURN(CooperationRepo repo, repo_of(ctx));
  LJ_ASSIGN_OR_RETURN(AssistanceRequest a, repo.answer(ctx.actor, id, text));
  return ok_json(to_json(a, today(ctx)));
}

Result<http::Response> extend(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Json body, json_object(ctx.req, {"due_on", "notice"}));
  LJ_ASSIGN_OR_RETURN(std::string due, req_string(body, "due_on", 10));
  LJ_RETURN_IF_ERROR(calendar::parse_date(due, "due_on").status());
  LJ_ASSIGN_OR_RETURN(std::string notice, req_string(body, "notice", 5000));
  LJ_ASSIGN_OR_RETURN(CooperationRepo repo, repo_of(ctx));
  LJ_ASSIGN_OR_RETURN(AssistanceRequest a, repo.extend(ctx.actor, id, due, notice));
  return ok_json(to_json(a, today(ctx)));
}

Result<http::Response> withdraw(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Json body, json_object(ctx.req, {"reason"}));
  LJ_ASSIGN_OR_RETURN(std::string reason, req_string(body, "reason", 5000));
  LJ_ASSIGN_OR_RETURN(CooperationRepo repo, repo_of(ctx));
  LJ_ASSIGN_OR_RETURN(AssistanceRequest a, repo.withdraw(ctx.actor, id, reason));
  return ok_json(to_json(a, today(ctx)));
}

// The evidence types the case attachments accept (api/routes_cases.cpp).
bool allowed_type(const std::string& t) {
  static const char* kTypes[] = {
      "application/pdf",
      "image/jpeg",
      "image/png",
      "image/webp",
      "text/plain",
      "text/csv",
      "application/zip",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "audio/mpeg",
      "video/mp4"};
  return std::any_of(std::begin(kTypes), std::end(kTypes), [&](const char* k) { return t == k; });
}

Result<http::Response> upload(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  std::string filename = query_string(ctx.req, "filename");
  if (filename.empty() || filename.size() > 255 || filename.find('/') != std::string::npos)
    return Status::Invalid("filename",
                           "give the file's name as ?filename= (no slashes, at most 255 bytes)");
  const std::string* ct = ctx.req.header("content-type");
  std::string type = ct ? ct->substr(0, ct->find(';')) : "";
  if (!allowed_type(type))
    return Status::Invalid("content-type",
                           "content type '" + type + "' is not accepted as evidence");
  if (ctx.req.body.empty()) return Status::Invalid("body", "the file is empty");
  if (static_cast<int64_t>(ctx.req.body.size()) > ctx.app.config().attachment_max_bytes)
    return Status{Code::kPayloadTooLarge, "the file is larger than the attachment limit", "body"};
  LJ_ASSIGN_OR_RETURN(CooperationRepo repo, repo_of(ctx));
  // Scope and side first, so nothing is written to the attachment store for a refused upload.
  LJ_RETURN_IF_ERROR(repo.get_assistance(ctx.actor, id).status());
  AttachmentFiles files(ctx.app.config().attachments_dir);
  AssistanceAttachment a;
  LJ_ASSIGN_OR_RETURN(a.sha256, files.put(ctx.req.body));
  a.size = static_cast<int64_t>(ctx.req.body.size());
  a.content_type = type;
  a.filename = filename;
  LJ_ASSIGN_OR_RETURN(AssistanceAttachment stored, repo.add_attachment(ctx.actor, id, a));
  return ok_json(Json{{"id", stored.id},
                      {"request_id", id},
                      {"sha256", stored.sha256},
                      {"size", stored.size},
                      {"content_type", stored.content_type},
                      {"filename", stored.filename},
                      {"uploaded_by", stored.uploaded_by},
                      {"uploaded_at", stored.uploaded_at}},
                 201);
}

Result<http::Response> download(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(int64_t id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(int64_t attachment_id, parse_id(ctx.param("attachment_id"), "attachment_id"));
  LJ_ASSIGN_OR_RETURN(CooperationRepo repo, repo_of(ctx));
  LJ_ASSIGN_OR_RETURN(AssistanceAttachment a, repo.get_attachment(ctx.actor, id, attachment_id));
  AttachmentFiles files(ctx.app.config().attachments_dir);
  LJ_ASSIGN_OR_RETURN(std::string bytes, files.get(a.sha256));
  http::Response r;
  r.content_type = a.content_type;
  r.body = std::move(bytes);
  set_file_disposition(r, a.filename, wants_inline(ctx.req));
  r.headers.emplace_back("X-Content-SHA256", a.sha256);
  return r;
}

// ---- consultations

Result<http::Response> add_consultation(Context& ctx) {
  LJ_RETURN_IF_ERROR(require(ctx.actor, Permission::kWriteRecords));
  LJ_ASSIGN_OR_RETURN(int64_t case_id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(Json body,
                      json_object(ctx.req, {"held_on", "participants", "notes", "conclusions"}));
  Consultation c;
  LJ_ASSIGN_OR_RETURN(c.held_on, date_field(body, "held_on", today(ctx)));
  if (c.held_on > today(ctx))
    return Status::Invalid("held_on", "held_on " + c.held_on + " is in the future");
  if (!body.contains("participants") || !body["participants"].is_array() ||
      body["participants"].empty())
    return Status::Invalid("participants",
                           "participants must be a non-empty list of {unit_code, name}");
  if (body["participants"].size() > 100)
    return Status::Invalid("participants", "at most 100 participants");
  for (size_t i = 0; i < body["participants"].size(); ++i) {
    const Json& p = body["participants"][i];
    const std::string where = "participants[" + std::to_string(i) + "]";
    if (!p.is_object())
      return Status::Invalid("participants", where + " must be an object {unit_code, name}");
    Json clean = Json::object();
    for (const auto& [k, v] : p.items()) {
      if (k != "unit_code" && k != "name")
        return Status::Invalid("participants", where + " has unknown field '" + k + "'");
      if (!v.is_string() || v.get<std::string>().empty() || v.get<std::string>().size() > 200)
        return Status::Invalid("participants", where + "." + k + " must be text of 1..200 bytes");
      clean[k] = v;
    }
    if (!clean.contains("name") && !clean.contains("unit_code"))
      return Status::Invalid("participants", where + " needs a unit_code or a name");
    c.participants.push_back(clean);
  }
  LJ_ASSIGN_OR_RETURN(c.notes, req_string(body, "notes", 50000));
  LJ_ASSIGN_OR_RETURN(c.conclusions, req_string(body, "conclusions", 20000));
  LJ_ASSIGN_OR_RETURN(CooperationRepo repo, repo_of(ctx));
  LJ_ASSIGN_OR_RETURN(Consultation stored, repo.add_consultation(ctx.actor, case_id, c));
  return ok_json(to_json(stored), 201);
}

Result<http::Response> list_consultations(Context& ctx) {
  LJ_ASSIGN_OR_RETURN(int64_t case_id, parse_id(ctx.param("id"), "id"));
  LJ_ASSIGN_OR_RETURN(CooperationRepo repo, repo_of(ctx));
  LJ_ASSIGN_OR_RETURN(auto list, repo.consultations(ctx.actor, case_id));
  Json items = Json::array();
  for (const auto& c : list) items.push_back(to_json(c));
  return ok_json(Json{{"items", items}});
}

}  // namespace

void add_cooperation_routes(Router& r) {
  r.add("GET", "/api/v1/external-parties", list_parties);
  r.add("POST", "/api/v1/external-parties", add_party);
  r.add("GET", "/api/v1/referrals", list_referrals);
  r.add("POST", "/api/v1/referrals", refer);
  r.add("POST", "/api/v1/cases/{id}/assistance", request_assistance);
  r.add("POST", "/api/v1/assistance/incoming", record_incoming);
  r.add("GET", "/api/v1/assistance", list_assistance);
  r.add("GET", "/api/v1/assistance/{id}", get_assistance);
  r.add("POST", "/api/v1/assistance/{id}/answer", answer);
  r.add("POST", "/api/v1/assistance/{id}/extend", extend);
  r.add("POST", "/api/v1/assistance/{id}/withdraw", withdraw);
  r.add("POST", "/api/v1/assistance/{id}/attachments", upload);
  r.add("GET", "/api/v1/assistance/{id}/attachments/{attachment_id}/content", download);
  r.add("GET", "/api/v1/cases/{id}/consultations", list_consultations);
  r.add("POST", "/api/v1/cases/{id}/consultations", add_consultation);
}

}  // namespace lj::api
