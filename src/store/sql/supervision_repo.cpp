#include "store/sql/supervision_repo.hpp"

#include "model/json.hpp"

namespace lj {

using sql::Connection;
using sql::Rows;

namespace {

constexpr const char* kColumns =
    "s.id, s.case_id, c.case_no, c.title, c.unit_code, s.supervising_unit_code, s.level, "
    "s.instructions, s.deadline_on, s.report_interval_days, s.next_report_due_on, s.state, "
    "s.escalated_at, s.conclusion, s.opened_by, s.opened_at, s.closed_by, s.closed_at";
constexpr const char* kFrom = " FROM supervisions s JOIN cases c ON c.id = s.case_id";

Supervision from_row(const sql::Row& r) {
  Supervision s;
  s.id = r.int64(0);
  s.case_id = r.int64(1);
  s.case_no = r.text(2);
  s.case_title = r.text(3);
  s.case_unit_code = r.text(4);
  s.supervising_unit_code = r.text(5);
  s.level = r.text(6);
  s.instructions = r.text(7);
  s.deadline_on = r.text(8);
  s.report_interval_days = static_cast<int>(r.int64(9));
  s.next_report_due_on = r.text(10);
  s.state = r.text(11);
  s.escalated_at = r.text(12);
  s.conclusion = r.text(13);
  s.opened_by = r.int64(14);
  s.opened_at = r.text(15);
  s.closed_by = r.is_null(16) ? 0 : r.int64(16);
  s.closed_at = r.text(17);
  return s;
}

// Where the actor stands: above the supervising unit or above the case's unit.
std::string visible(const Actor& actor, sql::Params& p) {
  p.emplace_back(actor.unit_path + "%");
  p.emplace_back(actor.unit_path + "%");
  return "(s.supervising_unit_path LIKE ? OR s.case_unit_path LIKE ?)";
}

Json summary(const Supervision& s) {
  auto opt = [](const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); };
  return Json{{"id", s.id},
              {"state", s.state},
              {"next_report_due_on", s.next_report_due_on},
              {"escalated_at", opt(s.escalated_at)},
              {"conclusion", opt(s.conclusion)}};
}

}  // namespace

Json to_json(const Supervision& s, const std::string& today) {
  auto opt = [](const std::string& v) { return v.empty() ? Json(nullptr) : Json(v); };
  Json reports = Json::array();
  for (const auto& r : s.reports)
    reports.push_back(Json{{"id", r.id},
                           {"due_on", r.due_on},
                           {"text", r.text},
                           {"reported_by", r.reported_by},
                           {"reporter_name", r.reporter_name},
                           {"reported_at", r.reported_at},
                           {"late", r.late()}});
  return Json{
      {"id", s.id},
      {"case_id", s.case_id},
      {"case_no", s.case_no},
      {"case_title", s.case_title},
      {"case_unit_code", s.case_unit_code},
      {"supervising_unit_code", s.supervising_unit_code},
      {"level", s.level},
      {"instructions", s.instructions},
      {"deadline_on", s.deadline_on},
      {"report_interval_days", s.report_interval_days},
      {"next_report_due_on", s.state == "open" ? Json(s.next_report_due_on) : Json(nullptr)},
      {"state", s.state},
      {"overdue", s.state == "open" && s.next_report_due_on < today},
      {"escalated_at", opt(s.escalated_at)},
      {"conclusion", opt(s.conclusion)},
      {"opened_by", s.opened_by},
      {"opened_at", s.opened_at},
      {"closed_by", s.closed_by ? Json(s.closed_by) : Json(nullptr)},
      {"closed_at", opt(s.closed_at)},
      {"reports", reports}};
}

Status SupervisionRepo::load_reports(Connection& c, Supervision& s) {
  LJ_ASSIGN_OR_RETURN(Rows rows, c.query("SELECT id, due_on, text, reported_by, reporter_name, "
                                         "reported_at FROM supervision_reports "
                                         "WHERE supervision_id = ? ORDER BY id",
                                         {s.id}));
  s.reports.clear();
  for (const auto& r : rows)
    s.reports.push_back(
        SupervisionReport{r.int64(0), r.text(1), r.text(2), r.int64(3), r.text(4), r.text(5)});
  return Status::Ok();
}

Result<Supervision> SupervisionRepo::load(Connection& c, const Actor& actor, int64_t id) {
  sql::Params p{id};
  const std::string where = visible(actor, p);
  LJ_ASSIGN_OR_RETURN(
      Rows rows,
      c.query(std::string("SELECT ") + kColumns + kFrom + " WHERE s.id = ? AND " + where, p));
  if (rows.empty()) return Status::NotFound("no supervision " + std::to_string(id));
  Supervision s = from_row(rows[0]);
  LJ_RETURN_IF_ERROR(load_reports(c, s));
  return s;
}

Result<Supervision> SupervisionRepo::open(const Actor& actor, int64_t case_id,
                                          const SupervisionDraft& d) {
  if (actor.role != Role::kLeader) return Status::Forbidden("only a leader may open supervision");
  Result<Supervision> out = Status::Internal("not run");
  Status st = store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Case cs, store_.load_case(c, actor, case_id));
    if (cs.unit_path.rfind(actor.unit_path, 0) != 0 || cs.unit_path == actor.unit_path)
      return Status::Forbidden("only a unit above the case's unit may supervise case " +
                               std::to_string(case_id));
    LJ_ASSIGN_OR_RETURN(Unit unit, store_.load_unit(c, actor.unit_code));
    const char* needed = d.level == "region" ? "province" : "city";
    if (unit.level != needed)
      return Status::Forbidden("a " + d.level + " supervision is opened by a " + needed +
                               " unit, not by " + unit.code);
    LJ_ASSIGN_OR_RETURN(
        Rows open_rows,
        c.query("SELECT id FROM supervisions WHERE case_id = ? AND state = 'open'", {case_id}));
    if (!open_rows.empty())
      return Status::Conflict("case " + std::to_string(case_id) + " is already under supervision " +
                                  std::to_string(open_rows[0].int64(0)),
                              "case_id");
    const std::string t = store_.now();
    LJ_ASSIGN_OR_RETURN(
        Rows ids,
        c.query(
            "INSERT INTO supervisions (case_id, case_unit_path, supervising_unit_code, "
            "supervising_unit_path, level, instructions, deadline_on, report_interval_days, "
            "next_report_due_on, state, opened_by, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "'open', ?, ?) RETURNING id",
            {case_id, cs.unit_path, actor.unit_code, actor.unit_path, d.level, d.instructions,
             d.deadline_on, int64_t{d.report_interval_days}, d.first_report_due_on, actor.user_id,
             t}));
    const int64_t id = ids.at(0).int64(0);
    LJ_ASSIGN_OR_RETURN(Supervision s, load(c, actor, id));
    CaseEvent ev;
    ev.case_id = case_id;
    ev.at = t;
    ev.actor_id = actor.user_id;
    ev.actor_name = actor.username;
    ev.kind = "supervision_opened";
    ev.note = d.instructions;
    ev.data = Json{{"supervision_id", id},
                   {"level", d.level},
                   {"supervising_unit_code", actor.unit_code},
                   {"deadline_on", d.deadline_on},
                   {"report_interval_days", d.report_interval_days},
                   {"next_report_due_on", d.first_report_due_on}};
    LJ_RETURN_IF_ERROR(store_.insert_case_event(c, ev).status());
    LJ_RETURN_IF_ERROR(store_.audit(c, actor, "create", "supervision", std::to_string(id), nullptr,
                                    to_json(s, t.substr(0, 10))));
    out = std::move(s);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Supervision> SupervisionRepo::report(const Actor& actor, int64_t id, const std::string& text,
                                            const NextDue& next) {
  if (actor.role != Role::kLeader && actor.role != Role::kOfficer)
    return Status::Forbidden("only an officer or leader of the case's unit may report");
  Result<Supervision> out = Status::Internal("not run");
  Status st = store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Supervision s, load(c, actor, id));
    if (s.case_unit_code != actor.unit_code)
      return Status::Forbidden("progress on supervision " + std::to_string(id) +
                               " is reported by the case's unit " + s.case_unit_code);
    if (s.state != "open")
      return Status::Conflict("supervision " + std::to_string(id) + " is closed", "state");
    const std::string t = store_.now();
    LJ_ASSIGN_OR_RETURN(std::string next_due, next(s, t.substr(0, 10)));
    Supervision before = s;
    LJ_ASSIGN_OR_RETURN(
        Rows ids, c.query("INSERT INTO supervision_reports (supervision_id, due_on, text, "
                          "reported_by, reporter_name, "
                          "reported_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                          {id, s.next_report_due_on, text, actor.user_id, actor.username, t}));
    LJ_RETURN_IF_ERROR(
        c.exec("UPDATE supervisions SET next_report_due_on = ?, escalated_at = NULL WHERE id = ?",
               {next_due, id}));
    LJ_ASSIGN_OR_RETURN(s, load(c, actor, id));
    const SupervisionReport& filed = s.reports.back();
    CaseEvent ev;
    ev.case_id = s.case_id;
    ev.at = t;
    ev.actor_id = actor.user_id;
    ev.actor_name = actor.username;
    ev.kind = "supervision_report";
    ev.note = text;
    ev.data = Json{{"supervision_id", id},
                   {"report_id", ids.at(0).int64(0)},
                   {"due_on", filed.due_on},
                   {"late", filed.late()},
                   {"next_report_due_on", next_due}};
    LJ_RETURN_IF_ERROR(store_.insert_case_event(c, ev).status());
    Json after = summary(s);
    after["report"] = Json{{"id", filed.id}, {"due_on", filed.due_on}, {"text", text}};
    LJ_RETURN_IF_ERROR(store_.audit(c, actor, "update", "supervision", std::to_string(id),
                                    summary(before), after));
    out = std::move(s);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Supervision> SupervisionRepo::close(const Actor& actor, int64_t id,
                                           const std::string& conclusion) {
  if (actor.role != Role::kLeader) return Status::Forbidden("only a leader may close supervision");
  Result<Supervision> out = Status::Internal("not run");
  Status st = store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Supervision s, load(c, actor, id));
    LJ_ASSIGN_OR_RETURN(Unit sup, store_.load_unit(c, s.supervising_unit_code));
    if (sup.path.rfind(actor.unit_path, 0) != 0)
      return Status::Forbidden("supervision " + std::to_string(id) +
                               " is closed by the supervising unit " + s.supervising_unit_code);
    if (s.state != "open")
      return Status::Conflict("supervision " + std::to_string(id) + " is already closed", "state");
    const std::string t = store_.now();
    Supervision before = s;
    LJ_RETURN_IF_ERROR(c.exec(
        "UPDATE supervisions SET state = 'closed', conclusion = ?, closed_by = ?, closed_at = ? "
        "WHERE id = ?",
        {conclusion, actor.user_id, t, id}));
    LJ_ASSIGN_OR_RETURN(s, load(c, actor, id));
    CaseEvent ev;
    ev.case_id = s.case_id;
    ev.at = t;
    ev.actor_id = actor.user_id;
    ev.actor_name = actor.username;
    ev.kind = "supervision_closed";
    ev.note = conclusion;
    ev.data = Json{{"supervision_id", id}, {"reports", s.reports.size()}};
    LJ_RETURN_IF_ERROR(store_.insert_case_event(c, ev).status());
    LJ_RETURN_IF_ERROR(store_.audit(c, actor, "update", "supervision", std::to_string(id),
                                    summary(before), summary(s)));
    out = std::move(s);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<Supervision> SupervisionRepo::get(const Actor& actor, int64_t id) {
  Result<Supervision> out = Status::Internal("not run");
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Supervision s, load(c, actor, id));
    out = std::move(s);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<Supervision>> SupervisionRepo::of_case(const Actor& actor, int64_t case_id) {
  std::vector<Supervision> out;
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_RETURN_IF_ERROR(store_.load_case(c, actor, case_id).status());
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(std::string("SELECT ") + kColumns + kFrom +
                                               " WHERE s.case_id = ? ORDER BY s.id",
                                           {case_id}));
    for (const auto& r : rows) {
      Supervision s = from_row(r);
      LJ_RETURN_IF_ERROR(load_reports(c, s));
      out.push_back(std::move(s));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<Supervision>> SupervisionRepo::list(const Actor& actor,
                                                       const SupervisionQuery& q) {
  std::vector<Supervision> out;
  Status st = store_.read([&](Connection& c) -> Status {
    sql::Params p;
    std::string where;
    if (q.role == "supervising") {
      where = "s.supervising_unit_path LIKE ?";
      p.emplace_back(actor.unit_path + "%");
    } else if (q.role == "supervised") {
      where = "s.case_unit_path LIKE ?";
      p.emplace_back(actor.unit_path + "%");
    } else {
      where = visible(actor, p);
    }
    if (q.state == "open" || q.state == "closed") {
      where += " AND s.state = ?";
      p.emplace_back(q.state);
    } else if (q.state == "overdue") {
      where += " AND s.state = 'open' AND s.next_report_due_on < ?";
      p.emplace_back(q.today);
    }
    p.emplace_back(int64_t{q.limit});
    LJ_ASSIGN_OR_RETURN(Rows rows,
                        c.query(std::string("SELECT ") + kColumns + kFrom + " WHERE " + where +
                                    " ORDER BY s.next_report_due_on, s.id LIMIT ?",
                                p));
    for (const auto& r : rows) {
      Supervision s = from_row(r);
      LJ_RETURN_IF_ERROR(load_reports(c, s));
      out.push_back(std::move(s));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<int> SupervisionRepo::escalate_overdue(const std::string& today) {
  constexpr const char* kDue =
      "SELECT s.id, s.case_id, s.next_report_due_on, s.supervising_unit_code FROM supervisions s "
      "WHERE s.state = 'open' AND s.escalated_at IS NULL AND s.next_report_due_on < ? ORDER BY "
      "s.id";
  // Most calls find nothing: look on a reader first and take the writer only when needed.
  bool any = false;
  LJ_RETURN_IF_ERROR(store_.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(kDue, {today}));
    any = !rows.empty();
    return Status::Ok();
  }));
  if (!any) return 0;
  int n = 0;
  Status st = store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(kDue, {today}));
    if (rows.empty()) return Status::Ok();
    const Actor system = Actor::system("supervision escalation");
    const std::string t = store_.now();
    for (const auto& r : rows) {
      const int64_t id = r.int64(0);
      LJ_RETURN_IF_ERROR(c.exec("UPDATE supervisions SET escalated_at = ? WHERE id = ?", {t, id}));
      CaseEvent ev;
      ev.case_id = r.int64(1);
      ev.at = t;
      ev.actor_id = system.user_id;
      ev.actor_name = system.username;
      ev.kind = "supervision_escalated";
      ev.note = "progress report due " + r.text(2) + " not filed";
      ev.data =
          Json{{"supervision_id", id}, {"due_on", r.text(2)}, {"supervising_unit_code", r.text(3)}};
      LJ_RETURN_IF_ERROR(store_.insert_case_event(c, ev).status());
      LJ_RETURN_IF_ERROR(store_.audit(c, system, "escalate", "supervision", std::to_string(id),
                                      Json{{"escalated_at", nullptr}},
                                      Json{{"escalated_at", t}, {"due_on", r.text(2)}}));
      ++n;
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return n;
}

}  // namespace lj
