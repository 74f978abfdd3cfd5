#include "intake/rows.hpp"

#include <algorithm>
#include <set>

namespace lj::intake {

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

class CsvRows final : public RowReader {
 public:
  CsvRows(std::unique_ptr<CsvStream> csv, std::vector<std::string> header)
      : csv_(std::move(csv)), header_(std::move(header)) {}

  bool next(Row& row) override {
    if (!csv_->next(record_)) return false;
    row.line = record_.line;
    row.error_field.clear();
    row.error_reason.clear();
    row.object = Json::object();
    if (!record_.malformed.empty()) {
      row.error_reason = "malformed CSV: " + record_.malformed;
      return true;
    }
    if (record_.fields.size() > header_.size()) {
      row.error_reason = "the row has " + std::to_string(record_.fields.size()) +
                         " fields; the header has " + std::to_string(header_.size());
      return true;
    }
    for (size_t i = 0; i < record_.fields.size(); ++i) {
      if (record_.fields[i].empty()) continue;
      row.object[header_[i]] = std::move(record_.fields[i]);
    }
    return true;
  }

  Status status() const override {
    if (csv_->read_error()) return Status{Code::kUnavailable, "reading the file failed"};
    return Status::Ok();
  }

 private:
  std::unique_ptr<CsvStream> csv_;
  std::vector<std::string> header_;
  CsvRecord record_;
};

class NdjsonRows final : public RowReader {
 public:
  NdjsonRows(std::istream& in, const FieldSet& fields)
      : in_(in), allowed_(fields.allowed.begin(), fields.allowed.end()) {}

  bool next(Row& row) override {
    for (;;) {
      if (!std::getline(in_, line_)) return false;
      ++number_;
      if (number_ == 1 && line_.compare(0, 3, "\xEF\xBB\xBF") == 0) line_.erase(0, 3);
      if (std::all_of(line_.begin(), line_.end(),
                      [](char c) { return c == ' ' || c == '\t' || c == '\r'; }))
        continue;
      break;
    }
    row.line = number_;
    row.error_field.clear();
    row.error_reason.clear();
    row.object = Json::parse(line_, nullptr, false);
    if (row.object.is_discarded()) {
      row.error_reason = "not valid JSON";
      row.object = Json::object();
    } else if (!row.object.is_object()) {
      row.error_reason =
          std::string("each line must be one JSON object, not ") + row.object.type_name();
      row.object = Json::object();
    } else {
      for (const auto& [key, value] : row.object.items()) {
        if (!allowed_.count(key)) {
          row.error_field = key;
          row.error_reason = "unknown field '" + key + "'";
          break;
        }
      }
    }
    return true;
  }

  Status status() const override {
    if (in_.bad()) return Status{Code::kUnavailable, "reading the input failed"};
    return Status::Ok();
  }

 private:
  std::istream& in_;
  std::set<std::string> allowed_;
  std::string line_;
  int64_t number_ = 0;
};

}  // namespace

Result<Format> format_for_path(const std::string& path) {
  if (path == "-" || ends_with(path, ".ndjson") || ends_with(path, ".jsonl"))
    return Format::kNdjson;
  if (ends_with(path, ".csv")) return Format::kCsv;
  if (ends_with(path, ".xlsx")) return Format::kXlsx;
  return Status::Invalid("FILE", "cannot tell the format of " + path +
                                     ": name it .csv, .ndjson, .jsonl or .xlsx (or - for NDJSON "
                                     "on stdin)");
}

Result<Format> parse_format(const std::string& name, const std::string& field) {
  if (name == "csv") return Format::kCsv;
  if (name == "ndjson" || name == "jsonl") return Format::kNdjson;
  if (name == "xlsx") return Format::kXlsx;
  return Status::Invalid(field, "format must be csv, ndjson or xlsx, not '" + name + "'");
}

const char* format_name(Format format) {
  switch (format) {
    case Format::kCsv: return "csv";
    case Format::kNdjson: return "ndjson";
    case Format::kXlsx: return "xlsx";
  }
  return "csv";
}

Status check_header(std::vector<std::string>& names, const FieldSet& fields) {
  std::set<std::string> allowed(fields.allowed.begin(), fields.allowed.end());
  std::set<std::string> seen;
  std::vector<std::string> unknown, twice, missing;
  for (std::string& name : names) {
    // Header cells are names: trim the spaces spreadsheet users leave around them.
    name.erase(0, name.find_first_not_of(" \t"));
    name.erase(name.find_last_not_of(" \t") + 1);
    if (!allowed.count(name)) unknown.push_back(name.empty() ? "(empty)" : name);
    if (!seen.insert(name).second) twice.push_back(name);
  }
  for (const auto& r : fields.required)
    if (!seen.count(r)) missing.push_back(r);
  if (!missing.empty())
    return Status::Invalid("header", "the header lacks the required column" +
                                         std::string(missing.size() > 1 ? "s " : " ") +
                                         join(missing));
  if (!unknown.empty())
    return Status::Invalid(
        "header", "unknown column" + std::string(unknown.size() > 1 ? "s " : " ") + join(unknown) +
                      " (allowed: " + join(fields.allowed) + ")");
  if (!twice.empty()) return Status::Invalid("header", "column " + join(twice) + " appears twice");
  return Status::Ok();
}

Result<std::unique_ptr<RowReader>> open_csv_rows(std::istream& in, const FieldSet& fields) {
  auto csv = std::make_unique<CsvStream>(in);
  CsvRecord header;
  if (!csv->next(header)) {
    if (in.bad()) return Status{Code::kUnavailable, "reading the file failed"};
    return Status::Invalid("header", "the file is empty: the first line must name the columns");
  }
  if (!header.malformed.empty())
    return Status::Invalid("header", "the header row is malformed CSV: " + header.malformed);
  LJ_RETURN_IF_ERROR(check_header(header.fields, fields));
  return std::unique_ptr<RowReader>(new CsvRows(std::move(csv), std::move(header.fields)));
}

std::unique_ptr<RowReader> open_ndjson_rows(std::istream& in, const FieldSet& fields) {
  return std::make_unique<NdjsonRows>(in, fields);
}

Result<std::unique_ptr<RowReader>> open_rows(std::istream& in, Format format,
                                             const FieldSet& fields) {
  if (format == Format::kNdjson) return open_ndjson_rows(in, fields);
  if (format == Format::kXlsx)
    return Status::Invalid("FILE", "an XLSX file is read from a path, not a stream");
  return open_csv_rows(in, fields);
}

}  // namespace lj::intake
