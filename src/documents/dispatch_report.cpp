#include "documents/dispatch_report.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <fstream>
#include <sstream>

namespace lj::documents {
namespace {

std::string n(int64_t v) {
  return std::to_string(v);
}

const char* kDeadlineNames[][2] = {{"filing_decision", "立案审查期限"},
                                   {"case_decision", "办案期限"},
                                   {"legal_review", "法制审核期限"},
                                   {"statement", "陈述申辩期限"},
                                   {"transfer_approval", "移送审批期限"},
                                   {"seizure", "查封扣押期限"},
                                   {"evidence_preservation", "先行登记保存处理期限"}};

std::string deadline_name(const std::string& kind) {
  for (const auto& k : kDeadlineNames)
    if (kind == k[0]) return k[1];
  return kind;
}

std::string level_name(const std::string& level) {
  return level == "city" ? "盟市" : level == "county" ? "旗县区" : level;
}

std::string numbered(const std::string& heading, const std::vector<std::string>& items,
                     const std::string& none) {
  if (items.empty()) return heading + none;
  std::string s = heading;
  for (size_t i = 0; i < items.size(); ++i)
    s += "（" + n(static_cast<int64_t>(i + 1)) + "）" + items[i];
  return s;
}

// A temporary file libxlsxwriter writes to, read back and removed.
class TempFile {
 public:
  TempFile() {
    char name[] = "/tmp/lijian-xlsx-XXXXXX";
    int fd = mkstemp(name);
    if (fd >= 0) {
      close(fd);
      path_ = name;
    }
  }
  ~TempFile() {
    if (!path_.empty()) std::remove(path_.c_str());
  }
  const std::string& path() const { return path_; }
  Result<std::string> read() const {
    std::ifstream in(path_, std::ios::binary);
    if (!in) return Status{Code::kUnavailable, "cannot read " + path_};
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

 private:
  std::string path_;
};

}  // namespace

std::string dispatch_title(const evaluate::DispatchReport& r) {
  return r.month.name_zh() + "执法打假工作调度情况";
}

OfficialDocument dispatch_document(const evaluate::DispatchReport& r, const std::string& date) {
  OfficialDocument d;
  d.issuer = r.unit_name;
  d.title = dispatch_title(r);
  d.number = "（" + r.month.name_zh() + "调度会材料）";
  d.subject = "dispatch report " + r.unit_code + " " + r.month.code();
  std::string sources;
  for (const auto& s : r.leads_by_source)
    sources += (sources.empty() ? "" : "；") + s.name + " " + n(s.count);
  d.form.push_back({"统计期间", r.month.from() + " 至 " + r.month.to()});
  d.form.push_back(
      {"新增线索", n(r.total.leads) + " 条" + (sources.empty() ? "" : "（" + sources + "）")});
  d.form.push_back({"立案 / 结案", n(r.total.filed) + " 件 / " + n(r.total.closed) + " 件"});
  d.form.push_back({"超期事项", n(static_cast<int64_t>(r.overdue.size())) + " 项"});
  d.form.push_back({"督办案件", n(static_cast<int64_t>(r.supervised.size())) + " 件"});
  for (const auto& u : r.units)
    d.form.push_back({u.name, "新增线索 " + n(u.leads) + "，立案 " + n(u.filed) + "，结案 " +
                                  n(u.closed) + "，超期 " + n(u.overdue) + "，督办 " +
                                  n(u.supervised)});
  std::vector<std::string> overdue;
  for (const auto& o : r.overdue)
    overdue.push_back(o.unit_name + " " + o.case_no + " " + deadline_name(o.kind) + "于" +
                      o.due_on + "届满，至月末超期 " + n(o.days_overdue) + " 日。");
  d.paragraphs.push_back(numbered("一、超期事项。", overdue, "本月无超期事项。"));
  std::vector<std::string> supervised;
  for (const auto& s : r.supervised)
    supervised.push_back(
        s.unit_name + " " + s.case_no + "“" + s.title + "”，" + s.supervising_unit +
        "督办，办结期限 " + s.deadline_on + "，已报送进展 " + n(s.reports) + " 次" +
        (s.last_report_at.empty() ? "" : "（最近 " + s.last_report_at.substr(0, 10) + "）") +
        (s.state == "open" ? "，正在办理。" : "，已办结。"));
  d.paragraphs.push_back(numbered("二、督办案件进展。", supervised, "本月无督办案件。"));
  std::string zero;
  for (const auto& z : r.zero_case) zero += (zero.empty() ? "" : "、") + z.name;
  d.paragraphs.push_back(zero.empty() ? "三、零办案单位。本月无零办案单位。"
                                      : "三、零办案单位。本月未立案的单位：" + zero +
                                            "。请相关单位说明情况，必要时进行约谈。");
  std::vector<std::string> hot;
  for (const auto& h : r.hotspots)
    hot.push_back(h.division_name + " " + h.category + "：抽检 " + n(h.sampled) + " 批次、不合格 " +
                  n(h.failed) + " 批次，投诉举报 " + n(h.complaints) + " 件。");
  d.paragraphs.push_back(numbered("四、区域热点。", hot, "目前无预警的区域热点。"));
  d.signer = r.unit_name;
  d.date = chinese_date(date);
  return d;
}

Result<std::string> render_dispatch_pdf(const evaluate::DispatchReport& r,
                                        const std::string& date) {
  return render_pdf(dispatch_document(r, date));
}

Result<std::string> render_dispatch_xlsx(const evaluate::DispatchReport& r,
                                         const std::string& date) {
  TempFile file;
  if (file.path().empty()) return Status{Code::kUnavailable, "cannot create a temporary file"};
  lxw_workbook* wb = workbook_new(file.path().c_str());
  if (!wb) return Status::Internal("cannot start the workbook");
  lxw_format* title = workbook_add_format(wb);
  format_set_bold(title);
  format_set_font_size(title, 16);
  format_set_align(title, LXW_ALIGN_CENTER);
  format_set_align(title, LXW_ALIGN_VERTICAL_CENTER);
  lxw_format* head = workbook_add_format(wb);
  format_set_bold(head);
  format_set_border(head, LXW_BORDER_THIN);
  format_set_align(head, LXW_ALIGN_CENTER);
  format_set_align(head, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(head);
  lxw_format* cellf = workbook_add_format(wb);
  format_set_border(cellf, LXW_BORDER_THIN);
  lxw_format* total = workbook_add_format(wb);
  format_set_border(total, LXW_BORDER_THIN);
  format_set_bold(total);

  lxw_worksheet* ws = workbook_add_worksheet(wb, "调度表");
  worksheet_set_column(ws, 0, 0, 30, nullptr);
  worksheet_set_column(ws, 1, 5, 12, nullptr);
  worksheet_merge_range(ws, 0, 0, 0, 5, (r.unit_name + dispatch_title(r)).c_str(), title);
  worksheet_merge_range(
      ws, 1, 0, 1, 5,
      ("统计期间：" + r.month.from() + " 至 " + r.month.to() + "　制表日期：" + date).c_str(),
      nullptr);
  worksheet_merge_range(ws, 2, 0, 3, 0, "单位", head);
  worksheet_merge_range(ws, 2, 1, 3, 1, "新增线索", head);
  worksheet_merge_range(ws, 2, 2, 2, 3, "案件", head);
  worksheet_write_string(ws, 3, 2, "立案", head);
  worksheet_write_string(ws, 3, 3, "结案", head);
  worksheet_merge_range(ws, 2, 4, 2, 5, "督查督办", head);
  worksheet_write_string(ws, 3, 4, "超期事项", head);
  worksheet_write_string(ws, 3, 5, "督办案件", head);
  lxw_row_t row = 4;
  auto put = [&](const evaluate::DispatchUnitRow& u, const std::string& name, lxw_format* f) {
    worksheet_write_string(ws, row, 0, name.c_str(), f);
    worksheet_write_number(ws, row, 1, static_cast<double>(u.leads), f);
    worksheet_write_number(ws, row, 2, static_cast<double>(u.filed), f);
    worksheet_write_number(ws, row, 3, static_cast<double>(u.closed), f);
    worksheet_write_number(ws, row, 4, static_cast<double>(u.overdue), f);
    worksheet_write_number(ws, row, 5, static_cast<double>(u.supervised), f);
    ++row;
  };
  for (const auto& u : r.units) put(u, u.name, cellf);
  put(r.total, "合计", total);

  auto sheet = [&](const char* name, const std::vector<const char*>& headers) {
    lxw_worksheet* s = workbook_add_worksheet(wb, name);
    worksheet_set_column(s, 0, static_cast<lxw_col_t>(headers.size() - 1), 18, nullptr);
    for (size_t i = 0; i < headers.size(); ++i)
      worksheet_write_string(s, 0, static_cast<lxw_col_t>(i), headers[i], head);
    return s;
  };
  auto str = [&](lxw_worksheet* s, lxw_row_t y, lxw_col_t x, const std::string& v) {
    worksheet_write_string(s, y, x, v.c_str(), cellf);
  };
  auto num = [&](lxw_worksheet* s, lxw_row_t y, lxw_col_t x, int64_t v) {
    worksheet_write_number(s, y, x, static_cast<double>(v), cellf);
  };
  lxw_worksheet* src = sheet("线索来源", {"来源代码", "来源", "新增线索"});
  lxw_row_t y = 1;
  for (const auto& s : r.leads_by_source) {
    str(src, y, 0, s.source);
    str(src, y, 1, s.name);
    num(src, y++, 2, s.count);
  }
  lxw_worksheet* od = sheet("超期事项", {"案件编号", "单位", "期限", "届满日", "超期天数"});
  y = 1;
  for (const auto& o : r.overdue) {
    str(od, y, 0, o.case_no);
    str(od, y, 1, o.unit_name);
    str(od, y, 2, deadline_name(o.kind));
    str(od, y, 3, o.due_on);
    num(od, y++, 4, o.days_overdue);
  }
  lxw_worksheet* sv = sheet("督办案件", {"案件编号", "案件名称", "承办单位", "督办单位", "办结期限",
                                         "进展报告次数", "状态"});
  y = 1;
  for (const auto& s : r.supervised) {
    str(sv, y, 0, s.case_no);
    str(sv, y, 1, s.title);
    str(sv, y, 2, s.unit_name);
    str(sv, y, 3, s.supervising_unit);
    str(sv, y, 4, s.deadline_on);
    num(sv, y, 5, s.reports);
    str(sv, y++, 6, s.state == "open" ? "办理中" : "已办结");
  }
  lxw_worksheet* zc = sheet("零办案单位", {"单位代码", "单位", "层级", "新增线索", "执法人员"});
  y = 1;
  for (const auto& z : r.zero_case) {
    str(zc, y, 0, z.code);
    str(zc, y, 1, z.name);
    str(zc, y, 2, level_name(z.level));
    num(zc, y, 3, z.leads_received);
    num(zc, y++, 4, z.officers);
  }
  lxw_worksheet* hs = sheet("区域热点", {"区划代码", "区域", "产品类别", "抽检批次", "不合格批次",
                                         "投诉举报", "预警项数"});
  y = 1;
  for (const auto& h : r.hotspots) {
    str(hs, y, 0, h.division_code);
    str(hs, y, 1, h.division_name);
    str(hs, y, 2, h.category);
    num(hs, y, 3, h.sampled);
    num(hs, y, 4, h.failed);
    num(hs, y, 5, h.complaints);
    num(hs, y++, 6, h.flags);
  }
  lxw_error err = workbook_close(wb);
  if (err != LXW_NO_ERROR)
    return Status::Internal(std::string("XLSX rendering failed: ") + lxw_strerror(err));
  return file.read();
}

}  // namespace lj::documents
