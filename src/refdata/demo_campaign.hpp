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
};

// Runs after load_demo and documents::keep_filing_forms on the store at `db_url` (opened anew
// with a clock the steps set). Only cases in filing_review opened in 2018 in the units of the
// demo officers (150404, 150402, 150102) are taken, each by its unit's officer and the leader
// above it; which steps a case gets is decided by a hash of its case number and `seed`.
// Idempotent: a case no longer in filing_review is left alone, so a second run adds nothing.
// PDFs of the decisions are written to `attachments_dir`.
Result<CampaignSummary> run_demo_campaign(const std::string& db_url, const std::string& data_dir,
                                          const std::string& attachments_dir, uint64_t seed = 2018);

}  // namespace lj::refdata
