// Streaming RFC 4180 CSV for import files of any size: records are read one at a time from a
// std::istream, and a malformed record is reported and skipped instead of ending the file
// (text/csv.hpp reads small reference files whole and stops at the first error).
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <istream>
#include <string>
#include <vector>

namespace lj::intake {

// One record: its fields, the physical line it starts on (1-based), and when it is malformed
// the reason (its fields are then unusable).
struct CsvRecord {
  std::vector<std::string> fields;
  int64_t line = 0;
  std::string malformed;  // empty for a good record
};

// Reads comma-separated records from `in`:
// - fields optionally in double quotes, "" inside quotes for a quote; a quoted field may hold
//   commas and line breaks (a CRLF inside quotes is read as LF);
// - records end with LF or CRLF; blank lines are skipped; a UTF-8 byte-order mark at the very
//   start is skipped (Excel writes one); a quote inside an unquoted field is taken literally;
// - malformed records are returned with `malformed` set, then reading resumes:
//   * text after a closing quote, or an unterminated quote (end of input, or the record
//     passing `max_record_bytes`): the malformed record is its first physical line only; when
//     it had run on over more lines (a stray quote opened a field), those lines are read again
//     as new records, so one stray quote costs one row, not the rest of the file.
// Memory is bounded by `max_record_bytes` plus one line. Not thread-safe.
class CsvStream {
 public:
  static constexpr size_t kDefaultMaxRecordBytes = 1 << 20;

  explicit CsvStream(std::istream& in, size_t max_record_bytes = kDefaultMaxRecordBytes);

  // Reads the next record; false at the end of the input (or when the stream failed: check
  // read_error()).
  bool next(CsvRecord& record);
  // True when reading stopped because the stream failed (not at a clean end of file).
  bool read_error() const { return in_.bad(); }

 private:
  // The next physical line without its LF (and the line number it has); false at the end.
  bool next_line(std::string& line, int64_t& number);
  // Ends `record` as malformed at its first line and queues its later lines to be read again.
  bool give_back(CsvRecord& record);

  std::istream& in_;
  size_t max_record_bytes_;
  int64_t line_ = 0;  // physical lines taken from the stream so far
  bool first_ = true;
  // Lines given back after an unterminated quote, read again before the stream.
  std::deque<std::pair<int64_t, std::string>> replay_;
  std::vector<std::pair<int64_t, std::string>> record_lines_;  // lines of the current record
  std::string line_buf_;
};

}  // namespace lj::intake
