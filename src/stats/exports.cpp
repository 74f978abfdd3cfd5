#include "stats/exports.hpp"

#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "stats/pdf_table.hpp"

namespace lj::stats {
namespace {

// A temporary file removed on scope exit (libxlsxwriter writes to a path).
struct TempFile {
  std::string path;
  TempFile() {
    std::random_device rd;
    path = (std::filesystem::temp_directory_path() /
            ("lijian-stats-" + std::to_string(rd()) + std::to_string(rd()) + ".xlsx"))
               .string();
  }
  ~TempFile() {
    std::error_code ec;
    std::filesystem::remove(path, ec);
  }
};

}  // namespace

Result<std::string> to_xlsx(const SummaryTable& t) {
  TempFile file;
  lxw_workbook* wb = workbook_new(file.path.c_str());
  if (!wb) return Status::Internal("cannot create the workbook");
  lxw_worksheet* ws = workbook_add_worksheet(wb, "专项汇总");
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 16);
  format_set_align(title, LXW_ALIGN_CENTER);
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_border(head, LXW_BORDER_THIN);
  format_set_align(head, LXW_ALIGN_CENTER);
  format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(head);
  lxw_format* cell = workbook_add_format(wb);
  format_set_border(cell, LXW_BORDER_THIN);
  lxw_format* money = workbook_add_format(wb);
  format_set_border(money, LXW_BORDER_THIN);
  format_set_num_format(money, "0.00");

  size_t ncols = 0;
  for (const auto& g : t.groups) ncols += g.columns.size();
  const auto last = static_cast<lxw_col_t>(ncols);
  worksheet_merge_range(ws, 0, 0, 0, last, t.title.c_str(), title);
  const std::string sub = "填报单位：" + t.unit_name + "　　统计期间：" + t.period_label;
  worksheet_merge_range(ws, 1, 0, 1, last, sub.c_str(), nullptr);
  worksheet_merge_range(ws, 2, 0, 3, 0, t.row_header.c_str(), head);
  worksheet_set_column(ws, 0, 0, 36, nullptr);
  worksheet_set_column(ws, 1, last, 12, nullptr);
  lxw_col_t col = 1;
  std::vector<bool> is_money;
  for (const auto& g : t.groups) {
    const auto first = col, end = static_cast<lxw_col_t>(col + g.columns.size() - 1);
    if (end > first) worksheet_merge_range(ws, 2, first, 2, end, g.label.c_str(), head);
    else worksheet_write_string(ws, 2, first, g.label.c_str(), head);
    for (const auto& c : g.columns) {
      worksheet_write_string(ws, 3, col++, c.label.c_str(), head);
      is_money.push_back(c.money);
    }
  }
  for (size_t r = 0; r < t.row_labels.size(); ++r) {
    const auto row = static_cast<lxw_row_t>(4 + r);
    worksheet_write_string(ws, row, 0, t.row_labels[r].c_str(), cell);
    for (size_t c = 0; c < ncols; ++c) {
      const auto at = static_cast<lxw_col_t>(c + 1);
      if (is_money[c])
        worksheet_write_number(ws, row, at, std::stod(wan_yuan(t.cells[r][c])), money);
      else
        worksheet_write_number(ws, row, at, static_cast<double>(t.cells[r][c]), cell);
    }
  }
  lxw_worksheet* cases = workbook_add_worksheet(wb, "典型案例");
  const char* heads[] = {"案件编号", "案件名称", "办案单位", "立案月份", "结案月份", "大案要案",
                         "罚款（万元）", "货值（万元）", "违法所得（万元）"};
  for (lxw_col_t i = 0; i < 9; ++i) worksheet_write_string(cases, 0, i, heads[i], head);
  for (size_t i = 0; i < t.typical_cases.size(); ++i) {
    const auto& c = t.typical_cases[i];
    const auto row = static_cast<lxw_row_t>(i + 1);
    worksheet_write_string(cases, row, 0, c.case_no.c_str(), cell);
    worksheet_write_string(cases, row, 1, c.title.c_str(), cell);
    worksheet_write_string(cases, row, 2, c.unit_name.c_str(), cell);
    worksheet_write_string(cases, row, 3, c.filed_month.c_str(), cell);
    worksheet_write_string(cases, row, 4, c.closed_month.c_str(), cell);
    worksheet_write_string(cases, row, 5, c.major ? "是" : "否", cell);
    worksheet_write_number(cases, row, 6, std::stod(wan_yuan(c.fines_fen)), money);
    worksheet_write_number(cases, row, 7, std::stod(wan_yuan(c.goods_value_fen)), money);
    worksheet_write_number(cases, row, 8, std::stod(wan_yuan(c.illegal_income_fen)), money);
  }
  if (lxw_error err = workbook_close(wb); err != LXW_NO_ERROR)
    return Status::Internal(std::string("writing the workbook: ") + lxw_strerror(err));
  std::ifstream in(file.path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

Result<std::string> to_pdf(const SummaryTable& t) { return summary_pdf(t); }

}  // namespace lj::stats
