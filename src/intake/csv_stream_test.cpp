#include "intake/csv_stream.hpp"

#include <gtest/gtest.h>

#include <sstream>

namespace lj::intake {
namespace {

std::vector<CsvRecord> read_all(const std::string& text,
                                size_t max_bytes = CsvStream::kDefaultMaxRecordBytes) {
  std::istringstream in(text);
  CsvStream csv(in, max_bytes);
  std::vector<CsvRecord> out;
  CsvRecord r;
  while (csv.next(r)) out.push_back(r);
  return out;
}

TEST(CsvStream, ReadsFieldsQuotesAndLineNumbers) {
  auto recs = read_all("a,b,c\n1,\"x,y\",\"say \"\"hi\"\"\"\n\n2,,\n3,\"two\nlines\",z\n4,5,6");
  ASSERT_EQ(recs.size(), 5u);
  EXPECT_EQ(recs[1].fields, (std::vector<std::string>{"1", "x,y", "say \"hi\""}));
  EXPECT_EQ(recs[1].line, 2);
  EXPECT_EQ(recs[2].fields, (std::vector<std::string>{"2", "", ""}));
  EXPECT_EQ(recs[2].line, 4);  // the blank line 3 is skipped
  EXPECT_EQ(recs[3].fields, (std::vector<std::string>{"3", "two\nlines", "z"}));
  EXPECT_EQ(recs[3].line, 5);  // a record spanning lines 5-6 starts on 5
  EXPECT_EQ(recs[4].line, 7);
  EXPECT_EQ(recs[4].fields, (std::vector<std::string>{"4", "5", "6"}));
}

TEST(CsvStream, SkipsAByteOrderMarkAndReadsCrlf) {
  auto recs = read_all("\xEF\xBB\xBFsource,text\r\nhotline_12365,\"a\r\nb\"\r\n\r\nmedia,c\r\n");
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[0].fields, (std::vector<std::string>{"source", "text"}));
  EXPECT_EQ(recs[1].fields, (std::vector<std::string>{"hotline_12365", "a\nb"}));
  EXPECT_EQ(recs[2].fields, (std::vector<std::string>{"media", "c"}));
  EXPECT_EQ(recs[2].line, 5);
}

TEST(CsvStream, TextAfterAClosingQuoteCostsOneRecord) {
  auto recs = read_all("a,b\n1,\"x\"y\n2,z\n");
  ASSERT_EQ(recs.size(), 3u);
  EXPECT_EQ(recs[1].line, 2);
  EXPECT_EQ(recs[1].malformed, "text after a closing quote");
  EXPECT_EQ(recs[2].fields, (std::vector<std::string>{"2", "z"}));
  EXPECT_TRUE(recs[2].malformed.empty());
}

TEST(CsvStream, AnUnterminatedQuoteCostsOneLineNotTheRestOfTheFile) {
  auto recs = read_all("a,b\n1,\"never closed\n2,z\n3,\"ok\nstill\"\n");
  ASSERT_EQ(recs.size(), 4u);
  EXPECT_EQ(recs[1].line, 2);
  EXPECT_EQ(recs[1].malformed, "text after a closing quote");  // the quote on line 4 closed it
  EXPECT_EQ(recs[2].line, 3);
  EXPECT_EQ(recs[2].fields, (std::vector<std::string>{"2", "z"}));
  // The replayed lines keep their numbers, and a good multi-line record among them reads whole.
  EXPECT_EQ(recs[3].line, 4);
  EXPECT_EQ(recs[3].fields, (std::vector<std::string>{"3", "ok\nstill"}));
}

TEST(CsvStream, AQuoteLeftOpenAtTheEndCostsOneLine) {
  auto recs = read_all("a,b\n1,\"never closed\n2,z\n3,y");
  ASSERT_EQ(recs.size(), 4u);
  EXPECT_EQ(recs[1].malformed, "unterminated quoted field");
  EXPECT_EQ(recs[2].fields, (std::vector<std::string>{"2", "z"}));
  EXPECT_EQ(recs[3].fields, (std::vector<std::string>{"3", "y"}));
  EXPECT_EQ(recs[3].line, 4);
}

TEST(CsvStream, AQuotedFieldPastTheLimitIsCutAtItsFirstLine) {
  std::string text = "1,\"open\n";
  for (int i = 0; i < 20; ++i) text += "row" + std::to_string(i) + ",x\n";
  auto recs = read_all(text, 64);
  ASSERT_EQ(recs.size(), 21u);
  EXPECT_NE(recs[0].malformed.find("past 64 bytes"), std::string::npos);
  EXPECT_EQ(recs[1].fields, (std::vector<std::string>{"row0", "x"}));
  EXPECT_EQ(recs[1].line, 2);
  EXPECT_EQ(recs[20].line, 21);
}

}  // namespace
}  // namespace lj::intake
