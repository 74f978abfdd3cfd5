// XLSX import files (Office Open XML spreadsheets) as the same RowReader as CSV: the first
// worksheet of the workbook, its first non-empty row naming the columns. The zip archive is
// read with libzip and every part is parsed with expat as a stream (SAX), so a sheet of a
// million rows is never held in memory: only the shared strings table and the rows of one
// 64 KiB chunk of the sheet are.
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "intake/rows.hpp"

namespace lj::intake {

// Limits against hostile files. A zip bomb is refused by the uncompressed sizes of the parts
// read (as declared, and as counted while inflating); the shared strings table is the one part
// held in memory.
struct XlsxLimits {
  int64_t max_uncompressed_bytes = int64_t{4} << 30;   // all parts read, together
  int64_t max_shared_strings = 10'000'000;             // entries of xl/sharedStrings.xml
  int64_t max_shared_string_bytes = int64_t{512} << 20;  // their text, together
};

// Opens `path` and checks the header row as open_csv_rows does (unknown, missing and repeated
// columns are kInvalidArgument naming them; an empty header cell is "(empty)"). Cells become
// strings as a spreadsheet user sees them:
// - shared and inline strings as written; numbers as the sheet stores them ("150404", "12.5");
//   booleans "true"/"false"; formula results as their cached value;
// - numbers in a cell whose style is a date (built-in formats 14-22, 45-47, or a custom format
//   with date or time codes) as ISO 8601: "2018-04-01" for whole days, else
//   "2018-04-01T09:30:00" (the workbook's 1900 or 1904 date system);
// - missing and empty cells are absent fields; a cell with an error value (#N/A) rejects its
//   row naming the field; a value right of the header's last column rejects its row.
// Row::line is the sheet's row number (the header's is usually 1). Rows without any value are
// skipped. Errors: a file that is not a zip archive, lacks the parts of a workbook, is not
// well-formed XML or passes `limits` is kInvalidArgument with field "FILE" and the reason.
Result<std::unique_ptr<RowReader>> open_xlsx_rows(const std::string& path, const FieldSet& fields,
                                                  const XlsxLimits& limits = {});

// The ISO 8601 text of an Excel serial date (days since 1899-12-30, or since 1904-01-01 when
// `date1904`; the fraction is the time of day, rounded to the second): a date when the serial
// is whole, else a date-time. Empty when the serial is outside years 1900-9999.
std::string excel_serial_to_iso(double serial, bool date1904);

// True when an Excel number format code shows a date or a time (y, m, d, h or s outside
// quoted text, escapes and [colour]/[condition] sections; "[h]" elapsed hours count).
bool is_date_format(const std::string& code);

}  // namespace lj::intake
