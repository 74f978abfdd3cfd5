#include "text/csv.hpp"

#include <fstream>
#include <sstream>

namespace lj {

CsvReader::CsvReader(std::string_view text, char separator) : text_(text), sep_(separator) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

bool CsvReader::next(std::vector<std::string>& fields) {
  fields.clear();
  if (!status_.ok()) return false;
  // Skip blank lines between records.
  while (pos_ < text_.size() && (text_[pos_] == '\n' || text_[pos_] == '\r')) {
    if (text_[pos_] == '\n') ++line_;
    ++pos_;
  }
  if (pos_ >= text_.size()) return false;
  record_line_ = line_;

  std::string field;
  while (true) {
    if (pos_ < text_.size() && text_[pos_] == '"') {
      // Quoted field: up to the closing quote, then a separator, a line end or the input's end.
      ++pos_;
      while (true) {
        if (pos_ >= text_.size()) {
          status_ = Status::Invalid(
              "line", "unterminated quoted field starting on line " + std::to_string(record_line_));
          return false;
        }
        char c = text_[pos_++];
        if (c == '"') {
          if (pos_ < text_.size() && text_[pos_] == '"') {
            field += '"';
            ++pos_;
            continue;
          }
          break;
        }
        if (c == '\n') ++line_;
        field += c;
      }
      if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
      if (pos_ < text_.size() && text_[pos_] != sep_ && text_[pos_] != '\n') {
        status_ = Status::Invalid(
            "line", "text after a closing quote on line " + std::to_string(line_));
        return false;
      }
    } else {
      while (pos_ < text_.size() && text_[pos_] != sep_ && text_[pos_] != '\n') {
        field += text_[pos_++];
      }
      if (!field.empty() && field.back() == '\r' &&
          (pos_ >= text_.size() || text_[pos_] == '\n')) {
        field.pop_back();
      }
    }
    fields.push_back(std::move(field));
    field.clear();
    if (pos_ >= text_.size()) return true;
    if (text_[pos_] == sep_) {
      ++pos_;
      continue;
    }
    // Line feed: the record ends.
    ++pos_;
    ++line_;
    return true;
  }
}

int CsvTable::column(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

Result<CsvTable> parse_csv_table(std::string_view text, char separator) {
  CsvReader reader(text, separator);
  CsvTable table;
  if (!reader.next(table.header)) {
    if (!reader.status().ok()) return reader.status();
    return Status::Invalid("header", "CSV has no header row");
  }
  std::vector<std::string> row;
  while (reader.next(row)) {
    if (row.size() > table.header.size()) {
      return Status::Invalid("line", "line " + std::to_string(reader.line()) + " has " +
                                         std::to_string(row.size()) + " fields, the header " +
                                         std::to_string(table.header.size()));
    }
    row.resize(table.header.size());
    table.rows.push_back(std::move(row));
    row = {};
  }
  if (!reader.status().ok()) return reader.status();
  return table;
}

Result<std::string> read_text_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path);
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) return Status::Internal("cannot read " + path);
  return out.str();
}

}  // namespace lj
