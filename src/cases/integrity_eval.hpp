// The integrity checks (cases/integrity.hpp) bound to their configuration, in the shape the
// storage layer calls (store/sql/case_facts_repo.hpp). The returned functions keep references
// to `rules`, `procedure` and `calendar`: the caller keeps them alive.
#pragma once

#include "calendar/work_calendar.hpp"
#include "cases/integrity.hpp"
#include "cases/procedure.hpp"
#include "store/sql/case_facts_repo.hpp"

namespace lj::cases {

CaseFactsRepo::Evaluate integrity_evaluator(const IntegrityRules& rules, const Procedure& procedure,
                                            const calendar::WorkCalendar& calendar);
CaseFactsRepo::EvaluateLead lead_evaluator(const Procedure& procedure,
                                           const calendar::WorkCalendar& calendar);

// The states where a case's checks stop (the procedure's final states).
std::vector<std::string> final_states(const Procedure& procedure);

}  // namespace lj::cases
