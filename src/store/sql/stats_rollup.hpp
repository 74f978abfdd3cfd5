// The statistics roll-ups (docs/statistics.md, migration 15) kept in step with the base tables.
// Every write that changes what a roll-up counts calls one of these inside its own write
// transaction, so a committed change and its roll-up delta are one atomic unit:
//   - leads: LeadRollupDelta (insert: +1 for the new lead; update: -1 for the lead before and
//     +1 for it after), keyed by (month of receipt, unit, source, category, special actions,
//     violations) with the label lists as stored (",a,b,");
//   - cases: refresh_case_stats(case_id) recomputes the case's contribution from the base tables
//     (cases, case_progress, case_facts, case_events, case_deadlines), subtracts the one kept in
//     stats_case_rows and adds the new one.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"
#include "store/sql/connection.hpp"

namespace lj::sql {

class LeadRollupDelta {
 public:
  // `n` leads (negative: removed) with this key; labels as stored (",a,b,"), category "" for none.
  void add(const std::string& received_at, const std::string& unit_code, const std::string& source,
           const std::string& product_category, const std::string& special_actions,
           const std::string& violations, int64_t n);
  void add(const Lead& lead, int64_t n);
  bool empty() const { return counts_.empty(); }
  // Applies the non-zero counts; rows that reach zero are deleted.
  Status apply(Connection& c) const;

 private:
  std::map<std::array<std::string, 6>, int64_t> counts_;
};

// The margins of `n` leads with the roll-up key `key` (month, unit, source, category, special
// actions, violations), keyed (dim, month, unit, value, value2): "all"; each label dimension
// (value2 ""); each pair of them in the order source, product_category, special_action,
// violation ("source+special_action": value the source, value2 the special action).
using MarginKey = std::array<std::string, 5>;
void add_lead_margins(const std::array<std::string, 6>& key, int64_t n,
                      std::map<MarginKey, int64_t>& margins);

// What one case contributes to stats_case_rollup. Months are "YYYY-MM" (Shanghai time); an
// empty month: the event has not happened. Money in fen.
struct CaseStatsRow {
  int64_t case_id = 0;
  std::string unit_code, product_category, special_actions, violations;
  std::string filed_month, closed_month, transferred_month;
  bool major = false;
  bool within_deadline = false;  // closed, and no statutory period ended after its due day
  int64_t fines_fen = 0, goods_value_fen = 0, illegal_income_fen = 0;
  bool operator==(const CaseStatsRow&) const = default;
};

// The contributions computed from the base tables: one case, or all when `case_id` is empty.
Result<std::vector<CaseStatsRow>> compute_case_stats(Connection& c, std::optional<int64_t> case_id);

// Adds `sign` times the case's contribution to the case roll-up kept in memory, keyed (month,
// unit, category, special actions, violations); values: filed, closed, major, transferred,
// closed_within_deadline, fines, goods value, illegal income.
using CaseRollupKey = std::array<std::string, 5>;
using CaseFigures = std::array<int64_t, 8>;
void add_case_figures(const CaseStatsRow& s, int64_t sign, std::map<CaseRollupKey, CaseFigures>& out);

// Brings the case's contribution in the roll-up up to date with the base tables. Call inside the
// write transaction that changed the case, its progress, facts or deadlines.
Status refresh_case_stats(Connection& c, int64_t case_id);

}  // namespace lj::sql
