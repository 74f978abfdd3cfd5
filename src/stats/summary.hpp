// The half-year and annual summaries with the campaign's own aggregation ("质检利剑"行动组织开展
// 情况专项汇总, rows and columns defined in data/stats/campaign-summary.json) and the typical
// cases of the period; and the plain statistics answers as JSON and CSV. Exports to XLSX and PDF
// are in stats/exports.hpp.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "model/model.hpp"
#include "stats/period.hpp"
#include "store/sql/stats_repo.hpp"

namespace lj::stats {

struct SummaryColumn {
  std::string label, figure, source;  // figure: a StatsFigures member name; source: a filter
  bool money = false;                 // fen, shown in 万元 with two decimals
};
struct SummaryGroup {
  std::string label;  // the merged header over its columns
  std::vector<SummaryColumn> columns;
};
struct SummaryRowDef {
  std::string label, special_action;  // special_action empty: all
};
struct SummaryDefinition {
  std::string title, row_header;
  std::vector<SummaryRowDef> rows;
  std::vector<SummaryGroup> groups;
  int typical_cases = 10;
  // Reads <data_dir>/stats/campaign-summary.json; errors name the file and field.
  static Result<SummaryDefinition> load(const std::string& data_dir);
};

struct SummaryTable {
  std::string title, row_header, unit_code, unit_name, period, period_label;
  std::vector<SummaryGroup> groups;
  std::vector<std::string> row_labels;
  std::vector<std::vector<int64_t>> cells;  // [row][column across groups]; money in fen
  std::vector<TypicalCase> typical_cases;
};

// A figure of `f` by its name (leads, filed, ..., illegal_income_fen); kInvalid when unknown.
Result<int64_t> figure(const StatsFigures& f, const std::string& name);

Result<SummaryTable> build_summary(StatsRepo& repo, const Actor& actor,
                                   const SummaryDefinition& def, const Period& period,
                                   const std::string& unit_code, const std::string& period_text);

// "5000000" fen -> "5.00" (万元, rounded half up to two decimals).
std::string wan_yuan(int64_t fen);

Json to_json(const SummaryTable& t);
// Two header rows (group, column) then one line per row; money in 万元.
std::string to_csv(const SummaryTable& t);

Json to_json(const StatsAnswer& a, const Period& p, const std::string& group_by);
std::string to_csv(const StatsAnswer& a, const std::string& group_by);

}  // namespace lj::stats
