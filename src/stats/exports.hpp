// The campaign summary as an official table: XLSX with the merged multi-row header official
// tables use (libxlsxwriter), and PDF (cairo and pango through documents/pdf.hpp). Blocking:
// call from a worker thread.
#pragma once

#include <string>

#include "stats/summary.hpp"

namespace lj::stats {

// The workbook bytes: title row, unit and period row, a two-row header (the row header merged
// down, each group merged across its columns), one row per summary row; then a sheet of the
// typical cases. Money cells are numbers in 万元 with two decimals.
Result<std::string> to_xlsx(const SummaryTable& t);

// The summary as a PDF table with the same merged header (stats/pdf_table.hpp), then the
// typical cases.
Result<std::string> to_pdf(const SummaryTable& t);

}  // namespace lj::stats
