#include "store/sql/evaluation_repo.hpp"

#include <algorithm>
#include <map>

#include "core/crypto.hpp"

namespace lj {

using evaluate::Period;
using evaluate::UnitFigures;
using sql::Connection;
using sql::Rows;

namespace {

// Each counting query takes (path prefix, first day, last day + "T99") and answers rows of
// (unit_path, counts...): the figures of the units the rows' paths lie under are summed in C++.
// Times are ISO 8601 text; "T99" sorts after any time of the last day.
constexpr const char* kUnits =
    "SELECT code, name, level, path FROM units WHERE path LIKE ? ORDER BY path";
constexpr const char* kFiled =
    "SELECT c.unit_path, COUNT(*), SUM(CASE WHEN c.is_major = 1 OR COALESCE(f.major, 0) = 1 "
    "THEN 1 ELSE 0 END) FROM cases c JOIN case_progress p ON p.case_id = c.id "
    "LEFT JOIN case_facts f ON f.case_id = c.id "
    "WHERE c.unit_path LIKE ? AND p.filed_at >= ? AND p.filed_at <= ? GROUP BY c.unit_path";
constexpr const char* kClosed =
    "SELECT c.unit_path, COUNT(*) FROM cases c JOIN case_progress p ON p.case_id = c.id "
    "WHERE c.unit_path LIKE ? AND p.closed_at >= ? AND p.closed_at <= ? GROUP BY c.unit_path";
constexpr const char* kTransfers =
    "SELECT c.unit_path, COUNT(*) FROM cases c JOIN case_progress p ON p.case_id = c.id "
    "WHERE c.unit_path LIKE ? AND p.decision = 'transfer' AND p.decided_at >= ? "
    "AND p.decided_at <= ? GROUP BY c.unit_path";
constexpr const char* kDeadlines =
    "SELECT d.unit_path, COUNT(*), SUM(CASE WHEN d.ended_on <= d.due_on THEN 1 ELSE 0 END) "
    "FROM case_deadlines d WHERE d.unit_path LIKE ? AND d.due_on IS NOT NULL "
    "AND d.ended_on >= ? AND d.ended_on <= ? GROUP BY d.unit_path";
constexpr const char* kReviews =
    "SELECT r.unit_path, COUNT(*), SUM(r.total), SUM(r.max_total) FROM case_reviews r "
    "WHERE r.unit_path LIKE ? AND r.updated_at >= ? AND r.updated_at <= ? GROUP BY r.unit_path";
constexpr const char* kLeads =
    "SELECT l.unit_path, COUNT(*), SUM(CASE WHEN l.status IN ('verified', 'rejected', "
    "'case_opened') THEN 1 ELSE 0 END) FROM leads l WHERE l.unit_path LIKE ? "
    "AND l.received_at >= ? AND l.received_at <= ? GROUP BY l.unit_path";
constexpr const char* kOfficers =
    "SELECT u.unit_path, COUNT(*) FROM users u WHERE u.unit_path LIKE ? AND u.role = 'officer' "
    "AND u.active = 1 GROUP BY u.unit_path";
constexpr const char* kEntities =
    "SELECT n.path, COUNT(*) FROM enterprises e JOIN units n ON n.code = e.region_code "
    "WHERE n.path LIKE ? GROUP BY n.path";

std::string day_end(const std::string& day) {
  return day + "T99";
}

int64_t cell(const sql::Row& r, size_t i) {
  return r.is_null(i) ? 0 : r.int64(i);
}

// Adds each row's counts to every unit whose subtree holds the row's path.
void roll_up(std::vector<UnitFigures>& units, const Rows& rows,
             const std::function<void(UnitFigures&, const sql::Row&)>& add) {
  for (const auto& r : rows) {
    const std::string path = r.text(0);
    for (auto& u : units)
      if (path.rfind(u.path, 0) == 0) add(u, r);
  }
}

Result<Rows> count(Connection& c, const char* sql, const std::string& prefix, const Period& p) {
  return c.query(sql, {prefix, p.from(), day_end(p.to())});
}

StoredReport row_to_report(const sql::Row& r, bool with_content) {
  StoredReport s;
  s.id = r.int64(0);
  s.kind = r.text(1);
  s.unit_code = r.text(2);
  s.unit_path = r.text(3);
  s.period = r.text(4);
  s.format = r.text(5);
  s.title = r.text(6);
  s.size = r.int64(7);
  s.sha256 = r.text(8);
  s.origin = r.text(9);
  s.produced_by = r.int64(10);
  s.produced_at = r.text(11);
  s.version = r.int64(12);
  if (with_content) s.content = base64url_decode(r.text(13)).value_or(std::string());
  return s;
}

constexpr const char* kReportColumns =
    "SELECT id, kind, unit_code, unit_path, period, format, title, size, sha256, origin, "
    "produced_by, produced_at, version";

}  // namespace

// Disclosure on time from the publications of migration 14 (docs/disclosure.md): the decision
// publications whose due day (20 working days after the decision) falls in the period are due;
// those published on or before that day (published_at is Asia/Shanghai time, so its first ten
// characters are the civil day) are on time. A publication withdrawn because its decision was
// revoked (revoked_at) is no longer due; one withdrawn for another reason after publication
// still counts as published when it was. Typical cases are not decisions and are not counted.
constexpr const char* kDisclosure =
    "SELECT p.unit_path, COUNT(*), SUM(CASE WHEN p.published_at IS NOT NULL "
    "AND SUBSTR(p.published_at, 1, 10) <= p.due_on THEN 1 ELSE 0 END) FROM publications p "
    "WHERE p.kind = 'decision' AND p.unit_path LIKE ? AND p.due_on IS NOT NULL "
    "AND p.due_on >= ? AND p.due_on <= ? AND p.revoked_at IS NULL GROUP BY p.unit_path";

DisclosureSource disclosure_source() {
  return [](Connection& c, const std::string& path_prefix, const std::string& from,
            const std::string& to) -> Result<std::vector<DisclosurePathCount>> {
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(kDisclosure, {path_prefix, from, to}));
    std::vector<DisclosurePathCount> out;
    out.reserve(rows.size());
    for (const auto& r : rows) out.push_back({r.text(0), cell(r, 1), cell(r, 2)});
    return out;
  };
}

Json to_json(const StoredReport& r) {
  return Json{{"id", r.id},
              {"kind", r.kind},
              {"unit_code", r.unit_code},
              {"period", r.period},
              {"format", r.format},
              {"title", r.title},
              {"size", r.size},
              {"sha256", r.sha256},
              {"origin", r.origin},
              {"produced_by", r.produced_by},
              {"produced_at", r.produced_at},
              {"version", r.version},
              {"download", "/api/v1/reports/" + std::to_string(r.id) + "/download"}};
}

Result<Unit> EvaluationRepo::unit_in_scope(const Actor& actor, const std::string& unit_code,
                                           const std::string& field) {
  Result<Unit> out = Status::Internal("not run");
  Status st = store_.read([&](Connection& c) -> Status {
    const std::string code = unit_code.empty() ? actor.unit_code : unit_code;
    auto unit = store_.load_unit(c, code);
    if (!unit.ok() || unit->path.rfind(actor.unit_path, 0) != 0)
      return Status::Invalid(field, "no unit " + code + " in your scope");
    out = std::move(*unit);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<UnitFigures>> EvaluationRepo::load_figures(Connection& c,
                                                              const std::string& path,
                                                              const Period& period,
                                                              const evaluate::Scheme& scheme) {
  const std::string prefix = path + "%";
  std::vector<UnitFigures> units;
  LJ_ASSIGN_OR_RETURN(Rows unit_rows, c.query(kUnits, {prefix}));
  for (const auto& r : unit_rows) {
    UnitFigures f;
    f.code = r.text(0);
    f.name = r.text(1);
    f.level = r.text(2);
    f.path = r.text(3);
    units.push_back(std::move(f));
  }
  LJ_ASSIGN_OR_RETURN(Rows filed, count(c, kFiled, prefix, period));
  roll_up(units, filed, [](UnitFigures& u, const sql::Row& r) {
    u.cases_filed += cell(r, 1);
    u.major_cases += cell(r, 2);
  });
  LJ_ASSIGN_OR_RETURN(Rows closed, count(c, kClosed, prefix, period));
  roll_up(units, closed, [](UnitFigures& u, const sql::Row& r) { u.cases_closed += cell(r, 1); });
  LJ_ASSIGN_OR_RETURN(Rows transfers, count(c, kTransfers, prefix, period));
  roll_up(units, transfers,
          [](UnitFigures& u, const sql::Row& r) { u.criminal_transfers += cell(r, 1); });
  LJ_ASSIGN_OR_RETURN(Rows deadlines, count(c, kDeadlines, prefix, period));
  roll_up(units, deadlines, [](UnitFigures& u, const sql::Row& r) {
    u.deadlines_ended += cell(r, 1);
    u.deadlines_met += cell(r, 2);
  });
  LJ_ASSIGN_OR_RETURN(Rows reviews, count(c, kReviews, prefix, period));
  roll_up(units, reviews, [](UnitFigures& u, const sql::Row& r) {
    u.reviews += cell(r, 1);
    u.review_points += cell(r, 2);
    u.review_max_points += cell(r, 3);
  });
  LJ_ASSIGN_OR_RETURN(Rows leads, count(c, kLeads, prefix, period));
  roll_up(units, leads, [](UnitFigures& u, const sql::Row& r) {
    u.leads_received += cell(r, 1);
    u.leads_handled += cell(r, 2);
  });
  LJ_ASSIGN_OR_RETURN(Rows officers, c.query(kOfficers, {prefix}));
  roll_up(units, officers, [](UnitFigures& u, const sql::Row& r) { u.officers += cell(r, 1); });
  LJ_ASSIGN_OR_RETURN(Rows entities, c.query(kEntities, {prefix}));
  roll_up(units, entities,
          [](UnitFigures& u, const sql::Row& r) { u.market_entities += cell(r, 1); });
  for (auto& u : units) {
    auto it = scheme.market_entities.find(u.code);
    if (it != scheme.market_entities.end()) {
      u.market_entities = it->second;
      u.market_entities_configured = true;
    }
  }
  if (disclosure_) {
    LJ_ASSIGN_OR_RETURN(auto counts, disclosure_(c, prefix, period.from(), period.to()));
    for (auto& u : units) {
      int64_t due = 0, on_time = 0;
      for (const auto& d : counts)
        if (d.unit_path.rfind(u.path, 0) == 0) {
          due += d.due;
          on_time += d.on_time;
        }
      u.decisions_due = due;
      u.published_on_time = on_time;
    }
  }
  // The declining rule's history: the same period last year and the N periods before.
  const char* history_sql = scheme.declining_measure == "cases_closed" ? kClosed : kFiled;
  LJ_ASSIGN_OR_RETURN(Rows last_year, count(c, history_sql, prefix, period.same_last_year()));
  roll_up(units, last_year, [](UnitFigures& u, const sql::Row& r) { u.last_year += cell(r, 1); });
  for (const Period& p : period.previous_periods(scheme.moving_average_periods)) {
    for (auto& u : units) u.previous.push_back(0);
    LJ_ASSIGN_OR_RETURN(Rows rows, count(c, history_sql, prefix, p));
    roll_up(units, rows,
            [](UnitFigures& u, const sql::Row& r) { u.previous.back() += cell(r, 1); });
  }
  return units;
}

Result<evaluate::Evaluation> EvaluationRepo::evaluate(const Actor& actor,
                                                      const std::string& unit_code,
                                                      const Period& period,
                                                      const evaluate::Scheme& scheme) {
  LJ_ASSIGN_OR_RETURN(Unit unit, unit_in_scope(actor, unit_code));
  std::vector<UnitFigures> figures;
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(figures, load_figures(c, unit.path, period, scheme));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  UnitFigures total;
  for (const auto& f : figures)
    if (f.code == unit.code) total = f;
  return evaluate::evaluate_units(scheme, period, total, std::move(figures));
}

Result<StoredReport> EvaluationRepo::store_report(const Actor& actor, StoredReport r, bool replace,
                                                  bool* created) {
  r.size = static_cast<int64_t>(r.content.size());
  r.sha256 = sha256_hex(r.content);
  const std::string encoded = base64url_encode(r.content);
  Result<StoredReport> out = Status::Internal("not run");
  bool inserted = false;
  Status st = store_.write([&](Connection& c) -> Status {
    const std::string t = store_.now();
    LJ_ASSIGN_OR_RETURN(
        Rows existing,
        c.query(std::string(kReportColumns) +
                    " FROM reports WHERE kind = ? AND unit_code = ? AND period = ? AND format = ?",
                {r.kind, r.unit_code, r.period, r.format}));
    Json before = nullptr;
    if (!existing.empty()) {
      StoredReport old = row_to_report(existing[0], false);
      if (!replace) {
        out = std::move(old);
        return Status::Ok();
      }
      before = to_json(old);
      LJ_RETURN_IF_ERROR(
          c.exec("UPDATE reports SET title = ?, content = ?, size = ?, sha256 = ?, origin = ?, "
                 "produced_by = ?, produced_at = ?, version = version + 1 WHERE id = ?",
                 {r.title, encoded, r.size, r.sha256, r.origin, actor.user_id, t, old.id}));
    } else {
      // ON CONFLICT DO NOTHING: another server's scheduler may have stored it meanwhile.
      LJ_RETURN_IF_ERROR(c.exec(
          "INSERT INTO reports (kind, unit_code, unit_path, period, format, title, content, size, "
          "sha256, origin, produced_by, produced_at, version) "
          "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) "
          "ON CONFLICT (kind, unit_code, period, format) DO NOTHING",
          {r.kind, r.unit_code, r.unit_path, r.period, r.format, r.title, encoded, r.size, r.sha256,
           r.origin, actor.user_id, t}));
      inserted = true;
    }
    LJ_ASSIGN_OR_RETURN(
        Rows rows,
        c.query(std::string(kReportColumns) +
                    " FROM reports WHERE kind = ? AND unit_code = ? AND period = ? AND format = ?",
                {r.kind, r.unit_code, r.period, r.format}));
    if (rows.empty()) return Status::Internal("the report " + r.title + " was not stored");
    StoredReport stored = row_to_report(rows[0], false);
    LJ_RETURN_IF_ERROR(store_.audit(c, actor, before.is_null() ? "create" : "update", "report",
                                    std::to_string(stored.id), before, to_json(stored)));
    out = std::move(stored);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  if (created) *created = inserted;
  return out;
}

Result<bool> EvaluationRepo::has_report(const std::string& kind, const std::string& unit_code,
                                        const std::string& period, const std::string& format) {
  bool found = false;
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows,
                        c.query("SELECT id FROM reports WHERE kind = ? AND unit_code = ? "
                                "AND period = ? AND format = ?",
                                {kind, unit_code, period, format}));
    found = !rows.empty();
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return found;
}

Result<std::vector<StoredReport>> EvaluationRepo::list_reports(const Actor& actor,
                                                               const ReportQuery& q) {
  LJ_ASSIGN_OR_RETURN(Unit unit, unit_in_scope(actor, q.unit_code));
  std::vector<StoredReport> out;
  Status st = store_.read([&](Connection& c) -> Status {
    std::string sql = std::string(kReportColumns) + " FROM reports WHERE unit_path LIKE ?";
    sql::Params p{unit.path + "%"};
    if (!q.kind.empty()) {
      sql += " AND kind = ?";
      p.emplace_back(q.kind);
    }
    if (!q.period.empty()) {
      sql += " AND period = ?";
      p.emplace_back(q.period);
    }
    sql += " ORDER BY period DESC, unit_path, kind, format LIMIT ?";
    p.emplace_back(int64_t{q.limit});
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(sql, p));
    for (const auto& r : rows) out.push_back(row_to_report(r, false));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<StoredReport> EvaluationRepo::get_report(const Actor& actor, int64_t id) {
  Result<StoredReport> out = Status::NotFound("no report " + std::to_string(id));
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows,
                        c.query(std::string(kReportColumns) +
                                    ", content FROM reports WHERE id = ? AND unit_path LIKE ?",
                                {id, actor.unit_path + "%"}));
    if (!rows.empty()) out = row_to_report(rows[0], true);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace lj
