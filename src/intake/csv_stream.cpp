#include "intake/csv_stream.hpp"

#include <cstring>

namespace lj::intake {

CsvStream::CsvStream(std::istream& in, size_t max_record_bytes)
    : in_(in), max_record_bytes_(max_record_bytes) {}

bool CsvStream::next_line(std::string& line, int64_t& number) {
  if (!replay_.empty()) {
    number = replay_.front().first;
    line = std::move(replay_.front().second);
    replay_.pop_front();
    return true;
  }
  if (!std::getline(in_, line)) return false;
  number = ++line_;
  if (first_) {
    first_ = false;
    if (line.compare(0, 3, "\xEF\xBB\xBF") == 0) line.erase(0, 3);
  }
  return true;
}

bool CsvStream::give_back(CsvRecord& record) {
  record.fields.clear();
  for (size_t i = record_lines_.size(); i-- > 1;)
    replay_.emplace_front(record_lines_[i].first, std::move(record_lines_[i].second));
  record_lines_.clear();
  return true;
}

bool CsvStream::next(CsvRecord& record) {
  record.fields.clear();
  record.malformed.clear();
  std::string& line = line_buf_;
  int64_t number = 0;
  // Skip blank lines (a lone CR is blank too).
  for (;;) {
    if (!next_line(line, number)) return false;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) break;
  }
  record.line = number;
  record_lines_.clear();
  size_t record_bytes = 0;
  bool keep_lines = false;  // a quoted field spans lines: keep them for a replay

  std::string field;
  size_t pos = 0;
  for (;;) {
    // At the start of a field.
    if (pos < line.size() && line[pos] == '"') {
      ++pos;
      // Quoted field: up to the closing quote, across lines.
      for (;;) {
        const char* start = line.data() + pos;
        const void* q = std::memchr(start, '"', line.size() - pos);
        if (q == nullptr) {
          // The line ends inside quotes: the field holds a line break and goes on.
          field.append(start, line.size() - pos);
          field += '\n';
          record_bytes += line.size() + 1;
          if (!keep_lines) {
            keep_lines = true;
            record_lines_.emplace_back(record.line, line);
          }
          int64_t n = 0;
          bool more = next_line(line, n);
          if (more) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            record_lines_.emplace_back(n, line);
          }
          if (!more || record_bytes > max_record_bytes_) {
            record.malformed =
                more ? "a quoted field runs past " + std::to_string(max_record_bytes_) + " bytes"
                     : "unterminated quoted field";
            return give_back(record);
          }
          pos = 0;
          continue;
        }
        size_t at = static_cast<size_t>(static_cast<const char*>(q) - line.data());
        field.append(line, pos, at - pos);
        pos = at + 1;
        if (pos < line.size() && line[pos] == '"') {
          field += '"';
          ++pos;
          continue;
        }
        break;
      }
      if (pos < line.size() && line[pos] != ',') {
        record.malformed = "text after a closing quote";
        return keep_lines ? give_back(record) : (record.fields.clear(), true);
      }
    } else {
      size_t end = line.find(',', pos);
      if (end == std::string::npos) end = line.size();
      field.append(line, pos, end - pos);
      pos = end;
    }
    record.fields.push_back(std::move(field));
    field.clear();
    if (pos >= line.size()) return true;
    ++pos;                     // the comma
    if (pos >= line.size()) {  // a trailing comma: one more, empty field
      record.fields.emplace_back();
      return true;
    }
  }
}

}  // namespace lj::intake
