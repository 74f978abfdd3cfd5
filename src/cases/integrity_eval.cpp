#include "cases/integrity_eval.hpp"

namespace lj::cases {
namespace {

FlagFinding to_flag(const Finding& f) {
  return FlagFinding{f.kind, f.reason, f.shown};
}

}  // namespace

CaseFactsRepo::Evaluate integrity_evaluator(const IntegrityRules& rules, const Procedure& procedure,
                                            const calendar::WorkCalendar& calendar) {
  return [&rules, &procedure, &calendar](
             const Case& cs, const Json* stored, const std::vector<CaseEvent>& timeline,
             const std::string& received, const std::string& now) -> Result<IntegrityEval> {
    IntegrityEval ev;
    const std::string today = now.substr(0, 10);
    const TransferProgress transfer = transfer_progress(timeline);
    if (stored) {
      auto facts = facts_from_json(*stored);
      if (!facts.ok())
        return Status::Internal("stored facts of case " + std::to_string(cs.id) +
                                " no longer validate: " + facts.status().message());
      if (auto f = check_criminal_transfer(*facts, transfer, rules))
        ev.flags.push_back(to_flag(*f));
      if (auto f = check_discretion(*facts, rules, discretion_review_of(timeline))) ev.flags.push_back(to_flag(*f));
      MajorCase m = major_case(*facts, transfer, rules);
      ev.major = m.major;
      ev.major_reasons = m.reasons;
    }
    // The moment, not only the day: Decree 310's hand-over is counted in hours.
    const auto deadlines = case_deadlines(procedure, calendar, timeline, received, now);
    if (auto f = check_unfiled(cs.status, deadlines)) ev.flags.push_back(to_flag(*f));
    if (auto f = check_transfer_deadlines(deadlines)) ev.flags.push_back(to_flag(*f));
    return ev;
  };
}

CaseFactsRepo::EvaluateLead lead_evaluator(const Procedure& procedure,
                                           const calendar::WorkCalendar& calendar) {
  return [&procedure, &calendar](const std::string& status, const std::string& received_at,
                                 const std::string& now) -> std::optional<FlagFinding> {
    if (status != "verified" || received_at.empty()) return std::nullopt;
    const auto deadlines = case_deadlines(procedure, calendar, {}, received_at, now.substr(0, 10));
    if (auto f = check_unfiled(status, deadlines)) return to_flag(*f);
    return std::nullopt;
  };
}

std::vector<std::string> final_states(const Procedure& procedure) {
  std::vector<std::string> out;
  for (const auto& s : procedure.states())
    if (s.final) out.push_back(s.code);
  return out;
}

}  // namespace lj::cases
