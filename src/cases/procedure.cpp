#include "cases/procedure.hpp"

#include <algorithm>
#include <fstream>

#include "api/input.hpp"
#include "model/json.hpp"

namespace lj::cases {
namespace {

constexpr const char* kPrevious = "@previous";
constexpr const char* kSame = "@same";

Result<std::string> text_of(const Json& j, const char* key, const std::string& where) {
  if (!j.contains(key) || !j[key].is_string() || j[key].get<std::string>().empty())
    return Status::Invalid(where + "." + key, std::string(key) + " must be a non-empty string");
  return j[key].get<std::string>();
}

Result<std::vector<std::string>> strings_of(const Json& j, const char* key, const std::string& where) {
  std::vector<std::string> out;
  if (!j.contains(key)) return out;
  if (!j[key].is_array()) return Status::Invalid(where + "." + key, "must be a list of strings");
  for (const auto& v : j[key]) {
    if (!v.is_string()) return Status::Invalid(where + "." + key, "must be a list of strings");
    out.push_back(v.get<std::string>());
  }
  return out;
}

bool present(const Json& fields, const std::string& name) {
  if (!fields.is_object() || !fields.contains(name)) return false;
  const Json& v = fields[name];
  if (v.is_null()) return false;
  if (v.is_string()) return v.get<std::string>().find_first_not_of(" \t\r\n") != std::string::npos;
  if (v.is_array() || v.is_object()) return !v.empty();
  return true;
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

}  // namespace

std::vector<const DocumentRequirement*> missing_documents(const ProcedureTransition& t,
                                                          const std::vector<std::string>& on_file,
                                                          const std::string& decision) {
  std::vector<const DocumentRequirement*> out;
  for (const auto& req : t.documents) {
    if (!req.decision.empty() && req.decision != decision) continue;
    bool found = false;
    for (const auto& k : req.kinds)
      found = found || std::find(on_file.begin(), on_file.end(), k) != on_file.end();
    if (!found) out.push_back(&req);
  }
  return out;
}

UnitRelation relation_of(const std::string& actor_unit_path, const std::string& case_unit_path) {
  if (actor_unit_path == case_unit_path) return UnitRelation::kOwn;
  if (!actor_unit_path.empty() && case_unit_path.rfind(actor_unit_path, 0) == 0)
    return UnitRelation::kSuperior;
  return UnitRelation::kOther;
}

Result<Procedure> Procedure::from_json(const Json& doc) {
  if (!doc.is_object()) return Status::Invalid("procedure", "the definition is a JSON object");
  Procedure p;
  if (!doc.contains("states") || !doc["states"].is_array() || doc["states"].empty())
    return Status::Invalid("states", "a non-empty list of states is required");
  for (size_t i = 0; i < doc["states"].size(); ++i) {
    const Json& s = doc["states"][i];
    const std::string where = "states[" + std::to_string(i) + "]";
    if (!s.is_object()) return Status::Invalid(where, "a state is an object");
    ProcedureState st;
    LJ_ASSIGN_OR_RETURN(st.code, text_of(s, "code", where));
    LJ_ASSIGN_OR_RETURN(st.name_zh, text_of(s, "name_zh", where));
    LJ_ASSIGN_OR_RETURN(st.name_en, text_of(s, "name_en", where));
    st.final = s.value("final", false);
    st.clock_stopped = s.value("clock_stopped", false);
    if (p.state(st.code)) return Status::Invalid(where + ".code", "state '" + st.code + "' twice");
    p.states_.push_back(std::move(st));
  }
  LJ_ASSIGN_OR_RETURN(p.initial_, text_of(doc, "initial", "procedure"));
  if (!p.state(p.initial_)) return Status::Invalid("initial", "no state '" + p.initial_ + "'");
  if (!doc.contains("transitions") || !doc["transitions"].is_array())
    return Status::Invalid("transitions", "a list of transitions is required");
  for (size_t i = 0; i < doc["transitions"].size(); ++i) {
    const Json& t = doc["transitions"][i];
    const std::string where = "transitions[" + std::to_string(i) + "]";
    if (!t.is_object()) return Status::Invalid(where, "a transition is an object");
    ProcedureTransition tr;
    LJ_ASSIGN_OR_RETURN(tr.action, text_of(t, "action", where));
    LJ_ASSIGN_OR_RETURN(tr.name_zh, text_of(t, "name_zh", where));
    LJ_ASSIGN_OR_RETURN(tr.to, text_of(t, "to", where));
    LJ_ASSIGN_OR_RETURN(tr.from, strings_of(t, "from", where));
    LJ_ASSIGN_OR_RETURN(tr.fields, strings_of(t, "fields", where));
    LJ_ASSIGN_OR_RETURN(auto roles, strings_of(t, "roles", where));
    tr.source = t.value("source", "");
    if (p.transition(tr.action))
      return Status::Invalid(where + ".action", "action '" + tr.action + "' twice");
    if (tr.from.empty()) return Status::Invalid(where + ".from", "at least one state");
    for (const auto& f : tr.from) {
      const ProcedureState* s = p.state(f);
      if (!s) return Status::Invalid(where + ".from", "no state '" + f + "'");
      if (s->final) return Status::Invalid(where + ".from", "'" + f + "' is final: nothing leaves it");
    }
    if (tr.to != kPrevious && tr.to != kSame && !p.state(tr.to))
      return Status::Invalid(where + ".to", "no state '" + tr.to + "'");
    if (roles.empty()) return Status::Invalid(where + ".roles", "at least one role");
    for (const auto& r : roles) {
      auto role = parse_role(r);
      if (!role) return Status::Invalid(where + ".roles", "no role '" + r + "'");
      tr.roles.push_back(*role);
    }
    const std::string unit = t.value("unit", "");
    if (unit != "own" && unit != "own_or_superior")
      return Status::Invalid(where + ".unit", "unit must be 'own' or 'own_or_superior'");
    tr.superior_may = unit == "own_or_superior";
    if (t.contains("documents")) {
      if (!t["documents"].is_array()) return Status::Invalid(where + ".documents", "a list of documents");
      static const std::vector<std::string> known = {"filing_approval", "penalty_decision",
                                                     "signed_decision", "transfer_letter"};
      for (size_t k = 0; k < t["documents"].size(); ++k) {
        const Json& d = t["documents"][k];
        const std::string dw = where + ".documents[" + std::to_string(k) + "]";
        if (!d.is_object()) return Status::Invalid(dw, "a document requirement is an object");
        DocumentRequirement req;
        LJ_ASSIGN_OR_RETURN(req.kinds, strings_of(d, "kinds", dw));
        LJ_ASSIGN_OR_RETURN(req.name_zh, text_of(d, "name_zh", dw));
        req.decision = d.value("decision", "");
        if (req.kinds.empty()) return Status::Invalid(dw + ".kinds", "at least one document kind");
        for (const auto& kind : req.kinds)
          if (std::find(known.begin(), known.end(), kind) == known.end())
            return Status::Invalid(dw + ".kinds", "no document kind '" + kind + "' (" + joined(known) + ")");
        tr.documents.push_back(std::move(req));
      }
    }
    p.transitions_.push_back(std::move(tr));
  }
  if (doc.contains("deadlines")) {
    if (!doc["deadlines"].is_array()) return Status::Invalid("deadlines", "a list of deadlines");
    for (size_t i = 0; i < doc["deadlines"].size(); ++i) {
      const Json& d = doc["deadlines"][i];
      const std::string where = "deadlines[" + std::to_string(i) + "]";
      if (!d.is_object()) return Status::Invalid(where, "a deadline is an object");
      DeadlineRule r;
      LJ_ASSIGN_OR_RETURN(r.kind, text_of(d, "kind", where));
      LJ_ASSIGN_OR_RETURN(r.name_zh, text_of(d, "name_zh", where));
      LJ_ASSIGN_OR_RETURN(r.starts, text_of(d, "starts", where));
      LJ_ASSIGN_OR_RETURN(r.ends, strings_of(d, "ends", where));
      r.source = d.value("source", "");
      if (p.deadline(r.kind)) return Status::Invalid(where + ".kind", "deadline '" + r.kind + "' twice");
      if (r.starts != "lead_received" && !p.transition(r.starts))
        return Status::Invalid(where + ".starts", "no action '" + r.starts + "' (or lead_received)");
      if (r.ends.empty()) return Status::Invalid(where + ".ends", "at least one action ends it");
      for (const auto& e : r.ends)
        if (!p.transition(e)) return Status::Invalid(where + ".ends", "no action '" + e + "'");
      const Json len = d.contains("length") ? d["length"] : Json();
      if (!len.is_number_integer() || len.get<int>() < 1 || len.get<int>() > 3650)
        return Status::Invalid(where + ".length", "length must be 1..3650");
      r.length = len.get<int>();
      const std::string unit = d.value("unit", "");
      if (unit != "working_days" && unit != "days" && unit != "hours")
        return Status::Invalid(where + ".unit", "unit must be 'working_days', 'days' or 'hours'");
      r.working_days = unit == "working_days";
      r.hours = unit == "hours";
      r.set_by = d.value("set_by", "");
      if (!r.set_by.empty() && !p.transition(r.set_by))
        return Status::Invalid(where + ".set_by", "no action '" + r.set_by + "'");
      if (!r.set_by.empty() && r.hours)
        return Status::Invalid(where + ".set_by", "a period in hours is not set by a step");
      const Json ext = d.contains("extension") ? d["extension"] : Json(0);
      if (!ext.is_number_integer() || ext.get<int>() < 0 || ext.get<int>() > 3650)
        return Status::Invalid(where + ".extension", "extension must be 0..3650");
      r.extension = ext.get<int>();
      if (d.contains("stops_in")) {
        LJ_ASSIGN_OR_RETURN(r.stops_in, strings_of(d, "stops_in", where));
        for (const auto& st : r.stops_in)
          if (!p.state(st)) return Status::Invalid(where + ".stops_in", "no state '" + st + "'");
      } else {
        for (const auto& st : p.states_)
          if (st.clock_stopped) r.stops_in.push_back(st.code);
      }
      p.deadlines_.push_back(std::move(r));
    }
  }
  if (doc.contains("summary_ceiling_fen")) {
    const Json& c = doc["summary_ceiling_fen"];
    if (!c.is_object()) return Status::Invalid("summary_ceiling_fen", "an object of party kind -> fen");
    for (const auto& [kind, v] : c.items()) {
      if (!v.is_number_integer() || v.get<int64_t>() < 0)
        return Status::Invalid("summary_ceiling_fen." + kind, "a non-negative amount in fen");
      p.summary_ceiling_fen_[kind] = v.get<int64_t>();
    }
  }
  return p;
}

Result<Procedure> Procedure::load(const std::string& data_dir) {
  const std::string path = data_dir + "/procedure/penalty-procedure.json";
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read the case procedure " + path);
  Json doc = Json::parse(in, nullptr, false);
  if (doc.is_discarded()) return Status::Invalid("procedure", path + " is not valid JSON");
  auto p = from_json(doc);
  if (!p.ok()) return Status::Invalid(p.status().field(), path + ": " + p.status().message());
  return p;
}

const ProcedureState* Procedure::state(const std::string& code) const {
  for (const auto& s : states_)
    if (s.code == code) return &s;
  return nullptr;
}

const DeadlineRule* Procedure::deadline(const std::string& kind) const {
  for (const auto& d : deadlines_)
    if (d.kind == kind) return &d;
  return nullptr;
}

const ProcedureTransition* Procedure::transition(const std::string& action) const {
  for (const auto& t : transitions_)
    if (t.action == action) return &t;
  return nullptr;
}

std::optional<int64_t> Procedure::summary_ceiling_fen(const std::string& party_kind) const {
  auto it = summary_ceiling_fen_.find(party_kind);
  if (it == summary_ceiling_fen_.end()) return std::nullopt;
  return it->second;
}

Result<Step> Procedure::check(const std::string& action, const std::string& status,
                              const std::string& previous, Role role, UnitRelation relation,
                              const Json& fields, const std::vector<std::string>* documents,
                              const std::string& decision) const {
  const ProcedureTransition* t = transition(action);
  if (!t) return Status::Invalid("action", "no action '" + action + "' in the case procedure");
  if (std::find(t->from.begin(), t->from.end(), status) == t->from.end())
    return Status::Conflict("'" + action + "' cannot be taken on a case in state '" + status +
                                "'; it is taken from: " + joined(t->from),
                            "action");
  if (std::find(t->roles.begin(), t->roles.end(), role) == t->roles.end()) {
    std::vector<std::string> names;
    for (Role r : t->roles) names.emplace_back(role_name(r));
    return Status::Forbidden("'" + action + "' is taken by: " + joined(names) + "; you are " +
                             role_name(role));
  }
  if (relation == UnitRelation::kOther ||
      (relation == UnitRelation::kSuperior && !t->superior_may))
    return Status::Forbidden(t->superior_may
                                 ? "'" + action + "' is taken by the case's unit or a unit above it"
                                 : "'" + action + "' is taken by the case's own unit only");
  for (const auto& f : t->fields)
    if (!present(fields, f)) return Status::Invalid(f, f + " is required for '" + action + "'");
  if (documents) {
    auto missing = missing_documents(*t, *documents, decision);
    if (!missing.empty())
      return Status::Invalid("documents", "'" + action + "' needs the " + missing.front()->name_zh +
                                              " on file (" + joined(missing.front()->kinds) +
                                              "): generate it (POST /api/v1/cases/{id}/documents/"
                                              "...) or upload the signed document first");
  }
  Step step{t, t->to};
  if (t->to == kPrevious) {
    if (previous.empty() || !state(previous))
      return Status::Conflict("the case does not record the state it was suspended from", "action");
    step.to = previous;
  } else if (t->to == kSame) {
    step.to = status;
  }
  if (action == "extend_deadline") {
    const std::string kind = fields["deadline"].is_string() ? fields["deadline"].get<std::string>() : "";
    const DeadlineRule* d = deadline(kind);
    if (!d) return Status::Invalid("deadline", "no deadline '" + kind + "' in the case procedure");
    if (d->extension == 0)
      return Status::Invalid("deadline", "the " + d->name_zh + " (" + kind + ") cannot be extended");
  }
  if (action == "propose_transfer") {
    // Decree 310 Art. 5: a team of two or more officers proposes.
    std::vector<std::string> names;
    const Json& by = fields["proposed_by"];
    auto add = [&](std::string n) {
      n.erase(0, n.find_first_not_of(" \t"));
      n.erase(n.find_last_not_of(" \t") + 1);
      if (!n.empty() && std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
    };
    if (by.is_array()) {
      for (const auto& v : by)
        if (v.is_string()) add(v.get<std::string>());
    } else if (by.is_string()) {
      // Names separated by 、 ， , ； ; or /.
      std::string s = by.get<std::string>();
      for (const char* sep : {"、", "，", "；"}) {
        const size_t len = std::string(sep).size();
        for (size_t at = s.find(sep); at != std::string::npos; at = s.find(sep)) s.replace(at, len, ",");
      }
      std::string cur;
      for (char ch : s) {
        if (ch == ',' || ch == ';' || ch == '/') {
          add(cur);
          cur.clear();
        } else {
          cur += ch;
        }
      }
      add(cur);
    }
    if (names.size() < 2)
      return Status::Invalid("proposed_by",
                             "a transfer is proposed by two or more officers (Decree 310 Art. 5): "
                             "name them, e.g. [\"张三\", \"李四\"] or \"张三、李四\"");
  }
  if (action == "extend_by_collective_discussion") {
    const Json& v = fields["period_days"];
    int64_t n = 0;
    if (v.is_number_integer()) n = v.get<int64_t>();
    else if (v.is_string() && !v.get<std::string>().empty() &&
             v.get<std::string>().find_first_not_of("0123456789") == std::string::npos &&
             v.get<std::string>().size() < 6)
      n = std::stoll(v.get<std::string>());
    if (n < 1 || n > 3650)
      return Status::Invalid("period_days",
                             "period_days is the whole decision period in days from filing (1..3650)");
  }
  if (action == "summary_penalty") {
    const std::string kind = fields["party_kind"].is_string() ? fields["party_kind"].get<std::string>() : "";
    auto ceiling = summary_ceiling_fen(kind);
    if (!ceiling)
      return Status::Invalid("party_kind", "party_kind must be 'person' or 'organisation'");
    LJ_ASSIGN_OR_RETURN(auto fine, api::opt_yuan(fields, "fine"));
    if (!fine) return Status::Invalid("fine", "fine is required for 'summary_penalty'");
    if (*fine > *ceiling)
      return Status::Invalid("fine", "the summary procedure allows at most " +
                                         fen_to_yuan(*ceiling) + " yuan for a " + kind +
                                         "; use the ordinary procedure (file the case)");
  }
  return step;
}

std::vector<const ProcedureTransition*> Procedure::available(const std::string& status, Role role,
                                                             UnitRelation relation) const {
  std::vector<const ProcedureTransition*> out;
  if (relation == UnitRelation::kOther) return out;
  for (const auto& t : transitions_) {
    if (std::find(t.from.begin(), t.from.end(), status) == t.from.end()) continue;
    if (std::find(t.roles.begin(), t.roles.end(), role) == t.roles.end()) continue;
    if (relation == UnitRelation::kSuperior && !t.superior_may) continue;
    out.push_back(&t);
  }
  return out;
}

}  // namespace lj::cases
