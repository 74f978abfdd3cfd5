// The publication workflow of penalty decisions and typical cases (docs/disclosure.md; SAMR
// Order 45): which cases are published, the draft with its proposed masking, the secrecy
// review that confirms or edits every span, and the JSON forms (internal and public).
#pragma once

#include <map>
#include <string>

#include "calendar/work_calendar.hpp"
#include "disclose/rules.hpp"
#include "documents/pdf.hpp"
#include "store/sql/disclosure_repo.hpp"

namespace lj::disclose {

// Chinese names of the penalty kinds of case facts (cases/facts.hpp).
std::string penalty_kind_zh(const std::string& kind);

// "罚款12800.00元；没收违法所得3000.00元；警告" from the facts' penalties; sets `fine_fen` to the
// sum of the fines. Empty when the facts record no penalty.
std::string penalty_text(const Json& facts, int64_t& fine_fen);

// Whether the case may be published as `kind` ("decision" | "typical_case"): decided with a
// penalty, not revoked; a decision also under a publishable procedure and not a warning alone.
// kConflict naming field case_id with the reason otherwise.
Status check_publishable(const DecisionSource& src, const std::string& kind,
                         const DisclosureRules& rules);

// The draft of a publication: summary fields from the case, its progress and facts; `text`
// (the decision document's text, or for a typical case its curated summary) or, for a decision
// without one, a text built from the case; the proposed masking (every span source "auto",
// decision null). The due day is `publish_within_working_days` after the decision day on the
// official calendar (provisional, weekends only, beyond the years it covers).
Result<Publication> draft(const DecisionSource& src, const std::string& kind,
                          const std::string& text, const DisclosureRules& rules,
                          const calendar::WorkCalendar* calendar);

// `p` with `text` as its body and the masking proposed anew (the party's name exempt).
Publication redraft(const Publication& p, const std::string& text);

// Applies a reviewer's decisions to a pending publication: `decisions` is the array
// [{"start":N,"end":N,"kind":"phone","decision":"mask"|"keep"}, ...]. Every proposed span needs
// a decision; a span not proposed is the reviewer's own and must be masked. Errors name the
// entry ("spans[2].end"). Returns the publication as published: status, masked_body, spans with
// decided_by / decided_at, reviewer, published_at = now.
Result<Publication> apply_review(const Publication& before, const Json& decisions,
                                 const Actor& reviewer, const std::string& now);

// The masked text the proposal would publish (every auto span masked), for the reviewer.
std::string masked_preview(const Publication& p);

// Internal form (reviewers, officers of the unit): everything, with `overdue` (pending past its
// due day at `today`) and `late` (published after it).
Json internal_json(const Publication& p, const std::string& today);

// Code names for the public form: violation and product_category codes to their Chinese names.
using CodeNames = std::map<std::string, std::string>;
// Public form: published fields only, the text masked; never the body or the spans.
Json public_json(const Publication& p, const CodeNames& names);

// The published decision as an official document (rendered by documents::render_pdf): the
// authority as issuer, the decision number, the masked text one paragraph a line, the date.
// Only published fields: the text before masking is never used.
documents::OfficialDocument public_document(const Publication& p);

// Money in fen as a decimal yuan string ("12800.00").
std::string yuan(int64_t fen);

}  // namespace lj::disclose
