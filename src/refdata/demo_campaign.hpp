// The demo's campaign year: takes a share of the demo cases of 2018 through the real case
// procedure (cases::take_action with the procedure's checks, the documents each step needs, the
// case facts with their integrity flags, the disclosure workflow), with the store's clock set to
// each step's day so that deadlines, timeliness and monthly figures fall over 2018.
#pragma once

#include <cstdint>
#include <string>

#include "core/status.hpp"

namespace lj::refdata {

struct CampaignSummary {
  int filed = 0, not_filed = 0, decided = 0, transferred = 0, closed = 0, published = 0;
  int supervised = 0, listed = 0, typical_cases = 0;
};

// Runs after load_demo and documents::keep_filing_forms on the store at `db_url` (opened anew
// with a clock the steps set). Only cases in filing_review opened in 2018 of 新城区 (150102) and
// of the counties of 赤峰 (150400) but two left zero-case (150421, 150424) are taken, each by an
// officer of its unit (demo_officer_<code> is created where the demo has none) and the leader
// above it; which steps a case gets is decided by a hash of its case number and `seed`. The
// league supervises two cases, one party is listed as seriously dishonest, one decision is also
// published as a typical case. Idempotent: a case no longer in filing_review is left alone and
// existing users are kept, so a second run adds nothing. PDFs of the decisions are written to
// `attachments_dir`.
Result<CampaignSummary> run_demo_campaign(const std::string& db_url, const std::string& data_dir,
                                          const std::string& attachments_dir, uint64_t seed = 2018);

}  // namespace lj::refdata
