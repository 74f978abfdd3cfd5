#include "intake/xlsx_rows.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <string_view>
#include <utility>

#include "intake/xlsx_parts.hpp"

namespace lj::intake {

namespace {

using xlsx::Archive;
using xlsx::attr;
using xlsx::bad_file;
using xlsx::kChunk;
using xlsx::RelsSax;
using xlsx::Sax;
using xlsx::SharedStringsSax;
using xlsx::StylesSax;
using xlsx::WorkbookSax;

// "BC12" -> column 54 (0-based) and row 12; false when it is not an A1 reference.
bool parse_ref(std::string_view ref, int64_t& col, int64_t& row) {
  size_t i = 0;
  int64_t c = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 4) c = c * 26 + (ref[i++] - 'A' + 1);
  if (i == 0 || i == ref.size()) return false;
  int64_t r = 0;
  for (; i < ref.size(); ++i) {
    if (ref[i] < '0' || ref[i] > '9' || r > 100'000'000) return false;
    r = r * 10 + (ref[i] - '0');
  }
  col = c - 1;
  row = r;
  return true;
}

std::string column_letters(int64_t col) {
  std::string s;
  for (int64_t c = col + 1; c > 0; c = (c - 1) / 26) s.insert(s.begin(), char('A' + (c - 1) % 26));
  return s;
}

// A number as a spreadsheet shows it: writers store doubles with 17 significant digits
// ("0.65000000000000002"), a user sees 15 ("0.65"). Integers and anything else stay as written.
std::string number_text(const std::string& raw) {
  if (raw.find_first_of(".eE") == std::string::npos) return raw;
  char* end = nullptr;
  double v = std::strtod(raw.c_str(), &end);
  if (end == raw.c_str() || *end != '\0' || !std::isfinite(v)) return raw;
  char out[40];
  std::snprintf(out, sizeof out, "%.15g", v);
  std::string shown = out;
  // Keep very large and very small numbers as written rather than in exponent notation.
  return shown.find('e') == std::string::npos ? shown : raw;
}

// One cell with a value, as the sheet parser collects it.
struct Cell {
  int64_t col = 0;
  std::string value;
  std::string error;  // an error value (#N/A, #DIV/0!) instead of a value
};

struct SheetRow {
  int64_t number = 0;
  std::vector<Cell> cells;
};

// The worksheet: emits each <row> with its non-empty cells as the chunks arrive.
class SheetSax final : public Sax {
 public:
  SheetSax(std::string part, const std::vector<std::string>& strings,
           const std::vector<bool>& date_style, bool date1904)
      : Sax(std::move(part)), strings_(strings), date_style_(date_style), date1904_(date1904) {}
  std::deque<SheetRow> ready;

 protected:
  void on_start(std::string_view name, const char** attrs) override {
    if (name == "row") {
      const char* r = attr(attrs, "r");
      row_.number = r != nullptr ? std::atoll(r) : row_.number + 1;
      row_.cells.clear();
      col_ = -1;
    } else if (name == "c") {
      const char* r = attr(attrs, "r");
      int64_t c = 0, rn = 0;
      col_ = (r != nullptr && parse_ref(r, c, rn)) ? c : col_ + 1;
      const char* t = attr(attrs, "t");
      type_ = t == nullptr ? "n" : t;
      const char* s = attr(attrs, "s");
      style_ = s == nullptr ? 0 : std::atoi(s);
      text_.clear();
    } else if (name == "v") {
      in_v_ = true;
    } else if (name == "is") {
      in_is_ = true;
    } else if (name == "rPh") {
      ++in_phonetic_;
    } else if (name == "t" && in_is_ && in_phonetic_ == 0) {
      in_t_ = true;
    }
  }

  void on_end(std::string_view name) override {
    if (name == "v") {
      in_v_ = false;
    } else if (name == "t") {
      in_t_ = false;
    } else if (name == "rPh") {
      --in_phonetic_;
    } else if (name == "is") {
      in_is_ = false;
    } else if (name == "c") {
      end_cell();
    } else if (name == "row") {
      if (!row_.cells.empty()) ready.push_back(std::move(row_));
      row_.cells.clear();
    }
  }

  void on_text(std::string_view s) override {
    if (in_v_ || in_t_) text_.append(s);
  }

 private:
  void end_cell() {
    Cell cell;
    cell.col = col_;
    if (type_ == "s") {
      char* end = nullptr;
      long idx = std::strtol(text_.c_str(), &end, 10);
      if (text_.empty() || *end != '\0' || idx < 0 || static_cast<size_t>(idx) >= strings_.size())
        return fail(bad_file(part() + ": cell " + column_letters(col_) +
                             std::to_string(row_.number) + " refers to shared string '" + text_ +
                             "', which the workbook does not have"));
      cell.value = strings_[static_cast<size_t>(idx)];
    } else if (type_ == "b") {
      cell.value = text_ == "1" || text_ == "true" ? "true" : "false";
      if (text_.empty()) cell.value.clear();
    } else if (type_ == "e") {
      cell.error = text_.empty() ? "#ERROR" : text_;
    } else if (type_ == "n" && !text_.empty() && style_ >= 0 &&
               static_cast<size_t>(style_) < date_style_.size() && date_style_[style_]) {
      char* end = nullptr;
      double serial = std::strtod(text_.c_str(), &end);
      std::string iso = *end == '\0' ? excel_serial_to_iso(serial, date1904_) : std::string();
      cell.value = iso.empty() ? text_ : iso;
    } else if (type_ == "n") {
      cell.value = number_text(text_);
    } else {
      cell.value = std::move(text_);  // "str" and "inlineStr" text, "d" (ISO dates)
    }
    text_.clear();
    if (cell.value.empty() && cell.error.empty()) return;
    row_.cells.push_back(std::move(cell));
  }

  const std::vector<std::string>& strings_;
  const std::vector<bool>& date_style_;
  bool date1904_;
  SheetRow row_;
  int64_t col_ = -1;
  std::string type_;
  int style_ = 0;
  std::string text_;
  bool in_v_ = false, in_is_ = false, in_t_ = false;
  int in_phonetic_ = 0;
};

class XlsxRows final : public RowReader {
 public:
  XlsxRows(std::unique_ptr<Archive> archive, std::vector<std::string> strings,
           std::vector<bool> date_style, bool date1904, std::string sheet_name,
           std::unique_ptr<Archive::Part> sheet)
      : archive_(std::move(archive)),
        strings_(std::move(strings)),
        date_style_(std::move(date_style)),
        sheet_(std::move(sheet)),
        sax_(std::move(sheet_name), strings_, date_style_, date1904),
        buf_(kChunk, '\0') {}

  // Reads up to the header row and checks it.
  Status read_header(const FieldSet& fields) {
    SheetRow row;
    if (!next_sheet_row(row)) {
      LJ_RETURN_IF_ERROR(status_);
      return Status::Invalid("header", "the sheet is empty: its first row must name the columns");
    }
    for (const Cell& c : row.cells) {
      if (static_cast<size_t>(c.col) >= header_.size()) header_.resize(c.col + 1);
      header_[c.col] = c.error.empty() ? c.value : c.error;
    }
    return check_header(header_, fields);
  }

  bool next(Row& row) override {
    SheetRow sheet_row;
    if (!next_sheet_row(sheet_row)) return false;
    row.line = sheet_row.number;
    row.error_field.clear();
    row.error_reason.clear();
    row.object = Json::object();
    for (Cell& c : sheet_row.cells) {
      std::string ref = column_letters(c.col) + std::to_string(sheet_row.number);
      if (static_cast<size_t>(c.col) >= header_.size()) {
        row.error_reason = "cell " + ref + " has a value right of the header's last column";
        return true;
      }
      if (!c.error.empty()) {
        row.error_field = header_[c.col];
        row.error_reason = "cell " + ref + " holds the error value " + c.error;
        return true;
      }
      row.object[header_[c.col]] = std::move(c.value);
    }
    return true;
  }

  Status status() const override { return status_; }
  double fraction_read() const override { return sheet_->fraction(); }

 private:
  bool next_sheet_row(SheetRow& row) {
    while (sax_.ready.empty()) {
      if (done_ || !status_.ok()) return false;
      Result<size_t> n = sheet_->read(buf_.data(), buf_.size());
      if (!n.ok()) {
        status_ = n.status();
        return false;
      }
      if (Status st = sax_.feed(buf_.data(), *n, *n == 0); !st.ok()) {
        status_ = st;
        return false;
      }
      if (*n == 0) done_ = true;
    }
    row = std::move(sax_.ready.front());
    sax_.ready.pop_front();
    return true;
  }

  std::unique_ptr<Archive> archive_;
  std::vector<std::string> strings_;
  std::vector<bool> date_style_;
  std::unique_ptr<Archive::Part> sheet_;
  SheetSax sax_;
  std::string buf_;
  std::vector<std::string> header_;
  Status status_;
  bool done_ = false;
};

// Days since 1970-01-01 -> civil date (H. Hinnant's algorithm).
void civil_from_days(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

}  // namespace

std::string excel_serial_to_iso(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial > 2958466) return {};
  // Excel's 1900 system counts a 29 February 1900 that never was: serials before it are one
  // day later than days since 1899-12-30 say.
  if (!date1904 && serial < 61) serial += 1;
  int64_t seconds = std::llround(serial * 86400.0);
  int64_t days = seconds / 86400;
  int64_t rest = seconds % 86400;
  const int64_t epoch = date1904 ? -24107 : -25569;  // 1904-01-01, 1899-12-30
  int64_t y;
  unsigned m, d;
  civil_from_days(epoch + days, y, m, d);
  if (y < 1900 || y > 9999) return {};
  char out[32];
  if (rest == 0) {
    std::snprintf(out, sizeof out, "%04d-%02u-%02u", static_cast<int>(y), m, d);
  } else {
    std::snprintf(out, sizeof out, "%04d-%02u-%02uT%02d:%02d:%02d", static_cast<int>(y), m, d,
                  static_cast<int>(rest / 3600), static_cast<int>(rest / 60 % 60),
                  static_cast<int>(rest % 60));
  }
  return out;
}

bool is_date_format(const std::string& code) {
  for (size_t i = 0; i < code.size(); ++i) {
    char c = code[i];
    if (c == '"') {
      size_t close = code.find('"', i + 1);
      if (close == std::string::npos) return false;
      i = close;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal (or padding)
    } else if (c == '[') {
      size_t close = code.find(']', i + 1);
      if (close == std::string::npos) return false;
      std::string_view inner(code.data() + i + 1, close - i - 1);
      if (inner == "h" || inner == "hh" || inner == "m" || inner == "mm" || inner == "s" ||
          inner == "ss")
        return true;  // elapsed time
      i = close;
    } else if (c == ';') {
      return false;  // only the first section decides
    } else {
      char l = static_cast<char>(c | 0x20);
      if (l == 'y' || l == 'm' || l == 'd' || l == 'h' || l == 's') return true;
    }
  }
  return false;
}

Result<std::unique_ptr<RowReader>> open_xlsx_rows(const std::string& path, const FieldSet& fields,
                                                  const XlsxLimits& limits) {
  auto archive = std::make_unique<Archive>();
  archive->set_limit(limits.max_uncompressed_bytes);
  LJ_RETURN_IF_ERROR(archive->open(path, limits.max_uncompressed_bytes));
  if (!archive->has("xl/workbook.xml"))
    return bad_file(path + " is not an XLSX workbook: it has no xl/workbook.xml");

  WorkbookSax workbook("xl/workbook.xml");
  LJ_RETURN_IF_ERROR(archive->parse("xl/workbook.xml", workbook));
  RelsSax rels("xl/_rels/workbook.xml.rels");
  if (archive->has("xl/_rels/workbook.xml.rels"))
    LJ_RETURN_IF_ERROR(archive->parse("xl/_rels/workbook.xml.rels", rels));

  std::string sheet = "xl/worksheets/sheet1.xml";
  if (auto it = rels.targets.find(workbook.first_sheet_rel); it != rels.targets.end())
    sheet = it->second;
  if (!archive->has(sheet)) return bad_file(path + " has no worksheet (" + sheet + ")");

  std::string styles_part = rels.styles.empty() ? "xl/styles.xml" : rels.styles;
  StylesSax styles(styles_part);
  if (archive->has(styles_part)) LJ_RETURN_IF_ERROR(archive->parse(styles_part, styles));

  std::string strings_part = rels.shared_strings.empty() ? "xl/sharedStrings.xml"
                                                         : rels.shared_strings;
  SharedStringsSax strings(strings_part, limits);
  if (archive->has(strings_part)) LJ_RETURN_IF_ERROR(archive->parse(strings_part, strings));

  LJ_ASSIGN_OR_RETURN(std::unique_ptr<Archive::Part> part, archive->open_part(sheet));
  auto rows = std::make_unique<XlsxRows>(std::move(archive), std::move(strings.strings),
                                         std::move(styles.date_style), workbook.date1904, sheet,
                                         std::move(part));
  LJ_RETURN_IF_ERROR(rows->read_header(fields));
  return std::unique_ptr<RowReader>(std::move(rows));
}

}  // namespace lj::intake
