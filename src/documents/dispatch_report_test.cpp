// The dispatch report and the notification draft as files: the PDF carries the figures
// (pdftotext), the XLSX reads back with its merged two-level header (the archive's XML through
// libzip; LibreOffice's CSV conversion too when LibreOffice is installed).
#include <gtest/gtest.h>
#include <unistd.h>
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "documents/dispatch_report.hpp"
#include "documents/notification.hpp"
#include "documents/pdf_testing.hpp"

namespace lj::documents {
namespace {

using testing::flat;
using testing::have;
using testing::run;
using testing::write_temp;

// One member of a zip archive held in memory ("" when missing).
std::string zip_member(const std::string& archive, const char* name) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(archive.data(), archive.size(), 0, &err);
  zip_t* z = src ? zip_open_from_source(src, ZIP_RDONLY, &err) : nullptr;
  std::string out;
  if (z) {
    if (zip_file_t* f = zip_fopen(z, name, 0)) {
      char buf[4096];
      zip_int64_t n;
      while ((n = zip_fread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
      zip_fclose(f);
    }
    zip_close(z);
  } else if (src) {
    zip_source_free(src);
  }
  zip_error_fini(&err);
  return out;
}

evaluate::DispatchReport sample() {
  evaluate::DispatchReport r;
  r.unit_code = "150400";
  r.unit_name = "赤峰市市场监督管理局";
  r.unit_level = "city";
  r.month = *evaluate::parse_period("2018-05");
  r.leads_by_source = {{"hotline_12365", "12365投诉举报", 32}, {"sampling", "监督抽查", 16}};
  r.total = {"150400", "赤峰市市场监督管理局", 48, 5, 3, 1, 1};
  r.units = {{"150402", "红山区市场监督管理局", 20, 0, 0, 0, 0},
             {"150404", "松山区市场监督管理局", 28, 5, 3, 1, 1}};
  r.overdue = {{7, "11504041800007", "松山区市场监督管理局", "case_decision", "2018-05-25", 6}};
  r.supervised = {{7, "S2", "复合肥有效含量不足案", "松山区市场监督管理局", "赤峰市市场监督管理局",
                   "league", "2018-06-30", "open", 1, "2018-05-28T10:00:00+08:00"}};
  evaluate::UnitFigures zero;
  zero.code = "150402";
  zero.name = "红山区市场监督管理局";
  zero.level = "county";
  r.zero_case = {zero};
  r.hotspots = {{"150404", "松山区", "fertilizer", 12, 5, 7, 300, 2}};
  return r;
}

TEST(DispatchReport, PdfCarriesTheFigures) {
  auto pdf = render_dispatch_pdf(sample(), "2018-06-01");
  ASSERT_TRUE(pdf.ok()) << pdf.status().to_string();
  ASSERT_EQ(pdf->substr(0, 4), "%PDF");
  if (!have("pdftotext")) GTEST_SKIP() << "poppler-utils is not installed";
  const std::string path = write_temp(*pdf, "dispatch.pdf");
  const std::string text = flat(run("pdftotext -enc UTF-8 '" + path + "' -"));
  std::filesystem::remove(path);
  for (const char* want :
       {"2018年5月执法打假工作调度情况", "赤峰市市场监督管理局", "48条", "12365投诉举报32",
        "5件/3件", "办案期限于2018-05-25届满", "超期6日", "复合肥有效含量不足案", "已报送进展1次",
        "本月未立案的单位：红山区市场监督管理局", "二〇一八年六月一日"})
    EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
}

TEST(DispatchReport, XlsxReadsBackWithMergedHeaders) {
  auto xlsx = render_dispatch_xlsx(sample(), "2018-06-01");
  ASSERT_TRUE(xlsx.ok()) << xlsx.status().to_string();
  ASSERT_EQ(xlsx->substr(0, 2), "PK");
  const std::string sheet = zip_member(*xlsx, "xl/worksheets/sheet1.xml");
  const std::string strings = zip_member(*xlsx, "xl/sharedStrings.xml");
  const std::string book = zip_member(*xlsx, "xl/workbook.xml");
  ASSERT_FALSE(sheet.empty());
  // Title over A:F, the two-level header: 单位 and 新增线索 over two rows, 案件 over C:D,
  // 督查督办 over E:F.
  for (const char* merge : {"A1:F1", "A3:A4", "B3:B4", "C3:D3", "E3:F3"})
    EXPECT_NE(sheet.find(std::string("<mergeCell ref=\"") + merge + "\"/>"), std::string::npos)
        << merge;
  for (const char* s : {"赤峰市市场监督管理局2018年5月执法打假工作调度情况", "单位", "案件", "立案",
                        "结案", "督查督办", "超期事项", "松山区市场监督管理局", "合计"})
    EXPECT_NE(strings.find(s), std::string::npos) << s;
  for (const char* s : {"调度表", "线索来源", "超期事项", "督办案件", "零办案单位", "区域热点"})
    EXPECT_NE(book.find(s), std::string::npos) << s;
  // The total row (row 7: two units from row 5): 48 leads, 5 filed, 3 closed.
  EXPECT_NE(sheet.find("<c r=\"B7\" s=\""), std::string::npos);
  EXPECT_NE(sheet.find("<v>48</v>"), std::string::npos);
  // LibreOffice writes the first sheet as CSV; filter options 44,34,76: comma, quote, UTF-8.
  if (!have("libreoffice"))
    GTEST_SKIP() << "LibreOffice is not installed: read back through the XML only";
  const auto dir =
      std::filesystem::temp_directory_path() / ("lj-xlsx-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string path = (dir / "dispatch.xlsx").string();
  std::ofstream(path, std::ios::binary) << *xlsx;
  run("cd '" + dir.string() +
      "' && libreoffice --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' "
      "dispatch.xlsx >/dev/null 2>&1");
  std::ifstream csv(dir / "dispatch.csv");
  std::string text((std::istreambuf_iterator<char>(csv)), std::istreambuf_iterator<char>());
  std::filesystem::remove_all(dir);
  EXPECT_NE(text.find("松山区市场监督管理局,28,5,3,1,1"), std::string::npos) << text;
  EXPECT_NE(text.find("合计,48,5,3,1,1"), std::string::npos) << text;
}

TEST(Notification, PdfNamesRanksZeroCaseAndDecliningUnitsWithTheirFigures) {
  evaluate::Scheme s;
  s.version = "2018.1";
  s.indicators = {{"filed", "立案数", "cases_filed", evaluate::Normalise::kNone, 100, ""}};
  evaluate::UnitFigures a, b;
  a.code = "150404";
  a.name = "松山区市场监督管理局";
  a.level = "county";
  a.cases_filed = 4;
  a.path = "/150000/150400/150404/";
  b = a;
  b.code = "150402";
  b.name = "红山区市场监督管理局";
  b.cases_filed = 0;
  b.last_year = 5;
  b.path = "/150000/150400/150402/";
  evaluate::UnitFigures total;
  total.code = "150400";
  total.name = "赤峰市市场监督管理局";
  total.cases_filed = 4;
  s.vs_last_year = {30, 3};
  s.moving_average = {30, 3};
  auto e = evaluate::evaluate_units(s, *evaluate::parse_period("2018-Q2"), total, {a, b});
  auto pdf = render_notification_pdf(e, s, "2018-07-02");
  ASSERT_TRUE(pdf.ok()) << pdf.status().to_string();
  if (!have("pdftotext")) GTEST_SKIP() << "poppler-utils is not installed";
  const std::string path = write_temp(*pdf, "notification.pdf");
  const std::string text = flat(run("pdftotext -enc UTF-8 '" + path + "' -"));
  std::filesystem::remove(path);
  for (const char* want :
       {"关于2018年第二季度执法打假绩效评价情况的通报（草稿）", "各旗县（市、区）市场监督管理局：",
        "第1名：松山区市场监督管理局，得分100.00", "第2名：红山区市场监督管理局，得分0.00",
        "零办案单位。本期红山区市场监督管理局", "较上年同期5件下降100.0%",
        "责令上述单位作出书面检查"})
    EXPECT_NE(text.find(want), std::string::npos) << want << "\n" << text;
}

}  // namespace
}  // namespace lj::documents
