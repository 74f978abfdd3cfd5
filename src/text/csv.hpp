// RFC 4180 CSV reading: comma-separated (or another one-byte separator), fields optionally in
// double quotes, "" inside quotes for a quote, quoted fields may hold separators and line breaks.
// Records end with LF or CRLF; a UTF-8 byte-order mark at the start is skipped. Bytes are passed
// through unchanged (the text is expected to be UTF-8; no validation here).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"

namespace lj {

class CsvReader {
 public:
  // `text` must outlive the reader.
  explicit CsvReader(std::string_view text, char separator = ',');

  // Reads the next record into `fields` (replacing its contents). Returns false at the end of
  // the input or on malformed input; then status() tells which. Blank lines are skipped.
  bool next(std::vector<std::string>& fields);

  // Ok, or kInvalidArgument naming the line of a malformed record (unterminated quote, text
  // after a closing quote).
  const Status& status() const { return status_; }
  // 1-based line on which the record last returned by next() starts.
  int64_t line() const { return record_line_; }

 private:
  std::string_view text_;
  char sep_;
  size_t pos_ = 0;
  int64_t line_ = 1;
  int64_t record_line_ = 0;
  Status status_;
};

// A whole CSV file with a header row, for small reference files.
struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // each as long as `header` (short rows padded)

  // Index of the header column `name`, or -1.
  int column(std::string_view name) const;
};

// Parses `text`; a record with more fields than the header is an error naming its line.
Result<CsvTable> parse_csv_table(std::string_view text, char separator = ',');

// Reads a whole file; kNotFound when it cannot be opened.
Result<std::string> read_text_file(const std::string& path);

}  // namespace lj
