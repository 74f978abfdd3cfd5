#include "store/sql/cooperation_repo.hpp"

#include "model/json.hpp"
#include "store/sql/cooperation_repo_internal.hpp"

namespace lj {

using sql::Connection;
using sql::Rows;
using namespace cooperation_detail;

Result<ExternalParty> cooperation_detail::load_party(Connection& c, int64_t id) {
  LJ_ASSIGN_OR_RETURN(
      Rows rows,
      c.query("SELECT id, name, region, contact, recorded_by_unit, recorded_by, recorded_at "
              "FROM external_parties WHERE id = ?",
              {id}));
  if (rows.empty())
    return Status::Invalid("external_party_id", "no external party " + std::to_string(id));
  const auto& r = rows[0];
  return ExternalParty{r.int64(0), r.text(1),  r.text(2), r.text(3),
                       r.text(4),  r.int64(5), r.text(6)};
}

Json to_json(const ExternalParty& p) {
  return Json{{"id", p.id},
              {"name", p.name},
              {"region", p.region},
              {"contact", p.contact},
              {"recorded_by_unit", p.recorded_by_unit},
              {"recorded_at", p.recorded_at}};
}

Json to_json(const Referral& r) {
  return Json{{"id", r.id},
              {"entity", r.entity},
              {"entity_id", r.entity_id},
              {"from_unit_code", r.from_unit_code},
              {"to_unit_code", opt_text(r.to_unit_code)},
              {"external_party_id", opt_id(r.external_party_id)},
              {"external_party_name", opt_text(r.external_party_name)},
              {"note", r.note},
              {"referred_by", r.referred_by},
              {"referred_at", r.referred_at}};
}

Json to_json(const Consultation& c) {
  return Json{{"id", c.id},
              {"case_id", c.case_id},
              {"held_on", c.held_on},
              {"participants", c.participants},
              {"notes", c.notes},
              {"conclusions", c.conclusions},
              {"recorded_by", c.recorded_by},
              {"recorded_at", c.recorded_at}};
}

Status CooperationRepo::case_event(Connection& c, const Actor& actor, int64_t case_id,
                                   const std::string& kind, const std::string& note, Json data) {
  CaseEvent ev;
  ev.case_id = case_id;
  ev.at = store_.now();
  ev.actor_id = actor.user_id;
  ev.actor_name = actor.username;
  ev.kind = kind;
  ev.note = note;
  ev.data = std::move(data);
  return store_.insert_case_event(c, ev).status();
}

// ---- external parties

Result<ExternalParty> CooperationRepo::add_external_party(const Actor& actor,
                                                          const ExternalParty& p) {
  LJ_RETURN_IF_ERROR(require_actor(actor));
  Result<ExternalParty> out = Status::Internal("not run");
  Status st = store_.write([&](Connection& c) -> Status {
    ExternalParty x = p;
    x.recorded_by_unit = actor.unit_code;
    x.recorded_by = actor.user_id;
    x.recorded_at = store_.now();
    LJ_ASSIGN_OR_RETURN(
        Rows rows,
        c.query(
            "INSERT INTO external_parties (name, region, contact, recorded_by_unit, recorded_by, "
            "recorded_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
            {x.name, x.region, x.contact, x.recorded_by_unit, x.recorded_by, x.recorded_at}));
    x.id = rows.at(0).int64(0);
    LJ_RETURN_IF_ERROR(store_.audit(c, actor, "create", "external_party", std::to_string(x.id),
                                    nullptr, to_json(x)));
    out = std::move(x);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<ExternalParty>> CooperationRepo::external_parties() {
  std::vector<ExternalParty> out;
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(
        Rows rows,
        c.query("SELECT id, name, region, contact, recorded_by_unit, recorded_by, recorded_at "
                "FROM external_parties ORDER BY name, id"));
    for (const auto& r : rows)
      out.push_back(ExternalParty{r.int64(0), r.text(1), r.text(2), r.text(3), r.text(4),
                                  r.int64(5), r.text(6)});
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

// ---- referrals

Result<Referral> CooperationRepo::refer(const Actor& actor, const std::string& entity, int64_t id,
                                        const AssistanceTarget& to, const std::string& note) {
  LJ_RETURN_IF_ERROR(require_actor(actor));
  if (entity != "lead" && entity != "case")
    return Status::Invalid("entity", "entity must be lead or case, not '" + entity + "'");
  if (to.unit_code == actor.unit_code)
    return Status::Invalid("to_unit_code", "a referral goes to another unit than your own");
  Result<Referral> out = Status::Internal("not run");
  Status st = store_.write([&](Connection& c) -> Status {
    Referral r;
    r.entity = entity;
    r.entity_id = id;
    std::string owner_path;
    if (entity == "lead") {
      LJ_ASSIGN_OR_RETURN(Lead l, store_.load_lead(c, actor, id));
      owner_path = l.unit_path;
    } else {
      LJ_ASSIGN_OR_RETURN(Case cs, store_.load_case(c, actor, id));
      owner_path = cs.unit_path;
    }
    if (owner_path.rfind(actor.unit_path, 0) != 0)
      return Status::Forbidden("only the owning units may refer " + entity + " " +
                               std::to_string(id));
    std::string to_path;
    if (!to.unit_code.empty()) {
      auto unit = store_.load_unit(c, to.unit_code);
      if (!unit.ok()) return Status::Invalid("to_unit_code", "no unit with code " + to.unit_code);
      to_path = unit->path;
      r.to_unit_code = unit->code;
      // The share (read access for the receiving unit) is written in the referral's own
      // transaction: a referral never exists without its share, nor a share without the referral.
      // The SQL is Store::share's, with its own audit entry "share".
      LJ_ASSIGN_OR_RETURN(
          Rows shared,
          c.query("INSERT INTO shares (entity, entity_id, unit_code, shared_by, shared_at) "
                  "VALUES (?, ?, ?, ?, ?) ON CONFLICT (entity, entity_id, unit_code) DO NOTHING "
                  "RETURNING entity_id",
                  {entity, id, unit->code, actor.user_id, store_.now()}));
      if (!shared.empty())
        LJ_RETURN_IF_ERROR(store_.audit(c, actor, "share", entity, std::to_string(id), nullptr,
                                        Json{{"unit_code", unit->code}}));
    } else {
      LJ_ASSIGN_OR_RETURN(ExternalParty p, load_party(c, to.external_party_id));
      r.external_party_id = p.id;
      r.external_party_name = p.name;
    }
    r.from_unit_code = actor.unit_code;
    r.note = note;
    r.referred_by = actor.user_id;
    r.referred_at = store_.now();
    LJ_ASSIGN_OR_RETURN(
        Rows rows, c.query("INSERT INTO referrals (entity, entity_id, from_unit_code, "
                           "from_unit_path, to_unit_code, "
                           "to_unit_path, external_party_id, note, referred_by, referred_at) "
                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                           {entity, id, actor.unit_code, actor.unit_path,
                            sql::text_or_null(r.to_unit_code), sql::text_or_null(to_path),
                            r.external_party_id ? sql::Value(r.external_party_id) : sql::null(),
                            note, actor.user_id, r.referred_at}));
    r.id = rows.at(0).int64(0);
    if (entity == "case")
      LJ_RETURN_IF_ERROR(case_event(c, actor, id, "referral", note,
                                    Json{{"referral_id", r.id},
                                         {"to_unit_code", opt_text(r.to_unit_code)},
                                         {"external_party", opt_text(r.external_party_name)}}));
    LJ_RETURN_IF_ERROR(
        store_.audit(c, actor, "create", "referral", std::to_string(r.id), nullptr, to_json(r)));
    out = std::move(r);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<Referral>> CooperationRepo::referrals(const Actor& actor, const std::string& box,
                                                         int limit) {
  std::vector<Referral> out;
  Status st = store_.read([&](Connection& c) -> Status {
    sql::Params p;
    std::string where;
    if (box == "sent") {
      where = "r.from_unit_path LIKE ?";
      p.emplace_back(actor.unit_path + "%");
    } else if (box == "received") {
      where = "r.to_unit_path LIKE ?";
      p.emplace_back(actor.unit_path + "%");
    } else {
      where = "(r.from_unit_path LIKE ? OR r.to_unit_path LIKE ?)";
      p.emplace_back(actor.unit_path + "%");
      p.emplace_back(actor.unit_path + "%");
    }
    p.emplace_back(int64_t{limit});
    LJ_ASSIGN_OR_RETURN(
        Rows rows, c.query("SELECT r.id, r.entity, r.entity_id, r.from_unit_code, r.to_unit_code, "
                           "r.external_party_id, "
                           "e.name, r.note, r.referred_by, r.referred_at FROM referrals r "
                           "LEFT JOIN external_parties e ON e.id = r.external_party_id WHERE " +
                               where + " ORDER BY r.id DESC LIMIT ?",
                           p));
    for (const auto& row : rows) {
      Referral r;
      r.id = row.int64(0);
      r.entity = row.text(1);
      r.entity_id = row.int64(2);
      r.from_unit_code = row.text(3);
      r.to_unit_code = row.text(4);
      r.external_party_id = row.is_null(5) ? 0 : row.int64(5);
      r.external_party_name = row.text(6);
      r.note = row.text(7);
      r.referred_by = row.int64(8);
      r.referred_at = row.text(9);
      out.push_back(std::move(r));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

// ---- consultations

Result<Consultation> CooperationRepo::add_consultation(const Actor& actor, int64_t case_id,
                                                       const Consultation& in) {
  LJ_RETURN_IF_ERROR(require_actor(actor));
  Result<Consultation> out = Status::Internal("not run");
  Status st = store_.write([&](Connection& c) -> Status {
    LJ_ASSIGN_OR_RETURN(Case cs, store_.load_case(c, actor, case_id));
    if (cs.unit_path.rfind(actor.unit_path, 0) != 0)
      return Status::Forbidden("case " + std::to_string(case_id) +
                               " was shared with your unit for reading only");
    for (const auto& p : in.participants)
      if (p.contains("unit_code") && p["unit_code"].is_string() &&
          !store_.load_unit(c, p["unit_code"].get<std::string>()).ok())
        return Status::Invalid("participants",
                               "no unit with code " + p["unit_code"].get<std::string>());
    Consultation x = in;
    x.case_id = case_id;
    x.recorded_by = actor.user_id;
    x.recorded_at = store_.now();
    LJ_ASSIGN_OR_RETURN(Rows rows, c.query("INSERT INTO consultations (case_id, held_on, "
                                           "participants, notes, conclusions, recorded_by, "
                                           "recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                           {case_id, x.held_on, x.participants.dump(), x.notes,
                                            x.conclusions, x.recorded_by, x.recorded_at}));
    x.id = rows.at(0).int64(0);
    LJ_RETURN_IF_ERROR(case_event(
        c, actor, case_id, "consultation", x.conclusions,
        Json{{"consultation_id", x.id}, {"held_on", x.held_on}, {"participants", x.participants}}));
    LJ_RETURN_IF_ERROR(store_.audit(c, actor, "create", "consultation", std::to_string(x.id),
                                    nullptr, to_json(x)));
    out = std::move(x);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<std::vector<Consultation>> CooperationRepo::consultations(const Actor& actor,
                                                                 int64_t case_id) {
  std::vector<Consultation> out;
  Status st = store_.read([&](Connection& c) -> Status {
    LJ_RETURN_IF_ERROR(store_.load_case(c, actor, case_id).status());
    LJ_ASSIGN_OR_RETURN(
        Rows rows,
        c.query("SELECT id, held_on, participants, notes, conclusions, recorded_by, recorded_at "
                "FROM consultations WHERE case_id = ? ORDER BY held_on, id",
                {case_id}));
    for (const auto& r : rows) {
      Consultation x;
      x.id = r.int64(0);
      x.case_id = case_id;
      x.held_on = r.text(1);
      x.participants = Json::parse(r.text(2), nullptr, false);
      x.notes = r.text(3);
      x.conclusions = r.text(4);
      x.recorded_by = r.int64(5);
      x.recorded_at = r.text(6);
      out.push_back(std::move(x));
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

}  // namespace lj
