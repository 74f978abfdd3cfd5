// The monthly dispatch report (执法打假工作调度会 材料) of a league or the region: new leads by
// source, cases filed and closed per subordinate unit, overdue statutory periods, the progress of
// supervised cases (督办), zero-case units and the flagged hotspots. The content only: loaded by
// store/sql/evaluation_repo, rendered by documents/dispatch_report (PDF, XLSX).
#pragma once

#include <string>
#include <vector>

#include "evaluate/evaluation.hpp"
#include "evaluate/period.hpp"
#include "model/json.hpp"

namespace lj::evaluate {

struct SourceCount {
  std::string source;  // lead source code (MISSION.md)
  std::string name;    // its Chinese name when the vocabulary knows it, else the code
  int64_t count = 0;
};

// One subordinate unit's row (or the unit's own total).
struct DispatchUnitRow {
  std::string code, name;
  int64_t leads = 0, filed = 0, closed = 0, overdue = 0, supervised = 0;
};

struct OverdueItem {
  int64_t case_id = 0;
  std::string case_no, unit_name, kind, due_on;
  int64_t days_overdue = 0;  // calendar days from the due day to the report's last day
};

struct SupervisedCase {
  int64_t case_id = 0;
  std::string case_no, title, unit_name, supervising_unit, level, deadline_on, state;
  int64_t reports = 0;         // progress reports received so far
  std::string last_report_at;  // empty: none yet
};

struct HotspotRow {
  std::string division_code, division_name, category;  // category: its Chinese name when known
  int64_t sampled = 0, failed = 0, complaints = 0, enterprises = 0;
  int flags = 0;  // flagged rates: non-conformance and/or complaints
};

struct DispatchReport {
  std::string unit_code, unit_name, unit_level;
  Period month;
  std::vector<SourceCount> leads_by_source;  // most first
  DispatchUnitRow total;
  std::vector<DispatchUnitRow> units;  // the direct subordinate units, by code
  std::vector<OverdueItem> overdue;    // most overdue first
  std::vector<SupervisedCase> supervised;
  std::vector<UnitFigures> zero_case;  // leagues and counties without a case filed
  std::vector<HotspotRow> hotspots;
};

Json to_json(const DispatchReport& r);

}  // namespace lj::evaluate
