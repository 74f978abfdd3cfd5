// Storage of disclosure (docs/disclosure.md): publications of penalty decisions and typical
// cases with their secrecy review, their search for the public portal, and the public report
// form's follow-up numbers. Internal reads and writes are scoped by the case's unit (a record
// outside the actor's subtree answers kNotFound); public reads see published items only.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "model/model.hpp"
#include "store/sql/sql_store.hpp"

namespace lj {

// One publication. `body` is the text before masking and `spans` the review record (JSON array
// of {kind,start,end,original,masked,source:"auto"|"reviewer",decision:"mask"|"keep"|null,
// decided_by,decided_at}); neither ever leaves the internal API. `masked_body` is set when
// published.
struct Publication {
  int64_t id = 0;
  std::string kind;    // decision | typical_case
  std::string status;  // pending_review | published | withdrawn
  int64_t case_id = 0;
  std::string unit_code, unit_path;
  std::string decision_no, decided_on, due_on;  // YYYY-MM-DD (due_on: publish by)
  std::string party, region_code, product_category;
  std::vector<std::string> violations;
  std::string penalty;  // e.g. "罚款12800.00元；没收违法所得3000.00元"
  int64_t fine_fen = 0;
  std::string authority, title, body, masked_body;
  Json spans = Json::array();
  int64_t created_by = 0;
  std::string created_at;
  int64_t reviewed_by = 0;
  std::string reviewer_name, published_at, withdrawn_at, withdraw_reason, revoked_at;
  int64_t withdrawn_by = 0;
  int64_t version = 1;
};

// What a publication of a case is built from, read inside the creating transaction.
struct DecisionSource {
  Case c;
  std::string procedure, decided_at, decision, decision_no;  // case_progress (empty: none)
  Json facts;                            // case_facts.facts (null: none recorded)
  std::vector<std::string> party_names;  // enterprises named by the facts, or the case's
  std::string unit_name;
};

struct PublicationQuery {
  std::string status, kind;
  bool overdue_only = false;  // pending_review with due_on before `today`
  std::string today;          // YYYY-MM-DD
  int limit = 200;
};

// The public portal's query (openFDA style, docs/public-api.md); only published items of `kind`.
struct PublicQuery {
  std::string kind = "decision";
  std::string text;  // Chinese search terms (bigrams)
  std::string region_prefix, product_category, violation, party, decision_no;
  std::string from, to;  // decided_on range, inclusive
  int limit = 10, skip = 0;
};

struct PublicPage {
  int64_t total = 0;
  std::vector<Publication> items;
};

struct PublicReportStatus {
  std::string number, received_at, lead_status, unit_name;
};

class DisclosureRepo {
 public:
  explicit DisclosureRepo(SqlStore& store) : store_(store) {}

  // Builds (with `draft`) and stores the publication of `kind` for a case (scoped: kNotFound
  // outside the actor's subtree), with an audit entry. When one exists already: kConflict, or
  // with `existing_ok` the existing one with `created` false.
  using Draft = std::function<Result<Publication>(const DecisionSource&)>;
  struct Created {
    Publication p;
    bool created = false;
  };
  Result<Created> create(const Actor& actor, int64_t case_id, const std::string& kind,
                         const Draft& draft, bool existing_ok = false);

  Result<Publication> get(const Actor& actor, int64_t id);
  Result<std::vector<Publication>> list(const Actor& actor, const PublicationQuery& q);
  // The publications of a case in the actor's scope.
  Result<std::vector<Publication>> of_case(const Actor& actor, int64_t case_id);

  // Applies the secrecy review: `review` returns the publication as published (status,
  // masked_body, spans, reviewer, published_at) from the stored one; kConflict when
  // `expected_version` differs. Indexes the published text for search; audits.
  using Review =
      std::function<Result<Publication>(const Publication& before, const std::string& now)>;
  Result<Publication> publish(const Actor& actor, int64_t id, int64_t expected_version,
                              const Review& review);

  // Replaces the text of a pending publication (kConflict when published or withdrawn, or when
  // `expected_version` differs): `redraft` returns it with its new body and proposed spans.
  using Redraft = std::function<Publication(const Publication& before)>;
  Result<Publication> redraft(const Actor& actor, int64_t id, int64_t expected_version,
                              const Redraft& redraft);

  // Withdraws a published or pending item (kConflict when withdrawn already); audits.
  Result<Publication> withdraw(const Actor& actor, int64_t id, const std::string& reason);

  // Withdraws every item not withdrawn whose case is revoked (all cases in the actor's subtree,
  // or only `case_id`), reason "decision revoked", one audit entry each. Returns how many.
  Result<int64_t> withdraw_revoked(const Actor& actor,
                                   std::optional<int64_t> case_id = std::nullopt);

  // --- the public portal (no actor: published, not withdrawn items only)
  Result<PublicPage> search_public(const PublicQuery& q);
  // Every matching published item (all of them, no paging) for counting by a field.
  Result<std::vector<Publication>> all_public(const PublicQuery& q);
  Result<Publication> get_public(const std::string& kind, int64_t id);

  // The report form's signing key (32 random bytes, created on first use).
  Result<std::string> form_key();
  // Records a form token's nonce; kConflict when it was used before.
  Status use_form_nonce(const std::string& nonce);
  // Stores a report's follow-up number for its lead.
  Status add_report(const std::string& number, const std::string& secret_hash, int64_t lead_id);
  // The report's state; kNotFound when the number is unknown or the secret is wrong.
  Result<PublicReportStatus> report_status(const std::string& number,
                                           const std::string& secret_hash);

 private:
  SqlStore& store_;
};

}  // namespace lj
