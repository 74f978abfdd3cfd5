#include "store/sql/case_facts_repo.hpp"

#include <map>

#include "model/json.hpp"
#include "store/sql/stats_rollup.hpp"

namespace lj {

using sql::Connection;
using sql::Rows;

namespace {

const std::vector<std::string> kCaseKinds = {"criminal_transfer", "discretion", "unfiled",
                                             "transfer_deadline"};
const std::vector<std::string> kLeadKinds = {"unfiled"};

std::string resolution_of(const std::string& kind) {
  if (kind == "criminal_transfer") return "transferred, or refused with recorded reasons";
  if (kind == "discretion")
    return "penalty brought into its tier's range, or reviewed with reasons";
  if (kind == "unfiled") return "filing decided";
  return "cause no longer present";
}

Result<StoredFacts> load_facts(Connection& c, int64_t case_id) {
  LJ_ASSIGN_OR_RETURN(Rows rows, c.query("SELECT facts, major, major_reasons, version, updated_at "
                                         "FROM case_facts WHERE case_id = ?",
                                         {case_id}));
  StoredFacts f;
  if (rows.empty()) return f;
  f.exists = true;
  f.facts = Json::parse(rows[0].text(0), nullptr, false);
  if (f.facts.is_discarded())
    return Status::Internal("stored facts of case " + std::to_string(case_id) + " are not JSON");
  f.major = rows[0].int64(1) != 0;
  f.major_reasons = Json::parse(rows[0].text(2), nullptr, false);
  if (f.major_reasons.is_discarded()) f.major_reasons = Json::array();
  f.version = rows[0].int64(3);
  f.updated_at = rows[0].text(4);
  return f;
}

Result<std::string> received_at_of(Connection& c, const Case& cs) {
  if (!cs.lead_id) return std::string();
  LJ_ASSIGN_OR_RETURN(Rows rows,
                      c.query("SELECT received_at FROM leads WHERE id = ?", {*cs.lead_id}));
  return rows.empty() ? std::string() : rows[0].text(0);
}

}  // namespace

Json to_json(const IntegrityFlag& f) {
  auto opt = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
  return Json{{"id", f.id},
              {"kind", f.kind},
              {"case_id", f.case_id ? Json(f.case_id) : Json(nullptr)},
              {"case_no", opt(f.case_no)},
              {"lead_id", f.lead_id ? Json(f.lead_id) : Json(nullptr)},
              {"unit_code", f.unit_code},
              {"supervising_unit", f.supervising_unit},
              {"reason", f.reason},
              {"shown", f.shown},
              {"state", f.resolved_at.empty() ? "open" : "resolved"},
              {"raised_at", f.raised_at},
              {"resolved_at", opt(f.resolved_at)},
              {"resolution", opt(f.resolution)}};
}

Result<CaseFactsRepo::Counts> CaseFactsRepo::sync_flags(Connection& c, const Actor& actor,
                                                        const char* column, int64_t id,
                                                        const std::string& unit_code,
                                                        const std::string& unit_path,
                                                        const std::vector<FlagFinding>& findings,
                                                        const std::vector<std::string>& kinds) {
  Counts n;
  const std::string col = column;  // "case_id" or "lead_id": fixed names, never input
  LJ_ASSIGN_OR_RETURN(Rows open,
                      c.query("SELECT id, kind, reason, shown FROM integrity_flags WHERE " + col +
                                  " = ? AND resolved_at IS NULL",
                              {id}));
  std::map<std::string, std::tuple<int64_t, std::string, std::string>> current;
  for (const auto& r : open) current[r.text(1)] = {r.int64(0), r.text(2), r.text(3)};
  const std::string t = store_.now();
  for (const auto& kind : kinds) {
    const FlagFinding* found = nullptr;
    for (const auto& f : findings)
      if (f.kind == kind) found = &f;
    auto it = current.find(kind);
    if (found && it == current.end()) {
      LJ_ASSIGN_OR_RETURN(Unit unit, store_.load_unit(c, unit_code));
      Unit sup = unit;
      if (!unit.parent_code.empty()) {
        LJ_ASSIGN_OR_RETURN(sup, store_.load_unit(c, unit.parent_code));
      }
      LJ_ASSIGN_OR_RETURN(Rows ins, c.query("INSERT INTO integrity_flags (kind, " + col +
                                                ", unit_code, unit_path, supervising_unit, "
                                                "supervising_path, reason, shown, raised_at) "
                                                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                            {kind, id, unit_code, unit_path, sup.code, sup.path,
                                             found->reason, found->shown.dump(), t}));
      const int64_t flag_id = ins.at(0).int64(0);
      LJ_RETURN_IF_ERROR(store_.audit(c, actor, "flag.raise", "integrity_flag",
                                      std::to_string(flag_id), Json(nullptr),
                                      Json{{"kind", kind},
                                           {col, id},
                                           {"reason", found->reason},
                                           {"supervising_unit", sup.code}}));
      ++n.raised;
    } else if (found) {
      const auto& [flag_id, reason, shown] = it->second;
      if (reason != found->reason || shown != found->shown.dump())
        LJ_RETURN_IF_ERROR(c.exec("UPDATE integrity_flags SET reason = ?, shown = ? WHERE id = ?",
                                  {found->reason, found->shown.dump(), flag_id}));
    } else if (it != current.end()) {
      const int64_t flag_id = std::get<0>(it->second);
      const std::string resolution = resolution_of(kind);
      LJ_RETURN_IF_ERROR(
          c.exec("UPDATE integrity_flags SET resolved_at = ?, resolution = ? WHERE id = ?",
                 {t, resolution, flag_id}));
      LJ_RETURN_IF_ERROR(store_.audit(c, actor, "flag.resolve", "integrity_flag",
                                      std::to_string(flag_id), Json{{"kind", kind}, {col, id}},
                                      Json{{"resolution", resolution}}));
      ++n.resolved;
    }
  }
  return n;
}

Result<CaseFactsRepo::Counts> CaseFactsRepo::evaluate_case(Connection& c, const Actor& actor,
                                                           const Case& cs,
                                                           const Evaluate& evaluate) {
  LJ_ASSIGN_OR_RETURN(StoredFacts facts, load_facts(c, cs.id));
  LJ_ASSIGN_OR_RETURN(auto timeline, store_.load_case_events(c, cs.id));
  LJ_ASSIGN_OR_RETURN(std::string received, received_at_of(c, cs));
  LJ_ASSIGN_OR_RETURN(IntegrityEval ev, evaluate(cs, facts.exists ? &facts.facts : nullptr,
                                                 timeline, received, store_.now()));
  if (facts.exists && (ev.major != facts.major || ev.major_reasons != facts.major_reasons))
    LJ_RETURN_IF_ERROR(
        c.exec("UPDATE case_facts SET major = ?, major_reasons = ? WHERE case_id = ?",
               {int64_t{ev.major}, ev.major_reasons.dump(), cs.id}));
  LJ_RETURN_IF_ERROR(sql::refresh_case_stats(c, cs.id));
  return sync_flags(c, actor, "case_id", cs.id, cs.unit_code, cs.unit_path, ev.flags, kCaseKinds);
}

Result<std::pair<Case, StoredFacts>> CaseFactsRepo::get(const Actor& actor, int64_t case_id) {
  Result<std::pair<Case, StoredFacts>> out = Status::Internal("not run");
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Case cs, store_.load_case(c, actor, case_id));
    LJ_ASSIGN_OR_RETURN(StoredFacts f, load_facts(c, case_id));
    out = std::make_pair(std::move(cs), std::move(f));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::pair<Case, StoredFacts>> CaseFactsRepo::put(const Actor& actor, int64_t case_id,
                                                        std::optional<int64_t> expected_version,
                                                        const Json& facts,
                                                        const Evaluate& evaluate) {
  Result<std::pair<Case, StoredFacts>> out = Status::Internal("not run");
  Status st = store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Case cs, store_.load_case(c, actor, case_id));
    if (cs.unit_path.rfind(actor.unit_path, 0) != 0)
      return Status::Forbidden("case " + std::to_string(case_id) +
                               " was shared with your unit for reading only");
    LJ_ASSIGN_OR_RETURN(StoredFacts before, load_facts(c, case_id));
    if (expected_version && *expected_version != before.version)
      return Status::Conflict("the facts of case " + std::to_string(case_id) + " are at version " +
                                  std::to_string(before.version) + ", not " +
                                  std::to_string(*expected_version) + ": reload them and try again",
                              "version");
    const std::string t = store_.now();
    LJ_RETURN_IF_ERROR(
        c.exec("INSERT INTO case_facts (case_id, facts, version, updated_at, updated_by) "
               "VALUES (?, ?, 1, ?, ?) ON CONFLICT (case_id) DO UPDATE SET facts = EXCLUDED.facts, "
               "version = case_facts.version + 1, updated_at = EXCLUDED.updated_at, "
               "updated_by = EXCLUDED.updated_by",
               {case_id, facts.dump(), t, actor.user_id}));
    LJ_ASSIGN_OR_RETURN(Counts n, evaluate_case(c, actor, cs, evaluate));
    (void)n;
    LJ_ASSIGN_OR_RETURN(StoredFacts after, load_facts(c, case_id));
    // The audit entry names what changed but keeps a person's data out (admins read the audit).
    auto summary = [](const StoredFacts& f) {
      if (!f.exists) return Json(nullptr);
      Json j = f.facts;
      if (j.contains("parties"))
        for (auto& p : j["parties"])
          for (const char* k : {"name", "id_number", "phone", "address"})
            if (p.contains(k) && p[k].is_string() && !p[k].get<std::string>().empty())
              p[k] = "(personal data)";
      return Json{{"facts", j}, {"version", f.version}, {"major", f.major}};
    };
    LJ_RETURN_IF_ERROR(store_.audit(c, actor, "case.facts", "case", std::to_string(case_id),
                                    summary(before), summary(after)));
    out = std::make_pair(std::move(cs), std::move(after));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Status CaseFactsRepo::refresh_case(const Actor& actor, int64_t case_id, const Evaluate& evaluate) {
  return store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Case cs, store_.load_case(c, actor, case_id));
    return evaluate_case(c, actor, cs, evaluate).status();
  });
}

Result<CaseFactsRepo::Refreshed> CaseFactsRepo::refresh_all(
    const Actor& actor, const std::vector<std::string>& final_states, const Evaluate& evaluate,
    const EvaluateLead& evaluate_lead) {
  Refreshed out;
  std::vector<int64_t> case_ids;
  std::vector<int64_t> lead_ids;
  LJ_RETURN_IF_ERROR(store_.read([&](Connection& c) -> Status {
    sql::Params p{actor.unit_path + "%"};
    std::string sql = "SELECT id FROM cases WHERE unit_path LIKE ?";
    for (const auto& s : final_states) {
      sql += " AND status <> ?";
      p.emplace_back(s);
    }
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(sql + " ORDER BY id", p));
    for (const auto& r : rows) case_ids.push_back(r.int64(0));
    // Leads verified without a case, and leads with an open flag (to resolve it).
    LJ_ASSIGN_OR_RETURN(
        Rows leads,
        c.query(
            "SELECT id FROM leads WHERE unit_path LIKE ? AND status = 'verified' UNION "
            "SELECT lead_id FROM integrity_flags WHERE lead_id IS NOT NULL AND resolved_at IS NULL "
            "AND unit_path LIKE ? ORDER BY 1",
            {actor.unit_path + "%", actor.unit_path + "%"}));
    for (const auto& r : leads) lead_ids.push_back(r.int64(0));
    return Status::Ok();
  }));
  for (int64_t id : case_ids) {
    LJ_RETURN_IF_ERROR(store_.write([&](Connection& c) -> Status {
      LJ_ASSIGN_OR_RETURN(Case cs, store_.load_case(c, actor, id));
      LJ_ASSIGN_OR_RETURN(Counts n, evaluate_case(c, actor, cs, evaluate));
      out.raised += n.raised;
      out.resolved += n.resolved;
      return Status::Ok();
    }));
    ++out.cases;
  }
  for (int64_t id : lead_ids) {
    LJ_RETURN_IF_ERROR(store_.write([&](Connection& c) -> Status {
      LJ_ASSIGN_OR_RETURN(
          Rows rows,
          c.query("SELECT status, received_at, unit_code, unit_path FROM leads WHERE id = ?",
                  {id}));
      if (rows.empty()) return Status::Ok();
      std::vector<FlagFinding> findings;
      if (auto f = evaluate_lead(rows[0].text(0), rows[0].text(1), store_.now()))
        findings.push_back(*f);
      LJ_ASSIGN_OR_RETURN(Counts n, sync_flags(c, actor, "lead_id", id, rows[0].text(2),
                                               rows[0].text(3), findings, kLeadKinds));
      out.raised += n.raised;
      out.resolved += n.resolved;
      return Status::Ok();
    }));
    ++out.leads;
  }
  return out;
}

Result<std::vector<IntegrityFlag>> CaseFactsRepo::list_flags(const Actor& actor,
                                                             const FlagQuery& q) {
  std::vector<IntegrityFlag> out;
  Status st = store_.read([&](Connection& c) -> Status {
    // Below the actor's unit: the supervising unit lies in the actor's subtree.
    sql::Params p{actor.unit_path + "%"};
    std::string sql =
        "SELECT f.id, f.kind, f.case_id, f.lead_id, c.case_no, f.unit_code, f.supervising_unit, "
        "f.reason, f.shown, f.raised_at, f.resolved_at, f.resolution FROM integrity_flags f "
        "LEFT JOIN cases c ON c.id = f.case_id WHERE f.supervising_path LIKE ?";
    if (!q.kind.empty()) {
      sql += " AND f.kind = ?";
      p.emplace_back(q.kind);
    }
    if (q.state == "open")
      sql += " AND f.resolved_at IS NULL";
    else if (q.state == "resolved")
      sql += " AND f.resolved_at IS NOT NULL";
    if (q.case_id) {
      sql += " AND f.case_id = ?";
      p.emplace_back(q.case_id);
    }
    sql += " ORDER BY f.id DESC LIMIT ?";
    p.emplace_back(int64_t{q.limit});
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(sql, p));
    for (const auto& r : rows) {
      IntegrityFlag f;
      f.id = r.int64(0);
      f.kind = r.text(1);
      f.case_id = r.is_null(2) ? 0 : r.int64(2);
      f.lead_id = r.is_null(3) ? 0 : r.int64(3);
      f.case_no = r.is_null(4) ? std::string() : r.text(4);
      f.unit_code = r.text(5);
      f.supervising_unit = r.text(6);
      f.reason = r.text(7);
      f.shown = Json::parse(r.text(8), nullptr, false);
      if (f.shown.is_discarded()) f.shown = Json::object();
      f.raised_at = r.text(9);
      f.resolved_at = r.is_null(10) ? std::string() : r.text(10);
      f.resolution = r.is_null(11) ? std::string() : r.text(11);
      out.push_back(std::move(f));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace lj
