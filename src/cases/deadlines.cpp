#include "cases/deadlines.hpp"

#include <algorithm>
#include <optional>

#include "core/clock.hpp"

namespace lj::cases {
namespace {

using calendar::Date;
using std::chrono::days;

struct TimelineStep {
  std::string action, from, to, on;  // on: YYYY-MM-DD
  std::string at;                    // the event's time (ISO 8601)
  Json fields;
};

std::vector<TimelineStep> steps_of(const std::vector<CaseEvent>& timeline) {
  std::vector<TimelineStep> out;
  for (const auto& e : timeline) {
    if (e.kind != "action" || !e.data.is_object()) continue;
    TimelineStep s;
    s.action = e.data.value("action", "");
    s.from = e.data.value("from", "");
    s.to = e.data.value("to", "");
    s.on = e.at.substr(0, 10);
    s.at = e.at;
    s.fields = e.data.contains("fields") ? e.data["fields"] : Json::object();
    out.push_back(std::move(s));
  }
  return out;
}

bool stopped(const DeadlineRule& rule, const std::string& state) {
  return std::find(rule.stops_in.begin(), rule.stops_in.end(), state) != rule.stops_in.end();
}

}  // namespace

std::vector<DeadlineState> case_deadlines(const Procedure& procedure,
                                          const calendar::WorkCalendar& cal,
                                          const std::vector<CaseEvent>& timeline,
                                          const std::string& lead_received_at,
                                          const std::string& today_text) {
  const std::vector<TimelineStep> steps = steps_of(timeline);
  auto today = calendar::parse_date(today_text.substr(0, 10));
  std::vector<DeadlineState> out;
  for (const DeadlineRule& rule : procedure.deadlines()) {
    // The latest start counts: a step taken again (a second legal review) starts a new period.
    std::optional<size_t> start_at;  // index of the starting step; npos-like for the lead
    std::string started_on, started_at;
    if (rule.starts == "lead_received") {
      if (lead_received_at.size() < 10) continue;
      started_on = lead_received_at.substr(0, 10);
    }
    for (size_t i = 0; i < steps.size(); ++i)
      if (steps[i].action == rule.starts) {
        start_at = i;
        started_on = steps[i].on;
        started_at = steps[i].at;
      }
    if (started_on.empty()) continue;
    DeadlineState d;
    d.kind = rule.kind;
    d.name_zh = rule.name_zh;
    d.source = rule.source;
    d.length = rule.length;
    d.working_days = rule.working_days;
    d.started_on = started_on;
    d.hours = rule.hours;
    const size_t first = start_at ? *start_at + 1 : 0;
    std::optional<int> set_days;  // the length a collective discussion set
    std::string stop_on;  // the day the clock stopped, while stopped
    std::vector<std::pair<std::string, std::string>> pauses;  // (stopped on, resumed on)
    for (size_t i = first; i < steps.size() && d.ended_on.empty(); ++i) {
      const TimelineStep& s = steps[i];
      if (s.action == "extend_deadline" && s.fields.value("deadline", "") == rule.kind) ++d.extensions;
      if (!rule.set_by.empty() && s.action == rule.set_by) {
        const Json& v = s.fields.contains("period_days") ? s.fields["period_days"] : Json();
        if (v.is_number_integer()) set_days = v.get<int>();
        else if (v.is_string() && !v.get<std::string>().empty() && v.get<std::string>().size() < 6 &&
                 v.get<std::string>().find_first_not_of("0123456789") == std::string::npos)
          set_days = std::stoi(v.get<std::string>());
      }
      if (stopped(rule, s.to) && !stopped(rule, s.from)) stop_on = s.on;
      if (!stopped(rule, s.to) && stopped(rule, s.from) && !stop_on.empty()) {
        pauses.emplace_back(stop_on, s.on);
        stop_on.clear();
      }
      for (const auto& e : rule.ends)
        if (s.action == e) {
          d.ended_on = s.on;
          d.ended_at = s.at;
        }
    }
    if (rule.hours) {
      // Hours run from the starting step's moment and never stand still (Decree 310).
      const auto start = parse_time(started_at);
      const int64_t due = start ? *start + int64_t{rule.length + d.extensions * rule.extension} * 3600 : 0;
      if (start) {
        d.due_at = format_time(due);
        d.due_on = d.due_at.substr(0, 10);
      }
      const auto ended = parse_time(d.ended_at);
      const auto now = today_text.size() > 10 ? parse_time(today_text) : std::nullopt;
      if (!d.ended_on.empty()) {
        d.status = (start && ended && *ended > due) ? "late" : "met";
      } else if (start && ((now && *now > due) || (!now && today_text.substr(0, 10) > d.due_on))) {
        d.status = "overdue";
      } else {
        d.status = "open";
        if (today.ok() && start) {
          auto due_date = calendar::parse_date(d.due_on);
          if (due_date.ok()) d.days_left = static_cast<int>((*due_date - *today).count());
        }
      }
      out.push_back(std::move(d));
      continue;
    }
    // Still stopped: the clock stands until today.
    if (!stop_on.empty() && d.ended_on.empty()) {
      d.paused = true;
      if (today.ok()) pauses.emplace_back(stop_on, calendar::format_date(*today));
    }
    // The days in (stopped on, resumed on] do not count: as calendar days, or as the working
    // days among them.
    int stopped_wd = 0;
    for (const auto& [from, to] : pauses) {
      auto a = calendar::parse_date(from), b = calendar::parse_date(to);
      if (!a.ok() || !b.ok() || *b <= *a) continue;
      d.stopped_days += static_cast<int>((*b - *a).count());
      auto wd = cal.working_days_between(*a, *b);
      stopped_wd += wd.ok() ? *wd : static_cast<int>((*b - *a).count());
    }
    auto start = calendar::parse_date(d.started_on);
    int total = rule.length + d.extensions * rule.extension;
    if (set_days) {
      total = *set_days;
      d.set_by_step = true;
    }
    Result<Date> due = Status::Invalid("date", "no start");
    if (start.ok()) {
      if (rule.working_days) {
        due = cal.add_working_days(*start, total + stopped_wd);
      } else {
        due = *start + days{total + d.stopped_days};
      }
    }
    if (due.ok()) {
      d.due_on = calendar::format_date(*due);
    } else if (start.ok() && rule.working_days) {
      d.provisional = true;
      d.problem = due.status().message();
      d.due_on = calendar::format_date(cal.add_working_days_provisional(*start, total + stopped_wd));
    } else {
      d.problem = due.status().message();
    }
    if (!d.ended_on.empty()) {
      d.status = (!d.due_on.empty() && d.ended_on > d.due_on) ? "late" : "met";
    } else if (d.paused) {
      d.status = "paused";
    } else if (!d.due_on.empty() && today.ok()) {
      auto due_date = calendar::parse_date(d.due_on);
      if (*today > *due_date) {
        d.status = "overdue";
      } else {
        d.status = "open";
        if (rule.working_days) {
          auto n = cal.working_days_between(*today, *due_date);
          d.days_left = n.ok() ? *n : cal.working_days_between_provisional(*today, *due_date);
        } else {
          d.days_left = static_cast<int>((*due_date - *today).count());
        }
      }
    } else {
      d.status = "open";
    }
    out.push_back(std::move(d));
  }
  return out;
}

Json to_json(const DeadlineState& d) {
  auto opt = [](const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); };
  Json j{{"kind", d.kind},
         {"name_zh", d.name_zh},
         {"length", d.length},
         {"unit", d.hours ? "hours" : d.working_days ? "working_days" : "days"},
         {"started_on", d.started_on},
         {"extensions", d.extensions},
         {"stopped_days", d.stopped_days},
         {"due_on", opt(d.due_on)},
         {"ended_on", opt(d.ended_on)},
         {"status", d.status},
         {"source", d.source}};
  if (d.status == "open") j["days_left"] = d.days_left;
  if (d.provisional) j["provisional"] = true;
  if (d.hours) {
    j["due_at"] = opt(d.due_at);
    j["ended_at"] = opt(d.ended_at);
  }
  if (d.set_by_step) j["set_by_step"] = true;
  if (!d.problem.empty()) j["problem"] = d.problem;
  return j;
}

}  // namespace lj::cases
