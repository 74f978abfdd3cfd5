// Statistics from the roll-ups (docs/statistics.md): figures by period, unit (rolled up through
// the unit tree at query time), special action, product category, violation and source; the
// typical cases of a period; and the rebuild / verification of the roll-ups from the base
// tables. Scope: only units under the actor's unit count (a unit outside it answers not_found).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "store/sql/sql_store.hpp"
#include "store/sql/stats_rollup.hpp"

namespace lj {

// The dimensions a query may filter or group by.
inline constexpr const char* kStatsLabelDims[] = {"source", "product_category", "special_action",
                                                  "violation"};

struct StatsQuery {
  std::string from_month, to_month;  // "YYYY-MM", both included
  std::string unit_code;             // empty: the actor's unit
  std::string source, product_category, special_action, violation;  // filters; empty: all
  std::string group_by;  // "", unit, month, source, product_category, special_action, violation
};

struct StatsFigures {
  int64_t leads = 0, filed = 0, closed = 0, major = 0, transferred = 0, closed_within_deadline = 0;
  int64_t fines_fen = 0, goods_value_fen = 0, illegal_income_fen = 0;
  void add(const StatsFigures& o);
};

struct StatsGroup {
  std::string key;   // unit code, month, or label code ("" : none)
  std::string name;  // unit name or the code's Chinese name
  StatsFigures figures;
};

struct StatsAnswer {
  Unit unit;
  StatsFigures totals;
  std::vector<StatsGroup> groups;
  // False when the query filters or groups by source: cases have no source, their figures are
  // left out (zero) rather than shown unfiltered.
  bool cases_included = true;
  std::string lead_table;  // the roll-up that answered: stats_lead_margins or stats_lead_rollup
};

struct TypicalCase {
  int64_t id = 0;
  std::string case_no, title, unit_code, unit_name, product_category, status;
  std::string filed_month, closed_month;
  bool major = false;
  int64_t fines_fen = 0, goods_value_fen = 0, illegal_income_fen = 0;
};

class StatsRepo {
 public:
  explicit StatsRepo(SqlStore& store) : store_(store) {}

  // kUnavailable while migration 15's first rebuild is pending (the roll-ups would be partial).
  Result<StatsAnswer> query(const Actor& actor, const StatsQuery& q);

  // The `limit` cases filed or closed in the period under the unit: major cases first, then by
  // fines + goods value + illegal income, largest first.
  Result<std::vector<TypicalCase>> typical_cases(const Actor& actor, const std::string& unit_code,
                                                 const std::string& from_month,
                                                 const std::string& to_month, int limit);

  struct Rebuilt {
    int64_t lead_rows = 0, margin_rows = 0, case_rows = 0, case_rollup_rows = 0;
  };
  // Recomputes every roll-up from the base tables in one write transaction (idempotent).
  Result<Rebuilt> rebuild(const Actor& actor);
  // The differences between the stored roll-ups and the base tables (empty: in step), at most
  // `max` of them described.
  Result<std::vector<std::string>> verify(size_t max = 20);
  // Whether migration 15 left the roll-ups of existing data to be built.
  Result<bool> rebuild_pending();

 private:
  SqlStore& store_;
};

}  // namespace lj
