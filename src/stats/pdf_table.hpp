// The campaign summary as a PDF table (A4 landscape, cairo + pango, Noto CJK): title, unit and
// period, the two-row header with each group's cell spanning its columns and the row header
// spanning both rows, one ruled row per summary row; then the typical cases as a second table.
#pragma once

#include <string>

#include "stats/summary.hpp"

namespace lj::stats {

// PDF bytes (start with "%PDF"). Blocking: call from a worker thread.
Result<std::string> summary_pdf(const SummaryTable& t);

}  // namespace lj::stats
