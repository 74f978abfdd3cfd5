// Rules that protect the campaign's integrity (issue 4, item 4; RULES.md "Criminal transfer",
// "Penalty ranges"): pure checks over a case's facts and its procedure progress. Every number
// comes from data/procedure/integrity-rules.json with its legal source. The checks flag, they
// never block.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cases/deadlines.hpp"
#include "cases/facts.hpp"
#include "core/status.hpp"
#include "model/model.hpp"

namespace lj::cases {

struct DiscretionArticle {
  std::string article, name_zh;
  int64_t min_permille = 0, max_permille = 0;  // statutory range, thousandths of goods value
  // tier -> [min, max] permille (lenient, ordinary, heavy)
  std::vector<std::pair<std::string, std::pair<int64_t, int64_t>>> tiers;
};

struct IntegrityRules {
  // 立案追诉标准(一) Art. 16
  std::string criminal_source;
  int64_t criminal_sales_fen = 0, criminal_unsold_fen = 0, criminal_combined_fen = 0;
  int64_t criminal_sales_multiplier = 3;
  // Product Quality Law Arts. 49–52 and the tiers
  std::string discretion_source;
  std::vector<DiscretionArticle> articles;
  // 大案要案
  std::string major_source;
  int64_t major_goods_value_fen = 0, major_sales_fen = 0;  // 0: criterion off
  bool major_on_criminal_transfer = false, major_on_cross_region = false;

  static Result<IntegrityRules> from_json(const Json& doc);
  static Result<IntegrityRules> load(
      const std::string& data_dir);  // procedure/integrity-rules.json
  const DiscretionArticle* article(const std::string& code) const;
};

// Where a case stands on criminal transfer, from its timeline (actions propose_transfer,
// approve_transfer, refuse_transfer of the penalty procedure).
struct TransferProgress {
  bool proposed = false;  // a transfer is under review now
  bool approved = false;  // approve_transfer taken
  bool refused = false;   // refuse_transfer taken with its reason
  std::string refusal_reason;
};
TransferProgress transfer_progress(const std::vector<CaseEvent>& timeline);

// Which Art. 16 threshold the facts meet: "sales" | "unsold_value" | "combined"; empty: none.
std::string criminal_threshold_met(const CaseFacts& f, const IntegrityRules& r);

// A flag the checks raise: kind criminal_transfer | discretion | unfiled.
struct Finding {
  std::string kind;
  std::string reason;
  Json shown = Json::object();  // the threshold or range shown with the flag
};

// Meets a threshold and is neither transferred nor refused with reasons.
std::optional<Finding> check_criminal_transfer(const CaseFacts& f, const TransferProgress& t,
                                               const IntegrityRules& r);

// The reasons of the latest `review_discretion` step of the timeline (the reviewer's "discretion
// reviewed" with reasons, 国市监法规〔2022〕2号); empty when the case has none.
std::string discretion_review_of(const std::vector<CaseEvent>& timeline);

// The fines (summed) outside the tier range for the first configured article of the legal basis
// and the stated circumstances, unless `reviewed` holds a reviewer's reasons
// (discretion_review_of). Shows the tier range and the statutory range in fen.
std::optional<Finding> check_discretion(const CaseFacts& f, const IntegrityRules& r,
                                        const std::string& reviewed = {});

// 有案不立: the filing decision's deadline ran out while a case still waits in filing_review
// (`case_status`) or a lead is verified without a case (`case_status` "verified").
std::optional<Finding> check_unfiled(const std::string& case_status,
                                     const std::vector<DeadlineState>& deadlines);

// Decree 310's periods missed: the head's decision on a proposed transfer (transfer_approval,
// 3 days) or the hand-over to the police (police_handover, 24 hours) overdue or met late. Kind
// "transfer_deadline"; a late one stays on the supervisor's list as a record of the breach.
std::optional<Finding> check_transfer_deadlines(const std::vector<DeadlineState>& deadlines);

struct MajorCase {
  bool major = false;
  std::vector<std::string> reasons;  // e.g. "goods value 120000.00 yuan >= 100000.00"
};
MajorCase major_case(const CaseFacts& f, const TransferProgress& t, const IntegrityRules& r);

}  // namespace lj::cases
