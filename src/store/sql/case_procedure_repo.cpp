#include "store/sql/case_procedure_repo.hpp"

#include "model/json.hpp"
#include "store/sql/stats_rollup.hpp"

namespace lj {

using sql::Connection;
using sql::Rows;

namespace {

constexpr const char* kSelectProgress =
    "SELECT procedure, suspended_from, filed_at, decided_at, decision, decision_no, served_at, "
    "closed_at FROM case_progress WHERE case_id = ?";

Result<CaseProgress> load_progress(Connection& c, int64_t case_id) {
  LJ_ASSIGN_OR_RETURN(Rows rows, c.query(kSelectProgress, {case_id}));
  CaseProgress p;
  LJ_ASSIGN_OR_RETURN(Rows docs, c.query("SELECT DISTINCT document_kind FROM attachment_details "
                                         "WHERE case_id = ? AND document_kind IS NOT NULL "
                                         "ORDER BY document_kind",
                                         {case_id}));
  for (const auto& d : docs) p.documents.push_back(d.text(0));
  if (rows.empty()) return p;  // a case no action has moved yet
  const auto& r = rows[0];
  p.procedure = r.text(0);
  p.suspended_from = r.text(1);
  p.filed_at = r.text(2);
  p.decided_at = r.text(3);
  p.decision = r.text(4);
  p.decision_no = r.text(5);
  p.served_at = r.text(6);
  p.closed_at = r.text(7);
  return p;
}

// The receipt time of the case's lead (empty without one).
Result<std::string> lead_received_at(Connection& c, const Case& cs) {
  if (!cs.lead_id) return std::string();
  LJ_ASSIGN_OR_RETURN(Rows rows, c.query("SELECT received_at FROM leads WHERE id = ?", {*cs.lead_id}));
  return rows.empty() ? std::string() : rows[0].text(0);
}

}  // namespace

Json to_json(const CaseProgress& p) {
  auto opt = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
  return Json{{"procedure", p.procedure},           {"suspended_from", opt(p.suspended_from)},
              {"filed_at", opt(p.filed_at)},        {"decided_at", opt(p.decided_at)},
              {"decision", opt(p.decision)},        {"decision_no", opt(p.decision_no)},
              {"served_at", opt(p.served_at)},      {"closed_at", opt(p.closed_at)},
              {"documents", p.documents}};
}

Result<std::pair<Case, CaseProgress>> CaseProcedureRepo::get(const Actor& actor, int64_t case_id) {
  Result<std::pair<Case, CaseProgress>> out = Status::Internal("not run");
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Case cs, store_.load_case(c, actor, case_id));
    LJ_ASSIGN_OR_RETURN(CaseProgress p, load_progress(c, case_id));
    out = std::make_pair(std::move(cs), std::move(p));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<CaseProcedureRepo::History> CaseProcedureRepo::history(const Actor& actor, int64_t case_id) {
  Result<History> out = Status::Internal("not run");
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Case cs, store_.load_case(c, actor, case_id));
    History h;
    LJ_ASSIGN_OR_RETURN(h.timeline, store_.load_case_events(c, case_id));
    LJ_ASSIGN_OR_RETURN(h.lead_received_at, lead_received_at(c, cs));
    h.c = std::move(cs);
    out = std::move(h);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Status CaseProcedureRepo::store_deadlines(Connection& c, const Case& cs, const Schedule& schedule) {
  LJ_ASSIGN_OR_RETURN(auto timeline, store_.load_case_events(c, cs.id));
  LJ_ASSIGN_OR_RETURN(std::string received, lead_received_at(c, cs));
  const std::vector<CaseDeadlineRow> rows = schedule(cs, timeline, received, store_.now());
  LJ_RETURN_IF_ERROR(c.exec("DELETE FROM case_deadlines WHERE case_id = ?", {cs.id}));
  for (const auto& d : rows)
    LJ_RETURN_IF_ERROR(c.exec(
        "INSERT INTO case_deadlines (case_id, kind, unit_path, handler_id, started_on, due_on, "
        "ended_on, paused) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        {cs.id, d.kind, cs.unit_path, cs.opened_by, d.started_on, sql::text_or_null(d.due_on),
         sql::text_or_null(d.ended_on), int64_t{d.paused}}));
  return Status::Ok();
}

Status CaseProcedureRepo::refresh_deadlines(const Actor& actor, int64_t case_id,
                                            const Schedule& schedule) {
  return store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Case cs, store_.load_case(c, actor, case_id));
    LJ_RETURN_IF_ERROR(store_deadlines(c, cs, schedule));
    return sql::refresh_case_stats(c, case_id);
  });
}

Result<std::vector<DeadlineItem>> CaseProcedureRepo::running_deadlines(const Actor& actor,
                                                                       const DeadlineQuery& q) {
  std::vector<DeadlineItem> out;
  Status st = store_.read([&](Connection& c) -> Status {
    std::string path = actor.unit_path;
    if (!q.unit_code.empty()) {
      auto unit = store_.load_unit(c, q.unit_code);
      if (!unit.ok() || unit->path.rfind(actor.unit_path, 0) != 0)
        return Status::Invalid("unit", "no unit " + q.unit_code + " in your scope");
      path = unit->path;
    }
    sql::Params p{path + "%"};
    std::string sql =
        "SELECT d.case_id, c.case_no, c.title, c.status, c.unit_code, d.handler_id, d.kind, "
        "d.started_on, d.due_on, d.paused FROM case_deadlines d JOIN cases c ON c.id = d.case_id "
        "WHERE d.ended_on IS NULL AND d.unit_path LIKE ?";
    if (q.handler_id) {
      sql += " AND d.handler_id = ?";
      p.emplace_back(*q.handler_id);
    }
    if (!q.due_before.empty()) {
      sql += " AND d.due_on <= ?";
      p.emplace_back(q.due_before);
    }
    if (!q.kind.empty()) {
      sql += " AND d.kind = ?";
      p.emplace_back(q.kind);
    }
    sql += " ORDER BY CASE WHEN d.due_on IS NULL THEN 1 ELSE 0 END, d.due_on, d.case_id, d.kind LIMIT ?";
    p.emplace_back(int64_t{q.limit});
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(sql, p));
    for (const auto& r : rows) {
      DeadlineItem it;
      it.case_id = r.int64(0);
      it.case_no = r.text(1);
      it.title = r.text(2);
      it.status = r.text(3);
      it.unit_code = r.text(4);
      it.handler_id = r.is_null(5) ? 0 : r.int64(5);
      it.deadline.kind = r.text(6);
      it.deadline.started_on = r.text(7);
      it.deadline.due_on = r.text(8);
      it.deadline.paused = r.int64(9) != 0;
      out.push_back(std::move(it));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<CaseProcedureRepo::Applied> CaseProcedureRepo::apply(const Actor& actor, int64_t case_id,
                                                            std::optional<int64_t> expected_version,
                                                            const Decide& decide,
                                                            const Schedule& schedule) {
  Result<Applied> out = Status::Internal("not run");
  Status st = store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Case before, store_.load_case(c, actor, case_id));
    if (before.unit_path.rfind(actor.unit_path, 0) != 0)
      return Status::Forbidden("case " + std::to_string(case_id) +
                               " was shared with your unit for reading only");
    if (expected_version && *expected_version != before.version)
      return Status::Conflict("case " + std::to_string(case_id) + " is at version " +
                                  std::to_string(before.version) + ", not " +
                                  std::to_string(*expected_version) + ": reload it and try again",
                              "version");
    LJ_ASSIGN_OR_RETURN(CaseProgress progress_before, load_progress(c, case_id));
    const std::string t = store_.now();
    LJ_ASSIGN_OR_RETURN(CaseChange change, decide(before, progress_before, t));
    Case after = before;
    after.status = change.to;
    after.updated_at = t;
    after.version = before.version + 1;
    LJ_RETURN_IF_ERROR(c.exec(
        "UPDATE cases SET status = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?",
        {after.status, t, before.id, before.version}));
    const CaseProgress& p = change.progress;
    auto opt = [](const std::string& s) { return sql::text_or_null(s); };
    LJ_RETURN_IF_ERROR(c.exec(
        "INSERT INTO case_progress (case_id, procedure, suspended_from, filed_at, decided_at, "
        "decision, decision_no, served_at, closed_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT (case_id) DO UPDATE SET procedure = EXCLUDED.procedure, "
        "suspended_from = EXCLUDED.suspended_from, filed_at = EXCLUDED.filed_at, "
        "decided_at = EXCLUDED.decided_at, decision = EXCLUDED.decision, "
        "decision_no = EXCLUDED.decision_no, served_at = EXCLUDED.served_at, "
        "closed_at = EXCLUDED.closed_at, updated_at = EXCLUDED.updated_at",
        {before.id, p.procedure, opt(p.suspended_from), opt(p.filed_at), opt(p.decided_at),
         opt(p.decision), opt(p.decision_no), opt(p.served_at), opt(p.closed_at), t}));
    CaseEvent ev;
    ev.case_id = before.id;
    ev.at = t;
    ev.actor_id = actor.user_id;
    ev.actor_name = actor.username;
    ev.kind = "action";
    ev.note = change.note;
    ev.data = Json{{"action", change.action}, {"from", before.status}, {"to", change.to},
                   {"fields", change.data}};
    LJ_ASSIGN_OR_RETURN(CaseEvent created, store_.insert_case_event(c, ev));
    LJ_RETURN_IF_ERROR(store_deadlines(c, after, schedule));
    LJ_RETURN_IF_ERROR(sql::refresh_case_stats(c, before.id));
    Json audit_before = to_json(before), audit_after = to_json(after);
    audit_before["progress"] = to_json(progress_before);
    audit_after["progress"] = to_json(p);
    audit_after["action"] = change.action;
    LJ_RETURN_IF_ERROR(store_.audit(c, actor, "update", "case", std::to_string(before.id),
                                    audit_before, audit_after));
    out = Applied{std::move(after), p, std::move(created)};
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace lj
