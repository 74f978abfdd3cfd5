#include "store/sql/dishonesty_repo.hpp"

#include "model/json.hpp"

namespace lj {

using sql::Connection;
using sql::Rows;

namespace {

constexpr const char* kColumns =
    "l.id, l.case_id, c.case_no, l.unit_code, l.unit_path, l.authority, l.enterprise_id, "
    "l.party_kind, l.party_name, l.uscc, l.grounds, l.reason, l.status, l.steps, "
    "l.objection_due, l.decision_no, l.listed_on, l.expires_on, l.removed_on, l.removal, "
    "l.proposed_by, l.proposed_at, l.updated_at, l.version";
constexpr const char* kFrom = " FROM dishonesty_listings l JOIN cases c ON c.id = l.case_id ";
constexpr const char* kCurrent = "l.status IN ('listed', 'removal_requested')";

DishonestyListing row_to_listing(const sql::Row& r) {
  DishonestyListing l;
  l.id = r.int64(0);
  l.case_id = r.int64(1);
  l.case_no = r.text(2);
  l.unit_code = r.text(3);
  l.unit_path = r.text(4);
  l.authority = r.text(5);
  l.enterprise_id = r.is_null(6) ? 0 : r.int64(6);
  l.party_kind = r.text(7);
  l.party_name = r.text(8);
  l.uscc = r.text(9);
  Json g = Json::parse(r.text(10), nullptr, false);
  if (g.is_array())
    for (const auto& x : g)
      if (x.is_string()) l.grounds.push_back(x.get<std::string>());
  l.reason = r.text(11);
  l.status = r.text(12);
  l.steps = Json::parse(r.text(13), nullptr, false);
  if (!l.steps.is_object()) l.steps = Json::object();
  l.objection_due = r.text(14);
  l.decision_no = r.text(15);
  l.listed_on = r.text(16);
  l.expires_on = r.text(17);
  l.removed_on = r.text(18);
  l.removal = r.text(19);
  l.proposed_by = r.int64(20);
  l.proposed_at = r.text(21);
  l.updated_at = r.text(22);
  l.version = r.int64(23);
  return l;
}

Json opt(const std::string& s) {
  return s.empty() ? Json(nullptr) : Json(s);
}

Result<DishonestyListing> load(Connection& c, const std::string& scope_path, int64_t id) {
  LJ_ASSIGN_OR_RETURN(Rows rows, c.query(std::string("SELECT ") + kColumns + kFrom +
                                             "WHERE l.id = ? AND l.unit_path LIKE ?",
                                         {id, scope_path + "%"}));
  if (rows.empty()) return Status::NotFound("no dishonesty listing " + std::to_string(id));
  return row_to_listing(rows[0]);
}

Status write_event(SqlStore& store, Connection& c, const Actor& actor, int64_t case_id,
                   const std::string& kind, const std::string& note, Json data) {
  CaseEvent ev;
  ev.case_id = case_id;
  ev.at = store.now();
  ev.actor_id = actor.user_id;
  ev.actor_name = actor.username;
  ev.kind = kind;
  ev.note = note;
  ev.data = std::move(data);
  return store.insert_case_event(c, ev).status();
}

// Appends the query's filters; `params` already holds the scope's.
std::string filters(const DishonestyQuery& q, sql::Params& p) {
  std::string sql;
  if (!q.status.empty()) {
    sql += " AND l.status = ?";
    p.emplace_back(q.status);
  }
  if (!q.uscc.empty()) {
    sql += " AND l.uscc = ?";
    p.emplace_back(q.uscc);
  }
  if (q.case_id > 0) {
    sql += " AND l.case_id = ?";
    p.emplace_back(q.case_id);
  }
  if (!q.name.empty()) {
    sql += " AND l.party_name LIKE ?";
    std::string escaped;
    for (char ch : q.name) {
      if (ch == '%' || ch == '_' || ch == '\\') escaped += '\\';
      escaped += ch;
    }
    p.emplace_back("%" + escaped + "%");
    sql += " ESCAPE '\\'";
  }
  return sql;
}

Result<std::pair<std::vector<DishonestyListing>, int64_t>> run_list(Connection& c,
                                                                    const std::string& where,
                                                                    sql::Params p,
                                                                    const std::string& order,
                                                                    const DishonestyQuery& q) {
  LJ_ASSIGN_OR_RETURN(Rows count, c.query(std::string("SELECT COUNT(*)") + kFrom + where, p));
  const int64_t total = count.empty() ? 0 : count[0].int64(0);
  p.emplace_back(int64_t{q.limit});
  p.emplace_back(int64_t{q.skip});
  LJ_ASSIGN_OR_RETURN(Rows rows, c.query(std::string("SELECT ") + kColumns + kFrom + where +
                                             " ORDER BY " + order + " LIMIT ? OFFSET ?",
                                         p));
  std::vector<DishonestyListing> out;
  for (const auto& r : rows) out.push_back(row_to_listing(r));
  return std::make_pair(std::move(out), total);
}

}  // namespace

Json to_json(const DishonestyListing& l) {
  return Json{{"id", l.id},
              {"case_id", l.case_id},
              {"case_no", l.case_no},
              {"unit_code", l.unit_code},
              {"authority", l.authority},
              {"enterprise_id", l.enterprise_id ? Json(l.enterprise_id) : Json(nullptr)},
              {"party_kind", l.party_kind},
              {"party_name", l.party_name},
              {"uscc", opt(l.uscc)},
              {"grounds", l.grounds},
              {"reason", l.reason},
              {"status", l.status},
              {"steps", l.steps},
              {"objection_due", opt(l.objection_due)},
              {"decision_no", opt(l.decision_no)},
              {"listed_on", opt(l.listed_on)},
              {"expires_on", opt(l.expires_on)},
              {"removed_on", opt(l.removed_on)},
              {"removal", opt(l.removal)},
              {"proposed_by", l.proposed_by},
              {"proposed_at", l.proposed_at},
              {"updated_at", l.updated_at},
              {"version", l.version}};
}

Json to_public_json(const DishonestyListing& l) {
  return Json{{"party_name", l.party_name},
              {"party_kind", l.party_kind},
              {"uscc", opt(l.uscc)},
              {"reason", l.reason},
              {"grounds", l.grounds},
              {"authority", l.authority},
              {"decision_no", opt(l.decision_no)},
              {"listed_on", opt(l.listed_on)},
              {"expires_on", opt(l.expires_on)}};
}

Result<DishonestyListing> DishonestyRepo::propose(const Actor& actor, int64_t case_id,
                                                  const Build& build) {
  Result<DishonestyListing> out = Status::Internal("not run");
  Status st = store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Case cs, store_.load_case(c, actor, case_id));
    if (cs.unit_path.rfind(actor.unit_path, 0) != 0)
      return Status::Forbidden("case " + std::to_string(case_id) +
                               " was shared with your unit for reading only");
    LJ_ASSIGN_OR_RETURN(Rows facts_rows,
                        c.query("SELECT facts FROM case_facts WHERE case_id = ?", {case_id}));
    Json facts;
    if (!facts_rows.empty()) facts = Json::parse(facts_rows[0].text(0), nullptr, false);
    // The registry entries the facts' parties and the case name.
    std::vector<int64_t> ids;
    if (cs.enterprise_id) ids.push_back(*cs.enterprise_id);
    if (facts.is_object() && facts.contains("parties") && facts["parties"].is_array())
      for (const auto& p : facts["parties"])
        if (p.is_object() && p.contains("enterprise_id") && p["enterprise_id"].is_number_integer())
          ids.push_back(p["enterprise_id"].get<int64_t>());
    std::vector<Enterprise> enterprises;
    for (int64_t id : ids) {
      LJ_ASSIGN_OR_RETURN(Rows e,
                          c.query("SELECT id, name, uscc FROM enterprises WHERE id = ?", {id}));
      if (e.empty()) continue;
      Enterprise ent;
      ent.id = e[0].int64(0);
      ent.name = e[0].text(1);
      ent.uscc = e[0].text(2);
      enterprises.push_back(std::move(ent));
    }
    auto unit = store_.load_unit(c, cs.unit_code);
    const std::string authority = unit.ok() ? unit->name : cs.unit_code;
    LJ_ASSIGN_OR_RETURN(DishonestyListing l,
                        build(cs, facts.is_object() ? &facts : nullptr, enterprises, authority));
    LJ_ASSIGN_OR_RETURN(Rows existing,
                        c.query("SELECT id FROM dishonesty_listings WHERE case_id = ?", {case_id}));
    if (!existing.empty())
      return Status::Conflict("case " + std::to_string(case_id) +
                                  " already has dishonesty listing " +
                                  std::to_string(existing[0].int64(0)),
                              "case_id");
    const std::string t = store_.now();
    l.proposed_by = actor.user_id;
    l.proposed_at = t;
    l.updated_at = t;
    l.version = 1;
    LJ_ASSIGN_OR_RETURN(
        Rows rows,
        c.query("INSERT INTO dishonesty_listings (case_id, unit_code, unit_path, authority, "
                "enterprise_id, party_kind, party_name, uscc, grounds, reason, status, steps, "
                "proposed_by, proposed_at, updated_at, version) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id",
                {l.case_id, l.unit_code, l.unit_path, l.authority,
                 l.enterprise_id ? sql::Value(l.enterprise_id) : sql::null(), l.party_kind,
                 l.party_name, sql::text_or_null(l.uscc), Json(l.grounds).dump(), l.reason,
                 l.status, l.steps.dump(), actor.user_id, t, t}));
    l.id = rows.at(0).int64(0);
    LJ_RETURN_IF_ERROR(write_event(store_, c, actor, case_id, "dishonesty_proposed", l.reason,
                                   Json{{"listing_id", l.id}, {"grounds", l.grounds}}));
    LJ_RETURN_IF_ERROR(store_.audit(c, actor, "create", "dishonesty_listing", std::to_string(l.id),
                                    nullptr, to_json(l)));
    out = std::move(l);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<DishonestyListing> DishonestyRepo::get(const Actor& actor, int64_t id) {
  Result<DishonestyListing> out = Status::Internal("not run");
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(out, load(c, actor.unit_path, id));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::pair<std::vector<DishonestyListing>, int64_t>> DishonestyRepo::list(
    const Actor& actor, const DishonestyQuery& q) {
  Result<std::pair<std::vector<DishonestyListing>, int64_t>> out = Status::Internal("not run");
  Status st = store_.read([&](Connection& c) -> Status {
    sql::Params p{actor.unit_path + "%"};
    const std::string where = "WHERE l.unit_path LIKE ?" + filters(q, p);
    LJ_ASSIGN_OR_RETURN(out, run_list(c, where, p, "l.id DESC", q));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::pair<std::vector<DishonestyListing>, int64_t>> DishonestyRepo::current(
    const Actor* scope, const DishonestyQuery& q) {
  Result<std::pair<std::vector<DishonestyListing>, int64_t>> out = Status::Internal("not run");
  Status st = store_.read([&](Connection& c) -> Status {
    sql::Params p;
    std::string where = std::string("WHERE ") + kCurrent;
    if (scope) {
      where += " AND l.unit_path LIKE ?";
      p.emplace_back(scope->unit_path + "%");
    }
    DishonestyQuery current = q;
    current.status.clear();
    where += filters(current, p);
    LJ_ASSIGN_OR_RETURN(out, run_list(c, where, p, "l.listed_on DESC, l.id DESC", q));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<int64_t>> DishonestyRepo::listed_enterprises() {
  std::vector<int64_t> out;
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(std::string("SELECT DISTINCT l.enterprise_id "
                                                       "FROM dishonesty_listings l WHERE ") +
                                           kCurrent + " AND l.enterprise_id IS NOT NULL"));
    for (const auto& r : rows) out.push_back(r.int64(0));
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<DishonestyListing> DishonestyRepo::apply(const Actor& actor, int64_t id,
                                                std::optional<int64_t> expected_version,
                                                const std::string& action, const Decide& decide) {
  Result<DishonestyListing> out = Status::Internal("not run");
  Status st = store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(DishonestyListing before, load(c, actor.unit_path, id));
    if (expected_version && *expected_version != before.version)
      return Status::Conflict("listing " + std::to_string(id) + " is at version " +
                                  std::to_string(before.version) + ", not " +
                                  std::to_string(*expected_version) + ": reload it and try again",
                              "version");
    LJ_ASSIGN_OR_RETURN(DishonestyListing after, decide(before));
    after.updated_at = store_.now();
    after.version = before.version + 1;
    LJ_RETURN_IF_ERROR(c.exec(
        "UPDATE dishonesty_listings SET status = ?, steps = ?, objection_due = ?, "
        "decision_no = ?, listed_on = ?, expires_on = ?, removed_on = ?, removal = ?, "
        "updated_at = ?, version = ? WHERE id = ? AND version = ?",
        {after.status, after.steps.dump(), sql::text_or_null(after.objection_due),
         sql::text_or_null(after.decision_no), sql::text_or_null(after.listed_on),
         sql::text_or_null(after.expires_on), sql::text_or_null(after.removed_on),
         sql::text_or_null(after.removal), after.updated_at, after.version, id, before.version}));
    const Json step = after.steps.contains(action) ? after.steps[action] : Json::object();
    LJ_RETURN_IF_ERROR(write_event(store_, c, actor, before.case_id, "dishonesty_" + action,
                                   step.contains("fields") ? step["fields"].value("note", "") : "",
                                   Json{{"listing_id", id},
                                        {"from", before.status},
                                        {"to", after.status},
                                        {"fields", step.value("fields", Json::object())}}));
    Json audit_after = to_json(after);
    audit_after["action"] = action;
    LJ_RETURN_IF_ERROR(store_.audit(c, actor, "update", "dishonesty_listing", std::to_string(id),
                                    to_json(before), audit_after));
    out = std::move(after);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<int> DishonestyRepo::remove_expired(const std::string& today) {
  int removed = 0;
  const Actor system = Actor::system("dishonesty-schedule");
  Status st = store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query(std::string("SELECT ") + kColumns + kFrom + "WHERE " +
                                               kCurrent + " AND l.expires_on <= ? ORDER BY l.id",
                                           {today}));
    for (const auto& r : rows) {
      DishonestyListing before = row_to_listing(r);
      DishonestyListing after = before;
      after.status = "removed";
      after.removed_on = today;
      after.removal = "expired";
      after.updated_at = store_.now();
      after.version = before.version + 1;
      // Conditional on the state read: a second server running the same schedule changes
      // nothing and writes no second audit entry.
      LJ_ASSIGN_OR_RETURN(
          Rows changed,
          c.query("UPDATE dishonesty_listings SET status = 'removed', removed_on = ?, "
                  "removal = 'expired', updated_at = ?, version = ? "
                  "WHERE id = ? AND version = ? RETURNING id",
                  {today, after.updated_at, after.version, before.id, before.version}));
      if (changed.empty()) continue;
      LJ_RETURN_IF_ERROR(
          write_event(store_, c, system, before.case_id, "dishonesty_expired",
                      "listing period ended on " + before.expires_on,
                      Json{{"listing_id", before.id}, {"from", before.status}, {"to", "removed"}}));
      LJ_RETURN_IF_ERROR(store_.audit(c, system, "update", "dishonesty_listing",
                                      std::to_string(before.id), to_json(before), to_json(after)));
      ++removed;
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return removed;
}

}  // namespace lj
