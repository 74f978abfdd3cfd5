// Assistance requests (协查) of the cooperation repository: requests from a case or from an
// external body, answer, extension with notice, withdrawal, attachments, the per-unit lists.
#include <map>

#include "model/json.hpp"
#include "store/sql/cooperation_repo.hpp"
#include "store/sql/cooperation_repo_internal.hpp"

namespace lj {

using sql::Connection;
using sql::Rows;
using namespace cooperation_detail;

namespace {

bool answering_side(const AssistanceRequest& r, const Actor& actor) {
  return r.to_unit_path.empty() ? under(r.from_unit_path, actor) : under(r.to_unit_path, actor);
}
// The side that may withdraw: the requesting unit, or for an incoming request the unit that
// recorded it.
bool requesting_side(const AssistanceRequest& r, const Actor& actor) {
  return r.from_unit_path.empty() ? under(r.to_unit_path, actor) : under(r.from_unit_path, actor);
}

// A request still open, acted on by the side that may (`answering`: the requested unit, else
// the requesting one); `what` ends the refusal, e.g. "answered by the requested unit".
Status check_open(const AssistanceRequest& r, const Actor& actor, bool answering,
                  const std::string& what) {
  const std::string name = "assistance request " + std::to_string(r.id);
  if (!(answering ? answering_side(r, actor) : requesting_side(r, actor)))
    return Status::Forbidden(name + " is " + what);
  if (r.state != "requested") return Status::Conflict(name + " is " + r.state, "state");
  return Status::Ok();
}

constexpr const char* kAssistanceColumns =
    "a.id, a.direction, a.case_id, c.case_no, c.title, a.from_unit_code, a.from_unit_path, "
    "a.to_unit_code, a.to_unit_path, a.external_party_id, e.name, a.external_reference, "
    "a.questions, a.requested_on, a.due_on, a.extension_notice, a.extended_at, a.state, a.answer, "
    "a.answered_by, a.answered_at, a.withdrawn_at, a.created_by, a.created_at "
    "FROM assistance_requests a LEFT JOIN cases c ON c.id = a.case_id "
    "LEFT JOIN external_parties e ON e.id = a.external_party_id";

AssistanceRequest assistance_from_row(const sql::Row& r) {
  AssistanceRequest a;
  a.id = r.int64(0);
  a.direction = r.text(1);
  a.case_id = r.is_null(2) ? 0 : r.int64(2);
  a.case_no = r.text(3);
  a.case_title = r.text(4);
  a.from_unit_code = r.text(5);
  a.from_unit_path = r.text(6);
  a.to_unit_code = r.text(7);
  a.to_unit_path = r.text(8);
  a.external_party_id = r.is_null(9) ? 0 : r.int64(9);
  a.external_party_name = r.text(10);
  a.external_reference = r.text(11);
  a.questions = r.text(12);
  a.requested_on = r.text(13);
  a.due_on = r.text(14);
  a.extension_notice = r.text(15);
  a.extended_at = r.text(16);
  a.state = r.text(17);
  a.answer = r.text(18);
  a.answered_by = r.is_null(19) ? 0 : r.int64(19);
  a.answered_at = r.text(20);
  a.withdrawn_at = r.text(21);
  a.created_by = r.int64(22);
  a.created_at = r.text(23);
  return a;
}

std::string assistance_visible(const Actor& actor, sql::Params& p) {
  p.emplace_back(actor.unit_path + "%");
  p.emplace_back(actor.unit_path + "%");
  return "(a.from_unit_path LIKE ? OR a.to_unit_path LIKE ?)";
}

Json audit_state(const AssistanceRequest& r) {
  return Json{{"state", r.state},
              {"due_on", r.due_on},
              {"answer", opt_text(r.answer)},
              {"extension_notice", opt_text(r.extension_notice)}};
}

}  // namespace

Json to_json(const AssistanceRequest& r, const std::string& today) {
  Json atts = Json::array();
  for (const auto& a : r.attachments)
    atts.push_back(Json{{"id", a.id},
                        {"sha256", a.sha256},
                        {"size", a.size},
                        {"content_type", a.content_type},
                        {"filename", a.filename},
                        {"uploaded_by", a.uploaded_by},
                        {"uploaded_at", a.uploaded_at}});
  const bool overdue = r.state == "requested" && r.due_on < today;
  return Json{{"id", r.id},
              {"direction", r.direction},
              {"case_id", opt_id(r.case_id)},
              {"case_no", opt_text(r.case_no)},
              {"case_title", opt_text(r.case_title)},
              {"from_unit_code", opt_text(r.from_unit_code)},
              {"to_unit_code", opt_text(r.to_unit_code)},
              {"external_party_id", opt_id(r.external_party_id)},
              {"external_party_name", opt_text(r.external_party_name)},
              {"external_reference", opt_text(r.external_reference)},
              {"questions", r.questions},
              {"requested_on", r.requested_on},
              {"due_on", r.due_on},
              {"extension_notice", opt_text(r.extension_notice)},
              {"extended_at", opt_text(r.extended_at)},
              {"state", overdue ? std::string("overdue") : r.state},
              {"answer", opt_text(r.answer)},
              {"answered_by", opt_id(r.answered_by)},
              {"answered_at", opt_text(r.answered_at)},
              {"withdrawn_at", opt_text(r.withdrawn_at)},
              {"created_by", r.created_by},
              {"created_at", r.created_at},
              {"attachments", atts}};
}

// ---- assistance requests

Result<AssistanceRequest> CooperationRepo::load_assistance(Connection& c, const Actor& actor,
                                                           int64_t id) {
  sql::Params p{id};
  const std::string where = assistance_visible(actor, p);
  LJ_ASSIGN_OR_RETURN(
      Rows rows,
      c.query(std::string("SELECT ") + kAssistanceColumns + " WHERE a.id = ? AND " + where, p));
  if (rows.empty()) return Status::NotFound("no assistance request " + std::to_string(id));
  AssistanceRequest a = assistance_from_row(rows[0]);
  LJ_ASSIGN_OR_RETURN(
      Rows atts,
      c.query("SELECT id, sha256, size, content_type, filename, uploaded_by, uploaded_at "
              "FROM assistance_attachments WHERE request_id = ? ORDER BY id",
              {id}));
  for (const auto& r : atts)
    a.attachments.push_back(AssistanceAttachment{r.int64(0), r.text(1), r.text(3), r.text(4),
                                                 r.int64(2), r.int64(5), r.text(6)});
  return a;
}

Result<AssistanceRequest> CooperationRepo::request_assistance(const Actor& actor, int64_t case_id,
                                                              const AssistanceTarget& to,
                                                              const std::string& questions,
                                                              const std::string& requested_on,
                                                              const std::string& due_on) {
  LJ_RETURN_IF_ERROR(require_actor(actor));
  Result<AssistanceRequest> out = Status::Internal("not run");
  Status st = store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Case cs, store_.load_case(c, actor, case_id));
    if (cs.unit_path.rfind(actor.unit_path, 0) != 0)
      return Status::Forbidden("case " + std::to_string(case_id) +
                               " was shared with your unit for reading only");
    std::string to_path;
    if (!to.unit_code.empty()) {
      auto u = store_.load_unit(c, to.unit_code);
      if (!u.ok()) return Status::Invalid("to_unit_code", "no unit with code " + to.unit_code);
      if (u->code == cs.unit_code)
        return Status::Invalid("to_unit_code",
                               "an assistance request goes to another unit than the case's");
      to_path = u->path;
    } else {
      LJ_RETURN_IF_ERROR(load_party(c, to.external_party_id).status());
    }
    LJ_ASSIGN_OR_RETURN(Unit from, store_.load_unit(c, cs.unit_code));
    const std::string t = store_.now();
    LJ_ASSIGN_OR_RETURN(
        Rows rows,
        c.query(
            "INSERT INTO assistance_requests (direction, case_id, from_unit_code, from_unit_path, "
            "to_unit_code, to_unit_path, external_party_id, external_reference, questions, "
            "requested_on, "
            "due_on, state, created_by, created_at) VALUES ('outgoing', ?, ?, ?, ?, ?, ?, '', ?, "
            "?, ?, "
            "'requested', ?, ?) RETURNING id",
            {case_id, from.code, from.path, sql::text_or_null(to.unit_code),
             sql::text_or_null(to_path),
             to.external_party_id ? sql::Value(to.external_party_id) : sql::null(), questions,
             requested_on, due_on, actor.user_id, t}));
    const int64_t id = rows.at(0).int64(0);
    LJ_ASSIGN_OR_RETURN(AssistanceRequest a, load_assistance(c, actor, id));
    LJ_RETURN_IF_ERROR(case_event(c, actor, case_id, "assistance_requested", questions,
                                  Json{{"assistance_id", id},
                                       {"to_unit_code", opt_text(a.to_unit_code)},
                                       {"external_party", opt_text(a.external_party_name)},
                                       {"due_on", due_on}}));
    LJ_RETURN_IF_ERROR(store_.audit(c, actor, "create", "assistance_request", std::to_string(id),
                                    nullptr, to_json(a, requested_on)));
    out = std::move(a);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<AssistanceRequest> CooperationRepo::record_incoming(
    const Actor& actor, int64_t external_party_id, const std::string& reference,
    const std::string& questions, const std::string& requested_on, const std::string& due_on) {
  LJ_RETURN_IF_ERROR(require_actor(actor));
  Result<AssistanceRequest> out = Status::Internal("not run");
  Status st = store_.write([&](Connection& c) -> Status {
    LJ_RETURN_IF_ERROR(load_party(c, external_party_id).status());
    const std::string t = store_.now();
    LJ_ASSIGN_OR_RETURN(
        Rows rows,
        c.query(
            "INSERT INTO assistance_requests (direction, to_unit_code, to_unit_path, "
            "external_party_id, "
            "external_reference, questions, requested_on, due_on, state, created_by, created_at) "
            "VALUES ('incoming', ?, ?, ?, ?, ?, ?, ?, 'requested', ?, ?) RETURNING id",
            {actor.unit_code, actor.unit_path, external_party_id, reference, questions,
             requested_on, due_on, actor.user_id, t}));
    const int64_t id = rows.at(0).int64(0);
    LJ_ASSIGN_OR_RETURN(AssistanceRequest a, load_assistance(c, actor, id));
    LJ_RETURN_IF_ERROR(store_.audit(c, actor, "create", "assistance_request", std::to_string(id),
                                    nullptr, to_json(a, requested_on)));
    out = std::move(a);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<AssistanceRequest> CooperationRepo::get_assistance(const Actor& actor, int64_t id) {
  Result<AssistanceRequest> out = Status::Internal("not run");
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(AssistanceRequest a, load_assistance(c, actor, id));
    out = std::move(a);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<AssistanceRequest>> CooperationRepo::assistance(const Actor& actor,
                                                                   const std::string& box,
                                                                   const std::string& today,
                                                                   int limit, int64_t case_id) {
  std::vector<AssistanceRequest> out;
  Status st = store_.read([&](Connection& c) -> Status {
    sql::Params p;
    std::string where;
    if (box == "to_answer") {
      // Requests this unit answers: addressed to it, or its own to external bodies.
      where =
          "a.state = 'requested' AND (a.to_unit_path LIKE ? OR (a.to_unit_path IS NULL AND "
          "a.from_unit_path LIKE ?))";
      p.emplace_back(actor.unit_path + "%");
      p.emplace_back(actor.unit_path + "%");
    } else if (box == "sent") {
      where = "a.from_unit_path LIKE ?";
      p.emplace_back(actor.unit_path + "%");
    } else {
      where = assistance_visible(actor, p);
      if (box == "overdue") {
        where += " AND a.state = 'requested' AND a.due_on < ?";
        p.emplace_back(today);
      }
    }
    if (case_id > 0) {
      where = "(" + where + ") AND a.case_id = ?";
      p.emplace_back(case_id);
    }
    p.emplace_back(int64_t{limit});
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(std::string("SELECT ") + kAssistanceColumns + " WHERE " +
                                               where + " ORDER BY a.due_on, a.id LIMIT ?",
                                           p));
    if (rows.empty()) return Status::Ok();
    std::map<int64_t, size_t> index;
    sql::Params ids;
    std::string marks;
    for (const auto& r : rows) {
      out.push_back(assistance_from_row(r));
      index[out.back().id] = out.size() - 1;
      ids.emplace_back(out.back().id);
      marks += marks.empty() ? "?" : ", ?";
    }
    LJ_ASSIGN_OR_RETURN(
        Rows atts,
        c.query(
            "SELECT request_id, id, sha256, size, content_type, filename, uploaded_by, uploaded_at "
            "FROM assistance_attachments WHERE request_id IN (" +
                marks + ") ORDER BY id",
            ids));
    for (const auto& r : atts)
      out[index.at(r.int64(0))].attachments.push_back(AssistanceAttachment{
          r.int64(1), r.text(2), r.text(4), r.text(5), r.int64(3), r.int64(6), r.text(7)});
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<AssistanceRequest> CooperationRepo::answer(const Actor& actor, int64_t id,
                                                  const std::string& text) {
  LJ_RETURN_IF_ERROR(require_actor(actor));
  Result<AssistanceRequest> out = Status::Internal("not run");
  Status st = store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(AssistanceRequest before, load_assistance(c, actor, id));
    LJ_RETURN_IF_ERROR(check_open(before, actor, true, "answered by the requested unit"));
    const std::string t = store_.now();
    LJ_RETURN_IF_ERROR(
        c.exec("UPDATE assistance_requests SET state = 'answered', answer = ?, answered_by = ?, "
               "answered_at = ? "
               "WHERE id = ?",
               {text, actor.user_id, t, id}));
    LJ_ASSIGN_OR_RETURN(AssistanceRequest a, load_assistance(c, actor, id));
    if (a.case_id)
      LJ_RETURN_IF_ERROR(case_event(c, actor, a.case_id, "assistance_answered", text,
                                    Json{{"assistance_id", id},
                                         {"late", t.substr(0, 10) > a.due_on},
                                         {"attachments", a.attachments.size()}}));
    LJ_RETURN_IF_ERROR(store_.audit(c, actor, "update", "assistance_request", std::to_string(id),
                                    audit_state(before), audit_state(a)));
    out = std::move(a);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<AssistanceRequest> CooperationRepo::extend(const Actor& actor, int64_t id,
                                                  const std::string& due_on,
                                                  const std::string& notice) {
  LJ_RETURN_IF_ERROR(require_actor(actor));
  Result<AssistanceRequest> out = Status::Internal("not run");
  Status st = store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(AssistanceRequest before, load_assistance(c, actor, id));
    LJ_RETURN_IF_ERROR(check_open(before, actor, true, "extended by the requested unit"));
    if (due_on <= before.due_on)
      return Status::Invalid("due_on",
                             "the new due day " + due_on + " must be after " + before.due_on);
    const std::string t = store_.now();
    LJ_RETURN_IF_ERROR(
        c.exec("UPDATE assistance_requests SET due_on = ?, extension_notice = ?, extended_at = ? "
               "WHERE id = ?",
               {due_on, notice, t, id}));
    LJ_ASSIGN_OR_RETURN(AssistanceRequest a, load_assistance(c, actor, id));
    // The notice reaches the requester on its own case's timeline.
    if (a.case_id)
      LJ_RETURN_IF_ERROR(
          case_event(c, actor, a.case_id, "assistance_extended", notice,
                     Json{{"assistance_id", id}, {"from", before.due_on}, {"to", due_on}}));
    LJ_RETURN_IF_ERROR(store_.audit(c, actor, "update", "assistance_request", std::to_string(id),
                                    audit_state(before), audit_state(a)));
    out = std::move(a);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<AssistanceRequest> CooperationRepo::withdraw(const Actor& actor, int64_t id,
                                                    const std::string& reason) {
  LJ_RETURN_IF_ERROR(require_actor(actor));
  Result<AssistanceRequest> out = Status::Internal("not run");
  Status st = store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(AssistanceRequest before, load_assistance(c, actor, id));
    LJ_RETURN_IF_ERROR(check_open(before, actor, false, "withdrawn by the requesting unit"));
    const std::string t = store_.now();
    LJ_RETURN_IF_ERROR(
        c.exec("UPDATE assistance_requests SET state = 'withdrawn', withdrawn_at = ? WHERE id = ?",
               {t, id}));
    LJ_ASSIGN_OR_RETURN(AssistanceRequest a, load_assistance(c, actor, id));
    if (a.case_id)
      LJ_RETURN_IF_ERROR(case_event(c, actor, a.case_id, "assistance_withdrawn", reason,
                                    Json{{"assistance_id", id}}));
    Json after = audit_state(a);
    after["reason"] = reason;
    LJ_RETURN_IF_ERROR(store_.audit(c, actor, "update", "assistance_request", std::to_string(id),
                                    audit_state(before), after));
    out = std::move(a);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<AssistanceAttachment> CooperationRepo::add_attachment(const Actor& actor, int64_t id,
                                                             const AssistanceAttachment& att) {
  LJ_RETURN_IF_ERROR(require_actor(actor));
  Result<AssistanceAttachment> out = Status::Internal("not run");
  Status st = store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(AssistanceRequest a, load_assistance(c, actor, id));
    if (!answering_side(a, actor))
      return Status::Forbidden("the answer of assistance request " + std::to_string(id) +
                               " is attached by the requested unit");
    if (a.state == "withdrawn")
      return Status::Conflict("assistance request " + std::to_string(id) + " was withdrawn",
                              "state");
    AssistanceAttachment x = att;
    x.uploaded_by = actor.user_id;
    x.uploaded_at = store_.now();
    LJ_ASSIGN_OR_RETURN(
        Rows rows,
        c.query(
            "INSERT INTO assistance_attachments (request_id, sha256, size, content_type, filename, "
            "uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
            {id, x.sha256, x.size, x.content_type, x.filename, x.uploaded_by, x.uploaded_at}));
    x.id = rows.at(0).int64(0);
    LJ_RETURN_IF_ERROR(store_.audit(c, actor, "create", "assistance_attachment",
                                    std::to_string(x.id), nullptr,
                                    Json{{"request_id", id},
                                         {"sha256", x.sha256},
                                         {"size", x.size},
                                         {"content_type", x.content_type},
                                         {"filename", x.filename}}));
    out = std::move(x);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<AssistanceAttachment> CooperationRepo::get_attachment(const Actor& actor, int64_t id,
                                                             int64_t attachment_id) {
  LJ_ASSIGN_OR_RETURN(AssistanceRequest a, get_assistance(actor, id));
  for (const auto& x : a.attachments)
    if (x.id == attachment_id) return x;
  return Status::NotFound("no attachment " + std::to_string(attachment_id) +
                          " on assistance request " + std::to_string(id));
}

}  // namespace lj
