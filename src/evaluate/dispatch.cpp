#include "evaluate/dispatch.hpp"

namespace lj::evaluate {
namespace {

Json row_json(const DispatchUnitRow& r) {
  return Json{{"unit_code", r.code},       {"unit_name", r.name}, {"leads", r.leads},
              {"filed", r.filed},          {"closed", r.closed},  {"overdue", r.overdue},
              {"supervised", r.supervised}};
}

}  // namespace

Json to_json(const DispatchReport& r) {
  Json sources = Json::array();
  for (const auto& s : r.leads_by_source)
    sources.push_back(Json{{"source", s.source}, {"name", s.name}, {"count", s.count}});
  Json units = Json::array();
  for (const auto& u : r.units) units.push_back(row_json(u));
  Json overdue = Json::array();
  for (const auto& o : r.overdue)
    overdue.push_back(Json{{"case_id", o.case_id},
                           {"case_no", o.case_no},
                           {"unit_name", o.unit_name},
                           {"kind", o.kind},
                           {"due_on", o.due_on},
                           {"days_overdue", o.days_overdue}});
  Json supervised = Json::array();
  for (const auto& s : r.supervised)
    supervised.push_back(Json{
        {"case_id", s.case_id},
        {"case_no", s.case_no},
        {"title", s.title},
        {"unit_name", s.unit_name},
        {"supervising_unit", s.supervising_unit},
        {"level", s.level},
        {"deadline_on", s.deadline_on},
        {"state", s.state},
        {"reports", s.reports},
        {"last_report_at", s.last_report_at.empty() ? Json(nullptr) : Json(s.last_report_at)}});
  Json zero = Json::array();
  for (const auto& z : r.zero_case)
    zero.push_back(Json{{"unit_code", z.code}, {"unit_name", z.name}, {"level", z.level}});
  Json hot = Json::array();
  for (const auto& h : r.hotspots)
    hot.push_back(Json{{"division_code", h.division_code},
                       {"division_name", h.division_name},
                       {"category", h.category},
                       {"sampled", h.sampled},
                       {"failed", h.failed},
                       {"complaints", h.complaints},
                       {"enterprises", h.enterprises},
                       {"flags", h.flags}});
  return Json{
      {"unit_code", r.unit_code},   {"unit_name", r.unit_name}, {"month", r.month.code()},
      {"from", r.month.from()},     {"to", r.month.to()},       {"leads_by_source", sources},
      {"total", row_json(r.total)}, {"units", units},           {"overdue", overdue},
      {"supervised", supervised},   {"zero_case", zero},        {"hotspots", hot}};
}

}  // namespace lj::evaluate
