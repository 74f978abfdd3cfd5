// Storage of case-file reviews (案卷评查, cases/review.hpp): one review per reviewer per case
// (submitting again replaces it and raises its version), the reviews of a case, and the scores
// of a unit's cases over a period for the evaluation of units. Every change is audited in its
// transaction; the case is loaded in the actor's scope (kNotFound outside it).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "cases/review.hpp"
#include "model/model.hpp"
#include "store/sql/sql_store.hpp"

namespace lj {

struct CaseReview {
  int64_t id = 0;
  int64_t case_id = 0;
  std::string case_no;
  std::string unit_code;  // the case's unit
  int64_t reviewer_id = 0;
  std::string reviewer_name;
  std::string checklist_version;
  int64_t total = 0, max_total = 0;
  Json items = Json::array();  // [{item, score, comment}]
  std::string comment;
  int64_t version = 1;
  std::string created_at, updated_at;
};
Json to_json(const CaseReview& r);

struct CaseReviewQuery {
  std::string
      unit_code;         // a unit in the actor's subtree (default: the actor's); its subtree counts
  std::string from, to;  // YYYY-MM-DD, inclusive, on the review's last update; empty: open
  int limit = 200;
};

struct UnitReviewScore {
  std::string unit_code;
  int64_t count = 0;
  double average = 0;          // mean total
  double average_percent = 0;  // mean of total / max_total, in percent
};

struct CaseReviewEvaluation {
  std::string unit_code;
  UnitReviewScore overall;
  std::vector<UnitReviewScore> units;  // per unit of the cases, best average first
  std::vector<CaseReview> reviews;     // newest first, up to the limit (without items)
};

Json to_json(const CaseReviewEvaluation& e);

class CaseReviewRepo {
 public:
  explicit CaseReviewRepo(SqlStore& store) : store_(store) {}

  // Loads the case (scoped), asks `check` whether the actor may review it, and stores the
  // actor's review of it (a new one, or the replacement of theirs with version + 1).
  using Check = std::function<Status(const Case&)>;
  Result<CaseReview> submit(const Actor& actor, int64_t case_id, const Check& check,
                            const cases::ReviewScores& scores, const std::string& checklist_version,
                            int max_total);

  // The reviews of a case the actor can see, newest first.
  Result<std::vector<CaseReview>> of_case(const Actor& actor, int64_t case_id);

  // Scores of the reviews of cases in a unit's subtree; kInvalidArgument (field unit) for a unit
  // outside the actor's subtree.
  Result<CaseReviewEvaluation> evaluate(const Actor& actor, const CaseReviewQuery& q);

 private:
  SqlStore& store_;
};

}  // namespace lj
