// Storage of supervision (督办, migration 10): a unit above a case's unit supervises it with a
// deadline and progress reports every N working days; the case's unit reports; an overdue report
// escalates; the supervising unit closes it with a conclusion. Every step writes a case timeline
// event and an audit entry in one transaction. Scope: a supervision is visible to the units
// whose subtree holds the supervising unit or the case's unit (kNotFound otherwise).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "model/model.hpp"
#include "store/sql/sql_store.hpp"

namespace lj {

struct SupervisionReport {
  int64_t id = 0;
  std::string due_on;  // YYYY-MM-DD: the report's due day when it was filed
  std::string text;
  int64_t reported_by = 0;
  std::string reporter_name;
  std::string reported_at;  // ISO 8601 Shanghai time
  bool late() const { return reported_at.substr(0, 10) > due_on; }
};

struct Supervision {
  int64_t id = 0;
  int64_t case_id = 0;
  std::string case_no, case_title, case_unit_code;
  std::string supervising_unit_code;
  std::string level;  // league | region
  std::string instructions;
  std::string deadline_on;         // YYYY-MM-DD
  int report_interval_days = 0;    // working days
  std::string next_report_due_on;  // YYYY-MM-DD
  std::string state;               // open | closed
  std::string escalated_at;        // set when a report fell overdue; cleared by the next report
  std::string conclusion;
  int64_t opened_by = 0;
  std::string opened_at;
  int64_t closed_by = 0;
  std::string closed_at;
  std::vector<SupervisionReport> reports;  // oldest first (filled by get / of_case)
};
// `today` (YYYY-MM-DD) decides "overdue": open with the next report's due day passed.
Json to_json(const Supervision& s, const std::string& today);

struct SupervisionDraft {
  std::string level;
  std::string instructions;
  std::string deadline_on;
  int report_interval_days = 0;
  std::string first_report_due_on;
};

struct SupervisionQuery {
  std::string role;   // supervising | supervised | empty: both
  std::string state;  // open | overdue | closed | empty: all
  std::string today;  // YYYY-MM-DD, for "overdue"
  int limit = 200;
};

class SupervisionRepo {
 public:
  explicit SupervisionRepo(SqlStore& store) : store_(store) {}

  // A leader of a unit strictly above the case's unit (the case scoped: kNotFound outside) opens
  // supervision; region level needs a province unit, league level a city unit (kForbidden
  // otherwise); kConflict while the case has an open supervision.
  Result<Supervision> open(const Actor& actor, int64_t case_id, const SupervisionDraft& draft);

  // The next report's due day after a report filed on `day` (YYYY-MM-DD).
  using NextDue = std::function<Result<std::string>(const Supervision&, const std::string& day)>;
  // An officer or leader of the case's own unit files a progress report on an open supervision;
  // the next due day comes from `next` and a standing escalation is cleared.
  Result<Supervision> report(const Actor& actor, int64_t id, const std::string& text,
                             const NextDue& next);

  // A leader of the supervising unit (or above it) closes with a conclusion.
  Result<Supervision> close(const Actor& actor, int64_t id, const std::string& conclusion);

  Result<Supervision> get(const Actor& actor, int64_t id);
  // The supervisions of a case the actor can read (scoped case), with their reports.
  Result<std::vector<Supervision>> of_case(const Actor& actor, int64_t case_id);
  Result<std::vector<Supervision>> list(const Actor& actor, const SupervisionQuery& q);

  // Marks every open supervision whose report is overdue on `today` and not yet escalated:
  // escalated_at, a timeline event on the case and an audit entry by the system. Returns how
  // many were escalated.
  Result<int> escalate_overdue(const std::string& today);

 private:
  Result<Supervision> load(sql::Connection& c, const Actor& actor, int64_t id);
  Status load_reports(sql::Connection& c, Supervision& s);

  SqlStore& store_;
};

}  // namespace lj
