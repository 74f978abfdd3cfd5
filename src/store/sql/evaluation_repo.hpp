// Storage side of the evaluation of units (docs/evaluation.md): the figures of every unit of a
// subtree over a period, counted from the base tables (cases and case_progress, case_facts,
// case_deadlines, case_reviews, leads, users, enterprises) with the data scope in the SQL; the
// content of the monthly dispatch report; and the stored report files (table reports).
// Every stored report is audited in its transaction.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "evaluate/dispatch.hpp"
#include "evaluate/evaluation.hpp"
#include "evaluate/scheme.hpp"
#include "screen/hotspots.hpp"
#include "store/sql/sql_store.hpp"

namespace lj {

// Disclosure on time per unit path, read from the publications of the disclosure feature:
// penalty decisions of the period that were due for publication, and those published
// within the statutory period. Called inside the evaluation's read with the subtree's path prefix
// (already in the actor's scope) and the period's days. An empty source leaves the indicator null.
struct DisclosurePathCount {
  std::string unit_path;
  int64_t due = 0, on_time = 0;
};
using DisclosureSource = std::function<Result<std::vector<DisclosurePathCount>>(
    sql::Connection& c, const std::string& path_prefix, const std::string& from,
    const std::string& to)>;
// The disclosure source the application uses (store/sql/evaluation_repo.cpp): the decision
// publications (migration 14) whose due day falls in the period, and those of them published on
// or before their due day; publications of revoked decisions are not due. A unit with none due
// reads null for the indicator.
DisclosureSource disclosure_source();

struct StoredReport {
  int64_t id = 0;
  std::string kind;  // dispatch | notification
  std::string unit_code, unit_path, period, format, title;
  std::string content;  // the file's bytes (empty in lists)
  int64_t size = 0;
  std::string sha256, origin;  // origin: schedule | on_demand
  int64_t produced_by = 0;
  std::string produced_at;
  int64_t version = 1;
};
Json to_json(const StoredReport& r);  // without the content

struct ReportQuery {
  std::string unit_code;  // a unit in the actor's subtree; its subtree counts; empty: the actor's
  std::string kind, period;  // empty: any
  int limit = 100;
};

class EvaluationRepo {
 public:
  explicit EvaluationRepo(SqlStore& store, DisclosureSource disclosure = disclosure_source())
      : store_(store), disclosure_(std::move(disclosure)) {}

  // The evaluation of `unit_code` (empty: the actor's unit) and the leagues and counties of its
  // subtree. kInvalidArgument (field unit) for a unit outside the actor's subtree.
  Result<evaluate::Evaluation> evaluate(const Actor& actor, const std::string& unit_code,
                                        const evaluate::Period& period,
                                        const evaluate::Scheme& scheme);

  // The dispatch report's content for a unit and a month (scoped as evaluate()).
  Result<evaluate::DispatchReport> dispatch(const Actor& actor, const std::string& unit_code,
                                            const evaluate::Period& month,
                                            const evaluate::Scheme& scheme,
                                            const screen::HotspotConfig& hotspots);

  // Stores a produced file. With `replace` an existing report of the same key (kind, unit,
  // period, format) is replaced (version + 1); without, an existing one is kept and returned
  // with `*created` false (the scheduled production of several servers stores it once).
  Result<StoredReport> store_report(const Actor& actor, StoredReport r, bool replace,
                                    bool* created = nullptr);
  // Whether the report of that key exists (unscoped: for the scheduler).
  Result<bool> has_report(const std::string& kind, const std::string& unit_code,
                          const std::string& period, const std::string& format);
  Result<std::vector<StoredReport>> list_reports(const Actor& actor, const ReportQuery& q);
  // One report with its content; kNotFound outside the actor's subtree.
  Result<StoredReport> get_report(const Actor& actor, int64_t id);

  // The unit when it lies in the actor's subtree (kInvalidArgument naming `field` otherwise).
  Result<Unit> unit_in_scope(const Actor& actor, const std::string& unit_code,
                             const std::string& field = "unit");

 private:
  Result<std::vector<evaluate::UnitFigures>> load_figures(sql::Connection& c,
                                                          const std::string& path,
                                                          const evaluate::Period& period,
                                                          const evaluate::Scheme& scheme);
  SqlStore& store_;
  DisclosureSource disclosure_;
};

}  // namespace lj
