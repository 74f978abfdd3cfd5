// The content of the monthly dispatch report (evaluate/dispatch.hpp), loaded within the scope.
#include <algorithm>
#include <map>

#include "calendar/work_calendar.hpp"
#include "store/sql/evaluation_repo.hpp"
#include "store/sql/screen_repo.hpp"

namespace lj {

using sql::Connection;
using sql::Rows;

namespace {

constexpr const char* kLeadsBySource =
    "SELECT l.source, COUNT(*) FROM leads l WHERE l.unit_path LIKE ? AND l.received_at >= ? "
    "AND l.received_at <= ? GROUP BY l.source ORDER BY COUNT(*) DESC, l.source";
constexpr const char* kCodeNames = "SELECT code, name_zh FROM codes WHERE kind = ?";
// Statutory periods overdue at the end of the month: started by then, due before its last day,
// and not ended by then.
constexpr const char* kOverdue =
    "SELECT d.case_id, c.case_no, d.unit_path, d.kind, d.due_on FROM case_deadlines d "
    "JOIN cases c ON c.id = d.case_id WHERE d.unit_path LIKE ? AND d.started_on <= ? "
    "AND d.due_on < ? AND (d.ended_on IS NULL OR d.ended_on > ?) ORDER BY d.due_on, d.case_id";
// Supervisions running during the month: opened by its end, open or closed within it or later.
constexpr const char* kSupervised =
    "SELECT s.case_id, c.case_no, c.title, s.case_unit_path, s.supervising_unit_code, s.level, "
    "s.deadline_on, s.state, (SELECT COUNT(*) FROM supervision_reports r WHERE r.supervision_id "
    "= s.id), (SELECT MAX(r.reported_at) FROM supervision_reports r WHERE r.supervision_id = "
    "s.id) FROM supervisions s JOIN cases c ON c.id = s.case_id WHERE s.case_unit_path LIKE ? "
    "AND s.opened_at <= ? AND (s.state = 'open' OR s.closed_at >= ?) ORDER BY s.deadline_on, s.id";

constexpr size_t kMaxHotspots = 10;

std::string name_of_path(const std::map<std::string, std::string>& names, const std::string& path) {
  // The path's last code: /150000/150400/150404/ -> 150404.
  if (path.size() < 2) return path;
  const size_t end = path.size() - 1;
  const size_t start = path.rfind('/', end - 1) + 1;
  const std::string code = path.substr(start, end - start);
  auto it = names.find(code);
  return it == names.end() ? code : it->second;
}

int64_t days_between(const std::string& from, const std::string& to) {
  auto a = calendar::parse_date(from), b = calendar::parse_date(to);
  if (!a.ok() || !b.ok()) return 0;
  return (*b - *a).count();
}

}  // namespace

Result<evaluate::DispatchReport> EvaluationRepo::dispatch(const Actor& actor,
                                                          const std::string& unit_code,
                                                          const evaluate::Period& month,
                                                          const evaluate::Scheme& scheme,
                                                          const screen::HotspotConfig& hotspots) {
  LJ_ASSIGN_OR_RETURN(Unit unit, unit_in_scope(actor, unit_code));
  evaluate::DispatchReport out;
  out.unit_code = unit.code;
  out.unit_name = unit.name;
  out.unit_level = unit.level;
  out.month = month;
  std::map<std::string, std::string> names;          // unit code -> name
  std::map<std::string, std::string> category_name;  // product category code -> name
  Status st = store_.read([&](Connection& c) -> Status {
    const std::string prefix = unit.path + "%";
    const std::string last = month.to(), end = month.to() + "T99";
    LJ_ASSIGN_OR_RETURN(auto figures, load_figures(c, unit.path, month, scheme));
    for (const auto& f : figures) names[f.code] = f.name;
    std::map<std::string, evaluate::DispatchUnitRow> rows;  // by path: the unit and its children
    for (const auto& f : figures) {
      const bool self = f.path == unit.path;
      const bool child = !self && f.path.rfind(unit.path, 0) == 0 &&
                         f.path.find('/', unit.path.size()) == f.path.size() - 1;
      if (!self && !child) continue;
      evaluate::DispatchUnitRow r{f.code, f.name, f.leads_received, f.cases_filed, f.cases_closed,
                                  0,      0};
      rows[f.path] = r;
    }
    auto add_to = [&](const std::string& path, auto&& add) {
      for (auto& [p, r] : rows)
        if (path.rfind(p, 0) == 0) add(r);
    };
    LJ_ASSIGN_OR_RETURN(Rows sources, c.query(kLeadsBySource, {prefix, month.from(), end}));
    LJ_ASSIGN_OR_RETURN(Rows source_names, c.query(kCodeNames, {std::string("lead_source")}));
    LJ_ASSIGN_OR_RETURN(Rows category_names,
                        c.query(kCodeNames, {std::string("product_category")}));
    for (const auto& r : category_names) category_name[r.text(0)] = r.text(1);
    std::map<std::string, std::string> source_name;
    for (const auto& r : source_names) source_name[r.text(0)] = r.text(1);
    for (const auto& r : sources) {
      auto it = source_name.find(r.text(0));
      out.leads_by_source.push_back(
          {r.text(0), it == source_name.end() ? r.text(0) : it->second, r.int64(1)});
    }
    LJ_ASSIGN_OR_RETURN(Rows overdue, c.query(kOverdue, {prefix, last, last, last}));
    for (const auto& r : overdue) {
      evaluate::OverdueItem o;
      o.case_id = r.int64(0);
      o.case_no = r.text(1);
      o.unit_name = name_of_path(names, r.text(2));
      o.kind = r.text(3);
      o.due_on = r.text(4);
      o.days_overdue = days_between(o.due_on, last);
      add_to(r.text(2), [](evaluate::DispatchUnitRow& u) { ++u.overdue; });
      out.overdue.push_back(std::move(o));
    }
    std::stable_sort(out.overdue.begin(), out.overdue.end(),
                     [](const auto& a, const auto& b) { return a.days_overdue > b.days_overdue; });
    LJ_ASSIGN_OR_RETURN(Rows supervised, c.query(kSupervised, {prefix, end, month.from()}));
    for (const auto& r : supervised) {
      evaluate::SupervisedCase s;
      s.case_id = r.int64(0);
      s.case_no = r.text(1);
      s.title = r.text(2);
      s.unit_name = name_of_path(names, r.text(3));
      s.supervising_unit = r.text(4);
      s.level = r.text(5);
      s.deadline_on = r.text(6);
      s.state = r.text(7);
      s.reports = r.is_null(8) ? 0 : r.int64(8);
      s.last_report_at = r.text(9);
      add_to(r.text(3), [](evaluate::DispatchUnitRow& u) { ++u.supervised; });
      out.supervised.push_back(std::move(s));
    }
    for (auto& [p, r] : rows) {
      if (p == unit.path)
        out.total = r;
      else
        out.units.push_back(r);
    }
    std::sort(out.units.begin(), out.units.end(),
              [](const auto& a, const auto& b) { return a.code < b.code; });
    for (const auto& f : figures)
      if ((f.level == "city" || f.level == "county") && f.cases_filed <= scheme.zero_case_max)
        out.zero_case.push_back(f);
    return Status::Ok();
  });
  if (!st.ok()) return st;
  for (auto& s : out.supervised) {
    auto it = names.find(s.supervising_unit);
    if (it != names.end()) s.supervising_unit = it->second;
  }
  // Hotspots over the report's unit (its subtree as the scope), flagged ones only.
  Actor scoped = actor;
  scoped.unit_code = unit.code;
  scoped.unit_path = unit.path;
  sql::HotspotQuery hq;
  hq.level = "county";
  hq.flagged_only = true;
  LJ_ASSIGN_OR_RETURN(auto spots, sql::hotspots(store_, scoped, hq, hotspots));
  for (const auto& h : spots) {
    if (out.hotspots.size() >= kMaxHotspots) break;
    auto it = names.find(h.division_code);
    auto cat = category_name.find(h.category);
    out.hotspots.push_back({h.division_code, it == names.end() ? h.division_code : it->second,
                            cat == category_name.end() ? h.category : cat->second, h.sampled,
                            h.failed, h.complaints, h.enterprises, h.flags()});
  }
  return out;
}

}  // namespace lj
