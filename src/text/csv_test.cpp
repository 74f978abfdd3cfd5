#include "text/csv.hpp"

#include <gtest/gtest.h>

namespace lj {
namespace {

std::vector<std::vector<std::string>> all(std::string_view text) {
  CsvReader r(text);
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> row;
  while (r.next(row)) out.push_back(row);
  EXPECT_TRUE(r.status().ok()) << r.status().to_string();
  return out;
}

TEST(Csv, PlainAndQuotedFields) {
  auto rows = all("code,name\n11,\"北京市\"\n12,\"a \"\"q\"\", b\"\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][1], "北京市");
  EXPECT_EQ(rows[2][1], "a \"q\", b");
}

TEST(Csv, CrlfBomBlankLinesAndEmptyFields) {
  auto rows = all("\xEF\xBB\xBF" "a,b\r\n\r\n1,\r\n\"x\",\"\"\r\n,");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0][0], "a");
  EXPECT_EQ(rows[1], (std::vector<std::string>{"1", ""}));
  EXPECT_EQ(rows[2], (std::vector<std::string>{"x", ""}));
  EXPECT_EQ(rows[3], (std::vector<std::string>{"", ""}));
}

TEST(Csv, QuotedLineBreakCountsLines) {
  CsvReader r("h\n\"a\nb\"\nc\n");
  std::vector<std::string> row;
  ASSERT_TRUE(r.next(row));
  ASSERT_TRUE(r.next(row));
  EXPECT_EQ(row[0], "a\nb");
  EXPECT_EQ(r.line(), 2);
  ASSERT_TRUE(r.next(row));
  EXPECT_EQ(row[0], "c");
  EXPECT_EQ(r.line(), 4);
}

TEST(Csv, MalformedInputIsAnError) {
  CsvReader r("a,\"open\n");
  std::vector<std::string> row;
  EXPECT_FALSE(r.next(row));
  EXPECT_EQ(r.status().code(), Code::kInvalidArgument);
  CsvReader r2("\"a\"b,c\n");
  EXPECT_FALSE(r2.next(row));
  EXPECT_FALSE(r2.status().ok());
}

TEST(Csv, TableRejectsLongRowsAndPadsShortOnes) {
  auto t = parse_csv_table("a,b,c\n1,2\n");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->rows[0].size(), 3u);
  EXPECT_EQ(t->column("c"), 2);
  EXPECT_EQ(t->column("d"), -1);
  EXPECT_FALSE(parse_csv_table("a\n1,2\n").ok());
}

}  // namespace
}  // namespace lj
