#include "text/identifiers.hpp"

#include <gtest/gtest.h>

#include <sstream>

#include "text/normalize.hpp"

namespace lj::text {
namespace {

// The full-width form (U+FF01..U+FF5E) of printable ASCII, as some sources type codes.
std::string full_width(std::string_view ascii) {
  std::string out;
  for (char c : ascii) append_utf8(out, static_cast<char32_t>(0xFF01 + (c - '!')));
  return out;
}

// A published code (Huawei Technologies Co., Ltd., Shenzhen), checked by hand:
//   char   9  1  4  4  0  3  0  0  1  9   2  2  0  3  8  2  1
//   value  9  1  4  4  0  3  0  0  1  9   2  2  0  3  8  2  1
//   weight 1  3  9 27 19 26 16 17 20 29  25 13  8 24 10 30 28   (3^(i-1) mod 31)
//   prod   9  3 36 108 0 78  0  0 20 261 50 26  0 72 80 60 28   Σ = 831
//   831 mod 31 = 25; (31 − 25) mod 31 = 6; alphabet[6] = '6' — the code ends in 6.
TEST(Identifiers, UsccPublishedCodeComputedByHand) {
  EXPECT_EQ(uscc_check_char("91440300192203821"), "6");
  auto r = check_uscc("914403001922038216");
  EXPECT_TRUE(r.valid) << r.reason;
  EXPECT_TRUE(r.well_formed);
  EXPECT_EQ(r.reason, "");
  EXPECT_EQ(r.normalized, "914403001922038216");
  // Letters valued past 9: B = 11. Alibaba (China) Co., Ltd., Hangzhou.
  EXPECT_TRUE(check_uscc("91330100799655058B").valid);
}

TEST(Identifiers, UsccCodesBuiltWithTheCheckFunction) {
  // Enterprise, individual business, social organisation, "other" authority; all of Inner
  // Mongolia (15xxxx).
  for (std::string body : {"91150404MA0N0TBR5", "92150102MA0KX7Y3N", "52150000MJ0000123",
                           "Y1150000MB1234567", "N2150102MA0000001", "A1150000MA0000002"}) {
    std::string check = uscc_check_char(body);
    ASSERT_EQ(check.size(), 1u) << body;
    auto r = check_uscc(body + check);
    EXPECT_TRUE(r.valid) << body << check << ": " << r.reason;
  }
  // Literals, so a change in the function cannot hide behind itself.
  EXPECT_TRUE(check_uscc("91150404MA0N0TBR5W").valid);
  EXPECT_TRUE(check_uscc("92150102MA0KX7Y3NN").valid);
  EXPECT_TRUE(check_uscc("52150000MJ0000123L").valid);
  EXPECT_TRUE(check_uscc("Y1150000MB12345676").valid);
}

TEST(Identifiers, UsccCheckCharRejectsBadInput) {
  EXPECT_EQ(uscc_check_char("9115040"), "");
  EXPECT_EQ(uscc_check_char("91150404MA0N0TBRS"), "");  // S is not in the alphabet
  EXPECT_EQ(uscc_check_char("91150404ma0n0tbr5"), "");  // no normalisation here
}

TEST(Identifiers, UsccNormalisesFullWidthSpacesAndCase) {
  auto r = check_uscc(full_width("91150404MA0N0TBR5W"));  // "９１１５０４０４ＭＡ０Ｎ…"
  EXPECT_TRUE(r.valid) << r.reason;
  EXPECT_EQ(r.normalized, "91150404MA0N0TBR5W");
  EXPECT_TRUE(check_uscc(" 9115 0404 MA0N 0TBR 5W\r").valid);
  EXPECT_TRUE(check_uscc("91150404ma0n0tbr5w").valid);
  EXPECT_TRUE(check_uscc("\u200B91150404MA0N0TBR5W\u3000").valid);
}

TEST(Identifiers, UsccWrongLength) {
  EXPECT_EQ(check_uscc("").reason, "empty");
  EXPECT_EQ(check_uscc("  \t").reason, "empty");
  EXPECT_EQ(check_uscc("91150404MA0N0TBR5").reason, "length 17, expected 18");
  EXPECT_EQ(check_uscc("91150404MA0N0TBR5WW").reason, "length 19, expected 18");
  // An old 15-digit business registration number (注册号) is not a USCC.
  EXPECT_EQ(check_uscc("150404000012345").reason, "length 15, expected 18");
  EXPECT_FALSE(check_uscc("91150404MA0N0TBR5").well_formed);
}

TEST(Identifiers, UsccForbiddenCharacters) {
  EXPECT_EQ(check_uscc("9115I404MA0N0TBR5W").reason, "character 'I' at position 5 is not allowed");
  EXPECT_EQ(check_uscc("91150404MA0N0TBRSW").reason, "character 'S' at position 17 is not allowed");
  EXPECT_EQ(check_uscc("91150404MAON0TBR5W").reason, "character 'O' at position 11 is not allowed");
  EXPECT_EQ(check_uscc("91150404MA0N0TBR5Z").reason, "character 'Z' at position 18 is not allowed");
  EXPECT_EQ(check_uscc("91150404MA0N0TBR5V").reason, "character 'V' at position 18 is not allowed");
  EXPECT_EQ(check_uscc("91150404-A0N0TBR5W").reason, "character '-' at position 9 is not allowed");
  EXPECT_EQ(check_uscc("91150404某A0N0TBR5W").reason,
            "character '某' at position 9 is not allowed");
  EXPECT_EQ(check_uscc("91150404\xFF"
                       "A0N0TBR5W")
                .reason,
            "character '\uFFFD' at position 9 is not allowed");
  EXPECT_EQ(check_uscc("9115i404ma0n0tbr5w").reason, "character 'I' at position 5 is not allowed");
}

TEST(Identifiers, UsccAuthorityAndDivision) {
  std::string body = "B1150404MA0N0TBR5";
  auto r = check_uscc(body + uscc_check_char(body));
  EXPECT_EQ(r.reason, "registration authority 'B' at position 1 is unknown");
  EXPECT_FALSE(r.well_formed);
  body = "9115A404MA0N0TBR5";
  r = check_uscc(body + uscc_check_char(body));
  EXPECT_EQ(r.reason, "division code '15A404' at positions 3-8 is not 6 digits");
}

TEST(Identifiers, UsccWrongCheckCharacterIsFlaggedButWellFormed) {
  auto r = check_uscc("914403001922038217");
  EXPECT_FALSE(r.valid);
  EXPECT_TRUE(r.well_formed);  // importers keep it, flagged
  EXPECT_EQ(r.reason, "check character is '7', expected '6'");
  EXPECT_EQ(check_uscc("91150404MA0N0TBR5X").reason, "check character is 'X', expected 'W'");
  // A transposition of two characters is caught.
  EXPECT_FALSE(check_uscc("914403001922083216").valid);
}

TEST(Identifiers, UsccReusedResultIsReset) {
  UsccCheck r;
  check_uscc("91150404MA0N0TBR5X", r);
  EXPECT_FALSE(r.valid);
  check_uscc("91150404MA0N0TBR5W", r);
  EXPECT_TRUE(r.valid);
  EXPECT_EQ(r.reason, "");
}

// GB 11643-1999's own example, checked by hand:
//   digit  1  1  0  1  0  5  1  9  4  9  1  2  3  1  0  0  2
//   weight 7  9 10  5  8  4  2  1  6  3  7  9 10  5  8  4  2
//   prod   7  9  0  5  0 20  2  9 24 27  7 18 30  5  0  0  4   Σ = 167
//   167 mod 11 = 2; "10X98765432"[2] = 'X'.
TEST(Identifiers, ResidentIdStandardExamples) {
  EXPECT_EQ(resident_id_check_char("11010519491231002"), 'X');
  auto r = check_resident_id("11010519491231002X");
  EXPECT_TRUE(r.valid) << r.reason;
  EXPECT_FALSE(r.legacy);
  EXPECT_EQ(r.reason, "");
  EXPECT_EQ(r.birth_date, "1949-12-31");
  // The standard's second example: Σ = 195, 195 mod 11 = 8, "10X98765432"[8] = '4'.
  EXPECT_TRUE(check_resident_id("440524188001010014").valid);
  EXPECT_TRUE(check_resident_id("150102199003071237").valid);
  EXPECT_TRUE(check_resident_id("152601198511110042").valid);
  EXPECT_TRUE(check_resident_id("150102200002294565").valid);  // 29 February of a leap year
}

TEST(Identifiers, ResidentIdEndingInX) {
  auto upper = check_resident_id("15020319780615109X");
  EXPECT_TRUE(upper.valid) << upper.reason;
  auto lower = check_resident_id("15020319780615109x");
  EXPECT_TRUE(lower.valid) << lower.reason;
  EXPECT_EQ(lower.normalized, "15020319780615109X");
  EXPECT_TRUE(check_resident_id(full_width("15020319780615109X")).valid);
  EXPECT_TRUE(check_resident_id("150203 19780615 109X").valid);
  EXPECT_EQ(check_resident_id("150203197806151090").reason, "check digit is '0', expected 'X'");
}

TEST(Identifiers, ResidentIdInvalid) {
  EXPECT_EQ(check_resident_id("").reason, "empty");
  EXPECT_EQ(check_resident_id("1501021990030712").reason, "length 16, expected 18 (or 15)");
  EXPECT_EQ(check_resident_id("15A102199003071237").reason,
            "character 'A' at position 3 is not a digit");
  EXPECT_EQ(check_resident_id("15010219900307123Y").reason,
            "character 'Y' at position 18 is not a digit or X");
  EXPECT_EQ(check_resident_id("1501021990030712X7").reason,
            "character 'X' at position 17 is not a digit");
  // 30 February, with a check digit that fits, so only the date is wrong.
  auto feb30 = check_resident_id("15010219900230123X");
  EXPECT_FALSE(feb30.valid);
  EXPECT_EQ(feb30.reason, "birth date '19900230' at positions 7-14 is not a valid date");
  EXPECT_EQ(feb30.birth_date, "");
  EXPECT_EQ(check_resident_id("150102199013071234").reason,
            "birth date '19901307' at positions 7-14 is not a valid date");
  EXPECT_EQ(check_resident_id("150102199003071238").reason, "check digit is '8', expected '7'");
  EXPECT_EQ(resident_id_check_char("1501021990030712"), '\0');
  EXPECT_EQ(resident_id_check_char("1501021990030712A"), '\0');
}

TEST(Identifiers, ResidentIdLegacyFifteenDigits) {
  auto r = check_resident_id("150102900307123");
  EXPECT_TRUE(r.valid) << r.reason;
  EXPECT_TRUE(r.legacy);
  EXPECT_EQ(r.reason, "15-digit number of before 1999, no check digit");
  EXPECT_EQ(r.birth_date, "1990-03-07");
  auto bad = check_resident_id("150102900230123");
  EXPECT_FALSE(bad.valid);
  EXPECT_EQ(bad.reason, "birth date '900230' at positions 7-12 is not a valid date");
  EXPECT_EQ(check_resident_id("15010290030712X").reason,
            "character 'X' at position 15 is not a digit");
}

TEST(Identifiers, CheckUsccStreamOneLinePerInputLine) {
  std::istringstream in(
      "91150404MA0N0TBR5W\n"
      "  91150404MA0N0TBR5X \r\n"
      "\n"
      "９１１５０４０４ＭＡ０Ｎ０ＴＢＲ５Ｗ\n"
      "9115I404MA0N0TBR5W\t\n"
      "9115 0404\tMA0N0TBR5W\n"
      "91150404");  // no final newline
  std::ostringstream out;
  EXPECT_EQ(check_uscc_stream(in, out), 7u);
  EXPECT_EQ(out.str(),
            "91150404MA0N0TBR5W\tvalid\n"
            "91150404MA0N0TBR5X\tinvalid\tcheck character is 'X', expected 'W'\n"
            "\tinvalid\tempty\n"
            "９１１５０４０４ＭＡ０Ｎ０ＴＢＲ５Ｗ\tvalid\n"
            "9115I404MA0N0TBR5W\tinvalid\tcharacter 'I' at position 5 is not allowed\n"
            "9115 0404 MA0N0TBR5W\tvalid\n"
            "91150404\tinvalid\tlength 8, expected 18\n");
}

TEST(Identifiers, CheckUsccStreamManyLines) {
  // More output than one internal buffer: every line answered, in order.
  std::string input;
  std::string body = "91150404MA0N0TBR5";
  for (int i = 0; i < 20000; ++i) input += body + (i % 2 ? "W\n" : "X\n");
  std::istringstream in(input);
  std::ostringstream out;
  EXPECT_EQ(check_uscc_stream(in, out), 20000u);
  std::istringstream lines(out.str());
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    EXPECT_EQ(line.find("\tvalid") != std::string::npos, n % 2 == 1) << line;
    ++n;
  }
  EXPECT_EQ(n, 20000);
}

}  // namespace
}  // namespace lj::text
