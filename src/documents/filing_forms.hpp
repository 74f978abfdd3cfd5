// The 立案审批表 kept for every case waiting for its filing decision, so that the case procedure's
// `file` step finds it on file (docs/case-procedure.md, "Documents a step needs"). Used by
// `lijian demo`, whose cases wait in filing_review.
#pragma once

#include <string>

#include "store/store.hpp"

namespace lj::documents {

// Renders and keeps the filing approval form (document kind filing_approval, evidence kind
// documentary) for each case in filing_review that has none, as `actor`, writing the PDFs to
// the attachment store `attachments_dir`. Idempotent: returns how many it added.
Result<int> keep_filing_forms(Store& store, const Actor& actor, const std::string& attachments_dir);

}  // namespace lj::documents
