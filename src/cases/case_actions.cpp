#include "cases/case_actions.hpp"

#include <algorithm>

namespace lj::cases {
namespace {

// What an action establishes on the case's progress, `now` being the time it is taken.
void record(const std::string& action, const Case& c, const Json& fields, const std::string& now,
            CaseProgress& p) {
  auto field = [&](const char* name) {
    return fields.contains(name) && fields[name].is_string() ? fields[name].get<std::string>()
                                                             : std::string();
  };
  if (action == "file") {
    p.filed_at = now;
  } else if (action == "summary_penalty") {
    p.procedure = "summary";
    p.decided_at = now;
    p.decision = "penalty";
  } else if (action == "decide_penalty") {
    p.decided_at = now;
    p.decision = "penalty";
    p.decision_no = field("decision_no");
  } else if (action == "decide_no_penalty") {
    p.decided_at = now;
    p.decision = "no_penalty";
  } else if (action == "approve_transfer") {
    p.decided_at = now;
    p.decision = "transfer";
  } else if (action == "serve") {
    p.served_at = now;
  } else if (action == "close") {
    p.closed_at = now;
  } else if (action == "suspend") {
    p.suspended_from = c.status;
  } else if (action == "resume") {
    p.suspended_from.clear();
  }
}

}  // namespace

Json to_json(const ProcedureTransition& t) {
  Json roles = Json::array();
  for (Role r : t.roles) roles.push_back(role_name(r));
  return Json{{"action", t.action},   {"name_zh", t.name_zh},
              {"from", t.from},       {"to", t.to},
              {"roles", roles},       {"unit", t.superior_may ? "own_or_superior" : "own"},
              {"fields", t.fields},   {"source", t.source}};
}

Result<CaseProcedureRepo::Applied> take_action(CaseProcedureRepo& repo, const Procedure& procedure,
                                               const Actor& actor, int64_t case_id,
                                               const ActionRequest& request) {
  const ProcedureTransition* t = procedure.transition(request.action);
  if (!t) return Status::Invalid("action", "no action '" + request.action + "' in the case procedure");
  if (!request.fields.is_object()) return Status::Invalid("body", "the body must be a JSON object");
  for (const auto& [key, value] : request.fields.items()) {
    if (key != "note" && std::find(t->fields.begin(), t->fields.end(), key) == t->fields.end())
      return Status::Invalid(key, "'" + request.action + "' takes no field '" + key + "'");
  }
  if (request.fields.contains("note") && !request.fields["note"].is_string())
    return Status::Invalid("note", "note must be a string");
  return repo.apply(actor, case_id, request.expected_version,
                    [&](const Case& c, const CaseProgress& before,
                        const std::string& now) -> Result<CaseChange> {
                      LJ_ASSIGN_OR_RETURN(
                          Step step, procedure.check(request.action, c.status, before.suspended_from,
                                                     actor.role, relation_of(actor.unit_path, c.unit_path),
                                                     request.fields));
                      CaseChange change;
                      change.action = request.action;
                      change.to = step.to;
                      change.progress = before;
                      record(request.action, c, request.fields, now, change.progress);
                      change.note = request.fields.value("note", "");
                      change.data = request.fields;
                      change.data.erase("note");
                      return change;
                    });
}

Result<Json> next_steps(CaseProcedureRepo& repo, const Procedure& procedure, const Actor& actor,
                        int64_t case_id) {
  LJ_ASSIGN_OR_RETURN(auto got, repo.get(actor, case_id));
  const auto& [c, progress] = got;
  Json actions = Json::array();
  for (const ProcedureTransition* t :
       procedure.available(c.status, actor.role, relation_of(actor.unit_path, c.unit_path))) {
    if (t->to == "@previous" && progress.suspended_from.empty()) continue;
    actions.push_back(to_json(*t));
  }
  const ProcedureState* s = procedure.state(c.status);
  return Json{{"status", c.status},
              {"status_name_zh", s ? s->name_zh : ""},
              {"version", c.version},
              {"progress", to_json(progress)},
              {"actions", actions}};
}

}  // namespace lj::cases
