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
  Json documents = Json::array();
  for (const auto& d : t.documents) {
    Json j{{"kinds", d.kinds}, {"name_zh", d.name_zh}};
    if (!d.decision.empty()) j["decision"] = d.decision;
    documents.push_back(std::move(j));
  }
  return Json{{"action", t.action},   {"name_zh", t.name_zh},
              {"from", t.from},       {"to", t.to},
              {"roles", roles},       {"unit", t.superior_may ? "own_or_superior" : "own"},
              {"fields", t.fields},   {"documents", documents},
              {"source", t.source}};
}

CaseProcedureRepo::Schedule deadline_schedule(const Procedure& procedure,
                                              const calendar::WorkCalendar& calendar) {
  return [&procedure, &calendar](const Case&, const std::vector<CaseEvent>& timeline,
                                 const std::string& received, const std::string& now) {
    std::vector<CaseDeadlineRow> rows;
    for (const auto& d : case_deadlines(procedure, calendar, timeline, received, now))
      rows.push_back(CaseDeadlineRow{d.kind, d.started_on, d.due_on, d.ended_on, d.paused});
    return rows;
  };
}

Result<std::vector<DeadlineState>> deadlines_of_case(CaseProcedureRepo& repo,
                                                     const Procedure& procedure,
                                                     const calendar::WorkCalendar& calendar,
                                                     const Actor& actor, int64_t case_id,
                                                     const std::string& today) {
  LJ_ASSIGN_OR_RETURN(auto h, repo.history(actor, case_id));
  return case_deadlines(procedure, calendar, h.timeline, h.lead_received_at, today);
}

Result<Json> work_list(CaseProcedureRepo& repo, const Procedure& procedure,
                       const calendar::WorkCalendar& calendar, const Actor& actor,
                       const DeadlineQuery& q, const std::string& today) {
  LJ_ASSIGN_OR_RETURN(auto items, repo.running_deadlines(actor, q));
  auto day = calendar::parse_date(today, "as_of");
  if (!day.ok()) return day.status();
  Json out = Json::array();
  for (const auto& it : items) {
    const DeadlineRule* rule = procedure.deadline(it.deadline.kind);
    Json j{{"case_id", it.case_id},          {"case_no", it.case_no},
           {"title", it.title},              {"case_status", it.status},
           {"unit_code", it.unit_code},      {"handler_id", it.handler_id},
           {"kind", it.deadline.kind},       {"name_zh", rule ? rule->name_zh : it.deadline.kind},
           {"started_on", it.deadline.started_on},
           {"due_on", it.deadline.due_on.empty() ? Json(nullptr) : Json(it.deadline.due_on)}};
    auto due = calendar::parse_date(it.deadline.due_on);
    if (it.deadline.paused) {
      j["status"] = "paused";
    } else if (!due.ok()) {
      j["status"] = "open";
    } else {
      const bool overdue = *day > *due;
      j["status"] = overdue ? "overdue" : "open";
      const bool wd = !rule || rule->working_days;
      const calendar::Date from = overdue ? *due : *day, to = overdue ? *day : *due;
      // Beyond the calendar's years only weekends are known: a provisional count.
      auto counted = calendar.working_days_between(from, to);
      const int n = !wd            ? static_cast<int>((to - from).count())
                    : counted.ok() ? *counted
                                   : calendar.working_days_between_provisional(from, to);
      j["days_left"] = overdue ? -n : n;
      if (wd && !counted.ok()) j["provisional"] = true;
    }
    out.push_back(std::move(j));
  }
  return Json{{"as_of", today}, {"items", out}};
}

Result<CaseProcedureRepo::Applied> take_action(CaseProcedureRepo& repo, const Procedure& procedure,
                                               const calendar::WorkCalendar& calendar,
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
                                                     request.fields, &before.documents,
                                                     before.decision));
                      CaseChange change;
                      change.action = request.action;
                      change.to = step.to;
                      change.progress = before;
                      record(request.action, c, request.fields, now, change.progress);
                      change.note = request.fields.value("note", "");
                      change.data = request.fields;
                      change.data.erase("note");
                      return change;
                    },
                    deadline_schedule(procedure, calendar));
}

Result<Json> next_steps(CaseProcedureRepo& repo, const Procedure& procedure, const Actor& actor,
                        int64_t case_id) {
  LJ_ASSIGN_OR_RETURN(auto got, repo.get(actor, case_id));
  const auto& [c, progress] = got;
  Json actions = Json::array();
  for (const ProcedureTransition* t :
       procedure.available(c.status, actor.role, relation_of(actor.unit_path, c.unit_path))) {
    if (t->to == "@previous" && progress.suspended_from.empty()) continue;
    Json a = to_json(*t);
    Json missing = Json::array();
    for (const DocumentRequirement* d : missing_documents(*t, progress.documents, progress.decision))
      missing.push_back(Json{{"kinds", d->kinds}, {"name_zh", d->name_zh}});
    a["missing_documents"] = missing;
    actions.push_back(std::move(a));
  }
  const ProcedureState* s = procedure.state(c.status);
  return Json{{"status", c.status},
              {"status_name_zh", s ? s->name_zh : ""},
              {"version", c.version},
              {"progress", to_json(progress)},
              {"actions", actions}};
}

}  // namespace lj::cases
