// make_xlsx: writes a CSV file (header row first) as an XLSX workbook of one sheet, for the
// HTTP import tests and the XLSX import benchmark (Excel-like files without Excel).
//   make_xlsx IN.csv OUT.xlsx [--dates COL,COL...] [--numbers COL,...] [--inline]
// Cells are strings (shared strings, as Excel writes them; --inline writes inline strings in
// libxlsxwriter's constant-memory mode). Columns named by --dates hold dates (YYYY-MM-DD, or
// YYYY-MM-DDTHH:MM:SS) stored as serial numbers with a date format; --numbers columns hold
// numbers. Empty CSV fields are left as missing cells. A value that does not parse as its
// column's type is written as a string. Exit 1 on a read or write failure.
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

// One CSV record (RFC 4180: quotes, "" inside quotes, line breaks inside quotes).
bool read_record(std::istream& in, std::vector<std::string>& fields) {
  fields.clear();
  std::string field;
  bool quoted = false, any = false;
  char c;
  while (in.get(c)) {
    any = true;
    if (quoted) {
      if (c == '"') {
        if (in.peek() == '"') {
          in.get(c);
          field += '"';
        } else {
          quoted = false;
        }
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
    } else if (c == '\n') {
      break;
    } else if (c != '\r') {
      field += c;
    }
  }
  if (!any) return false;
  fields.push_back(std::move(field));
  return true;
}

std::set<std::string> split(const std::string& list) {
  std::set<std::string> out;
  std::stringstream ss(list);
  std::string item;
  while (std::getline(ss, item, ',')) out.insert(item);
  return out;
}

bool parse_datetime(const std::string& s, lxw_datetime& dt) {
  int y, mo, d, h = 0, mi = 0, se = 0;
  int n = std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &y, &mo, &d, &h, &mi, &se);
  if (n != 3 && n != 6) return false;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59) return false;
  dt = lxw_datetime{y, mo, d, h, mi, static_cast<double>(se)};
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::cerr << "usage: make_xlsx IN.csv OUT.xlsx [--dates COLS] [--numbers COLS] [--inline]\n";
    return 2;
  }
  std::set<std::string> dates, numbers;
  bool inline_strings = false;
  for (int i = 3; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--dates" && i + 1 < argc) dates = split(argv[++i]);
    else if (a == "--numbers" && i + 1 < argc) numbers = split(argv[++i]);
    else if (a == "--inline") inline_strings = true;
    else {
      std::cerr << "make_xlsx: unknown option " << a << "\n";
      return 2;
    }
  }
  std::ifstream in(argv[1], std::ios::binary);
  if (!in) {
    std::cerr << "make_xlsx: cannot read " << argv[1] << "\n";
    return 1;
  }
  lxw_workbook_options options = {};
  options.constant_memory = inline_strings ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* wb = workbook_new_opt(argv[2], &options);
  lxw_worksheet* ws = workbook_add_worksheet(wb, nullptr);
  lxw_format* date_fmt = workbook_add_format(wb);
  format_set_num_format(date_fmt, "yyyy-mm-dd");
  lxw_format* datetime_fmt = workbook_add_format(wb);
  format_set_num_format(datetime_fmt, "yyyy-mm-dd hh:mm:ss");

  std::vector<std::string> header, fields;
  if (!read_record(in, header)) {
    std::cerr << "make_xlsx: " << argv[1] << " is empty\n";
    return 1;
  }
  for (size_t c = 0; c < header.size(); ++c)
    worksheet_write_string(ws, 0, static_cast<lxw_col_t>(c), header[c].c_str(), nullptr);
  lxw_row_t row = 1;
  while (read_record(in, fields)) {
    for (size_t c = 0; c < fields.size(); ++c) {
      const std::string& v = fields[c];
      if (v.empty()) continue;
      const std::string name = c < header.size() ? header[c] : std::string();
      auto col = static_cast<lxw_col_t>(c);
      lxw_datetime dt;
      char* end = nullptr;
      if (dates.count(name) && parse_datetime(v, dt)) {
        bool whole = dt.hour == 0 && dt.min == 0 && dt.sec == 0;
        worksheet_write_datetime(ws, row, col, &dt, whole ? date_fmt : datetime_fmt);
      } else if (numbers.count(name) && (std::strtod(v.c_str(), &end), *end == '\0')) {
        worksheet_write_number(ws, row, col, std::strtod(v.c_str(), nullptr), nullptr);
      } else {
        worksheet_write_string(ws, row, col, v.c_str(), nullptr);
      }
    }
    ++row;
  }
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR) {
    std::cerr << "make_xlsx: writing " << argv[2] << " failed: " << lxw_strerror(err) << "\n";
    return 1;
  }
  return 0;
}
