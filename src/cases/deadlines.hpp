// A case's statutory deadlines (RULES.md, data/procedure/penalty-procedure.json "deadlines"),
// worked out from its timeline: a deadline starts with its starting step (or the lead's
// receipt), ends with the first ending step after that, runs in working days under the official
// calendar or in calendar days, grows by its extension each time `extend_deadline` names it, and
// stands still while the case is in a state whose clock is stopped (suspension, hearing).
// Pure: the same timeline, calendar and day give the same answer.
#pragma once

#include <string>
#include <vector>

#include "calendar/work_calendar.hpp"
#include "cases/procedure.hpp"

namespace lj::cases {

struct DeadlineState {
  std::string kind, name_zh, source;
  int length = 0;
  bool working_days = true;
  std::string started_on;  // YYYY-MM-DD
  int extensions = 0;      // how many times extended
  int stopped_days = 0;    // calendar days the clock stood still
  bool paused = false;     // the clock stands still now
  std::string due_on;      // YYYY-MM-DD
  std::string ended_on;    // the day the ending step was taken; empty while running
  bool hours = false;      // a period in hours (Decree 310's 24 hours): due_at and ended_at count
  std::string due_at;      // hours: the moment it falls due (ISO 8601, +08:00)
  std::string ended_at;    // hours: the moment the ending step was taken
  bool set_by_step = false;  // the length was set by a step (collective discussion)
  // met | late (ended after its due day) | open | overdue (running past its due day) | paused
  std::string status;
  int days_left = 0;       // open: days (working days when the period is in working days) to due
  // The calendar does not cover the dates: due_on counts weekends only beyond its last year
  // (so it may come earlier than the real one), and `problem` says which notice is missing.
  bool provisional = false;
  std::string problem;
};

// The deadlines that have started, in the order of the definition. `timeline`: the case's
// events, oldest first (those of kind "action" count: data.action, data.from, data.to,
// data.fields); `lead_received_at`: the lead's receipt time (ISO 8601; empty: no lead);
// `today`: the day the statuses are judged on (YYYY-MM-DD), or the moment (ISO 8601 date-time):
// periods in hours are overdue once that moment passes their due time; given only a day, from
// the day after their due day.
std::vector<DeadlineState> case_deadlines(const Procedure& procedure,
                                          const calendar::WorkCalendar& calendar,
                                          const std::vector<CaseEvent>& timeline,
                                          const std::string& lead_received_at,
                                          const std::string& today);

Json to_json(const DeadlineState& d);

}  // namespace lj::cases
