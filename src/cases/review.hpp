// Case-file review (案卷评查): a configurable checklist (data/review/checklist.json) of items with
// points, grouped (立案, 调查取证, 法律适用, 程序, 文书), against which a supervisor scores a
// closed case remotely, item by item with comments. Pure: storage is store/sql/review_repo.*.
// Immutable after loading: safe to share between threads.
#pragma once

#include <string>
#include <vector>

#include "core/status.hpp"
#include "model/model.hpp"

namespace lj::cases {

struct ReviewChecklistItem {
  std::string code;   // "filing.approval"
  std::string group;  // "filing"
  std::string text;
  int points = 0;
};

struct ReviewChecklistGroup {
  std::string code;
  std::string name_zh;
  std::vector<ReviewChecklistItem> items;
};

// One item's score in a review.
struct ReviewItemScore {
  std::string item;
  int score = 0;
  std::string comment;
};

// A validated review request: every item of the checklist scored once, in checklist order.
struct ReviewScores {
  std::vector<ReviewItemScore> items;
  int total = 0;
  std::string comment;
};

class ReviewChecklist {
 public:
  // <data_dir>/review/checklist.json; an error names the entry and field
  // (groups[1].items[0].points).
  static Result<ReviewChecklist> load(const std::string& data_dir);
  static Result<ReviewChecklist> parse(const std::string& json_text);

  const std::string& version() const { return version_; }
  const std::string& name_zh() const { return name_zh_; }
  const std::vector<ReviewChecklistGroup>& groups() const { return groups_; }
  const std::vector<std::string>& reviewable_states() const { return states_; }
  int max_total() const { return max_total_; }
  Json to_json() const;

  // Validates a request body {"items": [{"item", "score", "comment"}...], "comment"}: every item
  // exactly once, scores integers from 0 to the item's points. Errors name the field
  // (items[2].score).
  Result<ReviewScores> score(const Json& body) const;

 private:
  std::string version_, name_zh_;
  std::vector<std::string> states_;
  std::vector<ReviewChecklistGroup> groups_;
  int max_total_ = 0;
};

// Whether `actor` may review `c`: a leader of a unit above the case's unit (not the case's own
// unit: review is supervision), and the case in a reviewable state (closed). kForbidden for the
// role or unit, kConflict for the state.
Status may_review(const Actor& actor, const Case& c, const ReviewChecklist& checklist);

}  // namespace lj::cases
