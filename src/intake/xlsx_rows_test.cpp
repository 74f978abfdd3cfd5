#include "intake/xlsx_rows.hpp"

#include <gtest/gtest.h>
#include <xlsxwriter.h>
#include <zip.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <utility>
#include <vector>

namespace lj::intake {
namespace {

namespace fs = std::filesystem;

const FieldSet kFields{{"name", "code", "count", "on", "flag", "note"}, {"name"}};

class XlsxRowsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("lj-xlsx-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // A zip archive of the given parts (name, content), as any XLSX writer would produce.
  std::string zip_of(const std::vector<std::pair<std::string, std::string>>& parts) {
    std::string path = (dir_ / "book.xlsx").string();
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    EXPECT_NE(z, nullptr);
    for (const auto& [name, content] : parts) {
      zip_source_t* src = zip_source_buffer(z, content.data(), content.size(), 0);
      EXPECT_GE(zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE), 0);
    }
    EXPECT_EQ(zip_close(z), 0);
    return path;
  }

  // A workbook whose first sheet holds `rows_xml` (the <row> elements), with shared strings
  // "name", "code", "张三" and one date style (index 1, format 14) and a custom one (index 2).
  std::string workbook(const std::string& rows_xml, const std::string& workbook_pr = "") {
    const std::string ns = R"( xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main")";
    return zip_of({
        {"xl/workbook.xml",
         "<workbook" + ns +
             R"( xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)" +
             workbook_pr + R"(<sheets><sheet name="线索" sheetId="1" r:id="rId7"/></sheets></workbook>)"},
        {"xl/_rels/workbook.xml.rels",
         R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
         R"(<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/>)"
         R"(<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)"
         R"(</Relationships>)"},
        {"xl/sharedStrings.xml",
         "<sst" + ns +
             R"(><si><t>name</t></si><si><t>code</t></si><si><r><t>张</t></r><r><t>三</t></r><rPh><t>ちょう</t></rPh></si></sst>)"},
        {"xl/styles.xml",
         "<styleSheet" + ns +
             R"(><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>)"
             R"(<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>)"
             R"(<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>)"},
        {"xl/worksheets/data.xml", "<worksheet" + ns + "><sheetData>" + rows_xml +
                                       "</sheetData></worksheet>"},
    });
  }

  static std::vector<Row> read_all(RowReader& reader) {
    std::vector<Row> rows;
    Row row;
    while (reader.next(row)) rows.push_back(row);
    EXPECT_TRUE(reader.status().ok()) << reader.status().to_string();
    return rows;
  }

  fs::path dir_;
};

constexpr const char* kHeader =
    R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>)"
    R"(<c r="C1" t="inlineStr"><is><t>count</t></is></c><c r="D1" t="str"><v>on</v></c>)"
    R"(<c r="E1" t="inlineStr"><is><t> flag </t></is></c></row>)";

TEST_F(XlsxRowsTest, ReadsEachCellType) {
  std::string path = workbook(
      std::string(kHeader) +
      R"(<row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2"><v>150404</v></c><c r="C2"><v>12.5</v></c>)"
      R"(<c r="D2" s="1"><v>43191</v></c><c r="E2" t="b"><v>1</v></c></row>)"
      R"(<row r="3"><c r="A3" t="inlineStr"><is><r><t>李</t></r><r><t>四</t></r></is></c>)"
      R"(<c r="B3"><v>0.65000000000000002</v></c><c r="C3"><v>1.5E+3</v></c>)"
      R"(<c r="D3" s="2"><v>43191.5</v></c><c r="E3" t="b"><v>0</v></c></row>)");
  auto reader = open_xlsx_rows(path, kFields);
  ASSERT_TRUE(reader.ok()) << reader.status().to_string();
  auto rows = read_all(**reader);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].line, 2);
  EXPECT_EQ(rows[0].object,
            Json({{"name", "张三"}, {"code", "150404"}, {"count", "12.5"}, {"on", "2018-04-01"},
                  {"flag", "true"}}));
  EXPECT_EQ(rows[1].object, Json({{"name", "李四"}, {"code", "0.65"}, {"count", "1500"},
                                  {"on", "2018-04-01T12:00:00"}, {"flag", "false"}}));
  EXPECT_GT((*reader)->fraction_read(), 0.99);
}

TEST_F(XlsxRowsTest, SparseRowsKeepSheetRowNumbersAndColumns) {
  // Row 2 is missing, row 4 has only column C (with no r on the cells of row 5: positional),
  // row 6 holds only empty cells and is skipped.
  std::string path = workbook(
      std::string(kHeader) +
      R"(<row r="3"><c r="A3" t="s"><v>2</v></c><c r="E3" t="b"><v>1</v></c></row>)"
      R"(<row r="4"><c r="C4"><v>7</v></c></row>)"
      R"(<row r="5"><c t="inlineStr"><is><t>x</t></is></c><c/><c><v>3</v></c></row>)"
      R"(<row r="6"><c r="A6" s="1"/><c r="B6" t="inlineStr"><is><t></t></is></c></row>)"
      R"(<row r="9"><c r="B9"><v>1</v></c></row>)");
  auto reader = open_xlsx_rows(path, kFields);
  ASSERT_TRUE(reader.ok()) << reader.status().to_string();
  auto rows = read_all(**reader);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0].line, 3);
  EXPECT_EQ(rows[0].object, Json({{"name", "张三"}, {"flag", "true"}}));
  EXPECT_EQ(rows[1].line, 4);
  EXPECT_EQ(rows[1].object, Json({{"count", "7"}}));
  EXPECT_EQ(rows[2].line, 5);
  EXPECT_EQ(rows[2].object, Json({{"name", "x"}, {"count", "3"}}));
  EXPECT_EQ(rows[3].line, 9);
}

TEST_F(XlsxRowsTest, BadRowsNameTheirCell) {
  std::string path = workbook(
      std::string(kHeader) +
      R"(<row r="2"><c r="A2" t="inlineStr"><is><t>ok</t></is></c></row>)"
      R"(<row r="3"><c r="A3" t="inlineStr"><is><t>a</t></is></c><c r="C3" t="e"><v>#N/A</v></c></row>)"
      R"(<row r="4"><c r="A4" t="inlineStr"><is><t>b</t></is></c><c r="G4"><v>1</v></c></row>)");
  auto reader = open_xlsx_rows(path, kFields);
  ASSERT_TRUE(reader.ok()) << reader.status().to_string();
  auto rows = read_all(**reader);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_FALSE(rows[0].bad());
  EXPECT_TRUE(rows[1].bad());
  EXPECT_EQ(rows[1].line, 3);
  EXPECT_EQ(rows[1].error_field, "count");
  EXPECT_EQ(rows[1].error_reason, "cell C3 holds the error value #N/A");
  EXPECT_TRUE(rows[2].bad());
  EXPECT_EQ(rows[2].error_reason, "cell G4 has a value right of the header's last column");
}

TEST_F(XlsxRowsTest, HeaderIsCheckedLikeCsv) {
  auto unknown = open_xlsx_rows(
      workbook(R"(<row r="1"><c t="inlineStr"><is><t>name</t></is></c><c t="inlineStr"><is><t>colour</t></is></c></row>)"),
      kFields);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().field(), "header");
  EXPECT_NE(unknown.status().message().find("unknown column colour"), std::string::npos);
  auto missing = open_xlsx_rows(
      workbook(R"(<row r="1"><c r="B1" t="inlineStr"><is><t>code</t></is></c></row>)"), kFields);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("lacks the required column name"), std::string::npos);
  auto gap = open_xlsx_rows(
      workbook(R"(<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c><c r="C1" t="inlineStr"><is><t>code</t></is></c></row>)"),
      kFields);
  ASSERT_FALSE(gap.ok());
  EXPECT_NE(gap.status().message().find("(empty)"), std::string::npos);
  auto twice = open_xlsx_rows(
      workbook(R"(<row r="1"><c t="inlineStr"><is><t>name</t></is></c><c t="inlineStr"><is><t>name</t></is></c></row>)"),
      kFields);
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.status().message().find("name appears twice"), std::string::npos);
  auto empty = open_xlsx_rows(workbook(""), kFields);
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("the sheet is empty"), std::string::npos);
}

TEST_F(XlsxRowsTest, Date1904System) {
  std::string path = workbook(
      std::string(kHeader) + R"(<row r="2"><c r="A2" t="s"><v>0</v></c><c r="D2" s="1"><v>41729</v></c></row>)",
      R"(<workbookPr date1904="1"/>)");
  auto reader = open_xlsx_rows(path, kFields);
  ASSERT_TRUE(reader.ok()) << reader.status().to_string();
  auto rows = read_all(**reader);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].object["on"], "2018-04-01");
}

TEST_F(XlsxRowsTest, NotAZipIsAClearError) {
  std::string path = (dir_ / "fake.xlsx").string();
  std::ofstream(path) << "name,code\nx,1\n";
  auto reader = open_xlsx_rows(path, kFields);
  ASSERT_FALSE(reader.ok());
  EXPECT_EQ(reader.status().code(), Code::kInvalidArgument);
  EXPECT_NE(reader.status().message().find("not an XLSX file: not a zip archive"), std::string::npos);
  auto no_workbook = open_xlsx_rows(zip_of({{"word/document.xml", "<w/>"}}), kFields);
  ASSERT_FALSE(no_workbook.ok());
  EXPECT_NE(no_workbook.status().message().find("no xl/workbook.xml"), std::string::npos);
}

TEST_F(XlsxRowsTest, MalformedSheetXmlStopsWithItsPart) {
  // Small sheets fail at open (the header's chunk holds the whole sheet); longer ones in
  // status() after the rows before the damage.
  std::string rows_xml = kHeader;
  for (int r = 2; r < 5000; ++r)
    rows_xml += "<row r=\"" + std::to_string(r) + "\"><c t=\"inlineStr\"><is><t>n" +
                std::to_string(r) + "</t></is></c></row>";
  for (const std::string& damaged : {std::string(kHeader) + "<row r=\"2\"><c><v>1</c></row>",
                                     rows_xml + "<row r=\"9\"><c><v>1</c></row>"}) {
    auto reader = open_xlsx_rows(workbook(damaged), kFields);
    Status st = reader.status();
    int64_t rows = 0;
    if (reader.ok()) {
      Row row;
      while ((*reader)->next(row)) ++rows;
      st = (*reader)->status();
    }
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.code(), Code::kInvalidArgument);
    EXPECT_NE(st.message().find("xl/worksheets/data.xml is not well-formed XML"), std::string::npos)
        << st.message();
    if (damaged.size() > 100000) {
      EXPECT_GT(rows, 0);
    }
  }
}

TEST_F(XlsxRowsTest, ZipBombIsCappedByUncompressedSize) {
  std::string rows_xml = kHeader;
  for (int r = 2; r < 40000; ++r)
    rows_xml += "<row r=\"" + std::to_string(r) + "\"><c t=\"inlineStr\"><is><t>aaaaaaaaaaaaaaaa</t></is></c></row>";
  std::string path = workbook(rows_xml);
  ASSERT_LT(fs::file_size(path), 200u * 1024);  // compresses well: a small file inflating far
  XlsxLimits limits;
  limits.max_uncompressed_bytes = 1 << 20;
  auto reader = open_xlsx_rows(path, kFields, limits);
  ASSERT_FALSE(reader.ok());
  EXPECT_NE(reader.status().message().find("inflates past the limit of 1 MiB"), std::string::npos);
  EXPECT_TRUE(open_xlsx_rows(path, kFields).ok());
}

TEST_F(XlsxRowsTest, SharedStringsAreCapped) {
  XlsxLimits limits;
  limits.max_shared_strings = 2;
  auto reader = open_xlsx_rows(workbook(kHeader), kFields, limits);
  ASSERT_FALSE(reader.ok());
  EXPECT_NE(reader.status().message().find("more than 2 shared strings"), std::string::npos);
}

// A real workbook from libxlsxwriter: shared strings, then inline strings (constant memory).
TEST_F(XlsxRowsTest, ReadsWhatAnXlsxWriterWrites) {
  for (bool constant_memory : {false, true}) {
    std::string path = (dir_ / (constant_memory ? "inline.xlsx" : "shared.xlsx")).string();
    lxw_workbook_options options = {};
    options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
    lxw_workbook* wb = workbook_new_opt(path.c_str(), &options);
    lxw_worksheet* ws = workbook_add_worksheet(wb, "线索");
    lxw_format* date = workbook_add_format(wb);
    format_set_num_format(date, "yyyy-mm-dd");
    lxw_format* stamp = workbook_add_format(wb);
    format_set_num_format_index(stamp, 22);
    const char* header[] = {"name", "code", "count", "on", "flag", "note"};
    for (int c = 0; c < 6; ++c) worksheet_write_string(ws, 0, c, header[c], nullptr);
    worksheet_write_string(ws, 1, 0, "内蒙古某化肥厂", nullptr);
    worksheet_write_number(ws, 1, 2, 1500, nullptr);
    lxw_datetime d1{2018, 4, 1, 0, 0, 0};
    worksheet_write_datetime(ws, 1, 3, &d1, date);
    worksheet_write_boolean(ws, 1, 4, 1, nullptr);
    worksheet_write_string(ws, 1, 5, "含 \"引号\", 逗号 & <尖括号>", nullptr);
    worksheet_write_string(ws, 3, 0, "second", nullptr);
    lxw_datetime d2{2018, 5, 20, 9, 30, 0};
    worksheet_write_datetime(ws, 3, 3, &d2, stamp);
    ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);

    auto reader = open_xlsx_rows(path, kFields);
    ASSERT_TRUE(reader.ok()) << reader.status().to_string();
    auto rows = read_all(**reader);
    ASSERT_EQ(rows.size(), 2u) << constant_memory;
    EXPECT_EQ(rows[0].line, 2);
    EXPECT_EQ(rows[0].object, Json({{"name", "内蒙古某化肥厂"}, {"count", "1500"}, {"on", "2018-04-01"},
                                    {"flag", "true"}, {"note", "含 \"引号\", 逗号 & <尖括号>"}}));
    EXPECT_EQ(rows[1].line, 4);
    EXPECT_EQ(rows[1].object, Json({{"name", "second"}, {"on", "2018-05-20T09:30:00"}}));
  }
}

TEST(ExcelDates, SerialsAndFormats) {
  EXPECT_EQ(excel_serial_to_iso(43191, false), "2018-04-01");
  EXPECT_EQ(excel_serial_to_iso(1, false), "1900-01-01");
  EXPECT_EQ(excel_serial_to_iso(61, false), "1900-03-01");
  EXPECT_EQ(excel_serial_to_iso(43191.75, false), "2018-04-01T18:00:00");
  EXPECT_EQ(excel_serial_to_iso(0, true), "1904-01-01");
  EXPECT_EQ(excel_serial_to_iso(-1, false), "");
  EXPECT_TRUE(is_date_format("yyyy-mm-dd"));
  EXPECT_TRUE(is_date_format("yyyy\"年\"m\"月\"d\"日\""));
  EXPECT_TRUE(is_date_format("[$-804]yyyy/m/d;@"));
  EXPECT_TRUE(is_date_format("[h]:mm"));
  EXPECT_FALSE(is_date_format("0.00"));
  EXPECT_FALSE(is_date_format("#,##0\" 元\""));
  EXPECT_FALSE(is_date_format("[Red]0.00"));
  EXPECT_FALSE(is_date_format("General"));
}

}  // namespace
}  // namespace lj::intake
