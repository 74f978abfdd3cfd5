// Import files as a stream of JSON objects, one per row, whatever the format: a CSV row becomes
// an object of its non-empty cells named by the header, an NDJSON line is parsed as it is. The
// record types then validate those objects exactly as the API validates a request body.
#pragma once

#include <cstdint>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "intake/csv_stream.hpp"
#include "model/model.hpp"

namespace lj::intake {

enum class Format { kCsv, kNdjson, kXlsx };

// ".csv" -> CSV; ".ndjson", ".jsonl" and "-" (stdin) -> NDJSON; ".xlsx" -> XLSX (read from a
// file by open_xlsx_rows, not from a stream); anything else kInvalidArgument.
Result<Format> format_for_path(const std::string& path);
// "csv", "ndjson" (or "jsonl"), "xlsx" -> the format; anything else kInvalidArgument on `field`.
Result<Format> parse_format(const std::string& name, const std::string& field = "format");
const char* format_name(Format format);

// The fields a kind of record admits, and those every row must have.
struct FieldSet {
  std::vector<std::string> allowed;
  std::vector<std::string> required;
};

// One row: the physical line it starts on and either its object or why it cannot be one.
struct Row {
  int64_t line = 0;
  Json object;
  // Set when the row is rejected before validation (malformed CSV, invalid JSON, a JSON value
  // that is not an object, a field that is not in the FieldSet); `field` may then be empty.
  std::string error_field, error_reason;
  bool bad() const { return !error_reason.empty(); }
};

class RowReader {
 public:
  virtual ~RowReader() = default;
  // Reads the next row; false at the end of the input.
  virtual bool next(Row& row) = 0;
  // Ok at a clean end; otherwise why the input could not be read to its end.
  virtual Status status() const = 0;
  // The part of the input read so far, 0..1, or a negative value when the reader cannot tell
  // (a stream of unknown length). Safe to call from another thread than next()'s.
  virtual double fraction_read() const { return -1; }
};

// Checks header names as every tabular format does and trims the spaces around them: every
// name must be in `fields.allowed` (unknown columns would be silently dropped data:
// kInvalidArgument naming them; an empty name is "(empty)"), every `fields.required` column
// present, no column twice.
Status check_header(std::vector<std::string>& names, const FieldSet& fields);

// Reads the header and checks it: every column must be in `fields.allowed` (unknown columns
// would be silently dropped data: kInvalidArgument naming them), every `fields.required`
// column present, no column twice. Empty cells are absent fields; a row with more cells than
// the header is rejected. `in` must outlive the reader.
Result<std::unique_ptr<RowReader>> open_csv_rows(std::istream& in, const FieldSet& fields);

// One JSON object per line; blank lines are skipped. A line that is not JSON, not an object or
// has a field outside `fields.allowed` is a bad row (required fields are the validator's job).
std::unique_ptr<RowReader> open_ndjson_rows(std::istream& in, const FieldSet& fields);

// CSV or NDJSON from `in` (XLSX is read from a file: open_xlsx_rows).
Result<std::unique_ptr<RowReader>> open_rows(std::istream& in, Format format,
                                             const FieldSet& fields);

}  // namespace lj::intake
