#include "text/normalize.hpp"

#include <gtest/gtest.h>

namespace lj::text {
namespace {

TEST(Normalize, NfkcFoldsFullWidthForms) {
  EXPECT_EQ(nfkc("ＡＢＣ１２３"), "ABC123");
  EXPECT_EQ(nfkc("（有限公司）"), "(有限公司)");
  EXPECT_EQ(nfkc("内蒙古\u3000某某"), "内蒙古 某某");  // ideographic space
  EXPECT_EQ(nfkc("a\u00A0b"), "a b");                  // no-break space
  EXPECT_EQ(nfkc("ｶﾀｶﾅ"), "カタカナ");                 // half-width katakana widen
  EXPECT_EQ(nfkc("①号"), "1号");
  EXPECT_EQ(nfkc("e\u0301"), "\u00E9");  // composed
  EXPECT_EQ(nfkc("plain ascii\t\n"), "plain ascii\t\n");
  EXPECT_EQ(nfkc(""), "");
  EXPECT_EQ(nfkc("呼和浩特市赛罕区"), "呼和浩特市赛罕区");  // CJK unchanged
}

TEST(Normalize, InvalidUtf8BecomesReplacementCharacters) {
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(valid_utf8("ok"), "ok");
  EXPECT_EQ(valid_utf8("a\xFF"
                       "b"),
            "a" + fffd + "b");
  EXPECT_EQ(valid_utf8("\xC0\xAF"), fffd + fffd);                        // overlong '/'
  EXPECT_EQ(valid_utf8("\xED\xA0\x80"), fffd + fffd + fffd);             // surrogate U+D800
  EXPECT_EQ(valid_utf8("\xF4\x90\x80\x80"), fffd + fffd + fffd + fffd);  // past U+10FFFF
  EXPECT_EQ(valid_utf8("中\xE4\xB8"), "中" + fffd + fffd);               // truncated at the end
  EXPECT_EQ(valid_utf8("\xEF\xBF\xBD"), fffd);                           // a real U+FFFD stays one
  EXPECT_EQ(nfkc("Ａ\xFFＢ"), "A" + fffd + "B");
  EXPECT_EQ(clean_text("\x80\x80 x"), fffd + fffd + " x");
  EXPECT_EQ(utf8_length("a\xFF中"), 3u);
}

TEST(Normalize, CleanTextCollapsesWhitespaceAndDropsInvisibles) {
  EXPECT_EQ(clean_text("  某某\u200B商贸\uFEFF有限公司 \t\r\n 分公司  "),
            "某某商贸有限公司 分公司");
  EXPECT_EQ(clean_text("a\u200Cb\u200Dc\u00ADd"), "abcd");
  EXPECT_EQ(clean_text("\u3000\u3000包头市\u3000昆都仑区\u3000"), "包头市 昆都仑区");
  EXPECT_EQ(clean_text("x\x01\x7Fy"), "xy");
  EXPECT_EQ(clean_text("line1\u2028line2"), "line1 line2");
  EXPECT_EQ(clean_text(" \t\n "), "");
  EXPECT_EQ(clean_text("a \u200B b"), "a b");  // the invisible between spaces leaves one space
}

TEST(Normalize, CleanMultilineKeepsSingleLineBreaks) {
  EXPECT_EQ(clean_multiline("\n  第一行  \r\n\r\n\r\n  第二行\t\t说明 \n\n"),
            "第一行\n第二行 说明");
  EXPECT_EQ(clean_multiline("a\rb\u2029c"), "a\nb\nc");
  EXPECT_EQ(clean_multiline("ａ　ｂ"), "a b");
}

TEST(Normalize, MobileNumbers) {
  EXPECT_EQ(normalize_phone("13800138000"), "13800138000");
  EXPECT_EQ(normalize_phone("138-0013-8000"), "13800138000");
  EXPECT_EQ(normalize_phone("138 0013 8000"), "13800138000");
  EXPECT_EQ(normalize_phone("+86 138 0013 8000"), "13800138000");
  EXPECT_EQ(normalize_phone("+86-13800138000"), "13800138000");
  EXPECT_EQ(normalize_phone("0086 13800138000"), "13800138000");
  EXPECT_EQ(normalize_phone("8613800138000"), "13800138000");
  EXPECT_EQ(normalize_phone("013800138000"), "13800138000");
  EXPECT_EQ(normalize_phone("１３８００１３８０００"), "13800138000");  // full-width
  EXPECT_EQ(normalize_phone("１３８－００１３－８０００"), "13800138000");
  EXPECT_EQ(normalize_phone("19912345678"), "19912345678");
  EXPECT_EQ(normalize_phone("12800138000"), std::nullopt);  // 12x is not a mobile prefix
  EXPECT_EQ(normalize_phone("1380013800"), std::nullopt);   // 10 digits
  EXPECT_EQ(normalize_phone("138001380001"), std::nullopt);
}

TEST(Normalize, LandlineAndServiceNumbers) {
  EXPECT_EQ(normalize_phone("0471-3255699"), "0471-3255699");
  EXPECT_EQ(normalize_phone("04713255699"), "0471-3255699");
  EXPECT_EQ(normalize_phone("(0471)3255699"), "0471-3255699");
  EXPECT_EQ(normalize_phone("（０４７１）３２５５６９９"), "0471-3255699");
  EXPECT_EQ(normalize_phone("+86 471 3255699"), "0471-3255699");
  EXPECT_EQ(normalize_phone("+86 (0)471 3255699"), "0471-3255699");
  EXPECT_EQ(normalize_phone("010-12345678"), std::nullopt);  // local numbers do not start with 1
  EXPECT_EQ(normalize_phone("010-62345678"), "010-62345678");
  EXPECT_EQ(normalize_phone("021 6234 5678"), "021-62345678");
  EXPECT_EQ(normalize_phone("0472—5123456"), "0472-5123456");  // em dash
  EXPECT_EQ(normalize_phone("400-123-4567"), "400-123-4567");
  EXPECT_EQ(normalize_phone("4001234567"), "400-123-4567");
  EXPECT_EQ(normalize_phone("3255699"), std::nullopt);  // no area code
  EXPECT_EQ(normalize_phone("0471-325569"), std::nullopt);
  EXPECT_EQ(normalize_phone("047"), std::nullopt);  // shorter than its area code
  EXPECT_EQ(normalize_phone("+86 47"), std::nullopt);
}

TEST(Normalize, NotPhones) {
  EXPECT_EQ(normalize_phone(""), std::nullopt);
  EXPECT_EQ(normalize_phone("电话13800138000"), std::nullopt);
  EXPECT_EQ(normalize_phone("13800138000转8001"), std::nullopt);
  EXPECT_EQ(normalize_phone("+1 415 555 0100"), std::nullopt);
  EXPECT_EQ(normalize_phone("138+00138000"), std::nullopt);
  EXPECT_EQ(normalize_phone("91150404MA0N0TBR5E"), std::nullopt);
  EXPECT_EQ(normalize_phone("\xFF"
                            "13800138000"),
            std::nullopt);
}

TEST(Normalize, DatesInTheirUsualForms) {
  EXPECT_EQ(normalize_date("2018-04-02"), "2018-04-02");
  EXPECT_EQ(normalize_date("2018/4/2"), "2018-04-02");
  EXPECT_EQ(normalize_date("2018.04.02"), "2018-04-02");
  EXPECT_EQ(normalize_date("2018年4月2日"), "2018-04-02");
  EXPECT_EQ(normalize_date("2018年04月02号"), "2018-04-02");
  EXPECT_EQ(normalize_date("2018年4月2"), "2018-04-02");
  EXPECT_EQ(normalize_date(" 2018 年 4 月 2 日 "), "2018-04-02");
  EXPECT_EQ(normalize_date("20180402"), "2018-04-02");
  EXPECT_EQ(normalize_date("２０１８年４月２日"), "2018-04-02");
  EXPECT_EQ(normalize_date("２０１８－０４－０２"), "2018-04-02");
  EXPECT_EQ(normalize_date("2020-02-29"), "2020-02-29");
  EXPECT_EQ(normalize_date("2000-02-29"), "2000-02-29");
}

TEST(Normalize, InvalidDates) {
  EXPECT_EQ(normalize_date(""), std::nullopt);
  EXPECT_EQ(normalize_date("2018-02-30"), std::nullopt);
  EXPECT_EQ(normalize_date("2019-02-29"), std::nullopt);
  EXPECT_EQ(normalize_date("1900-02-29"), std::nullopt);
  EXPECT_EQ(normalize_date("2018-13-01"), std::nullopt);
  EXPECT_EQ(normalize_date("2018-04-31"), std::nullopt);
  EXPECT_EQ(normalize_date("2018-00-10"), std::nullopt);
  EXPECT_EQ(normalize_date("0000-01-01"), std::nullopt);
  EXPECT_EQ(normalize_date("2018-4/2"), std::nullopt);  // mixed separators
  EXPECT_EQ(normalize_date("18-04-02"), std::nullopt);
  EXPECT_EQ(normalize_date("2018-004-02"), std::nullopt);
  EXPECT_EQ(normalize_date("2018-04-02T10:00:00"), std::nullopt);
  EXPECT_EQ(normalize_date("2018年4月"), std::nullopt);
  EXPECT_EQ(normalize_date("201842"), std::nullopt);
  EXPECT_EQ(normalize_date("20180230"), std::nullopt);
  EXPECT_EQ(normalize_date("201804021"), std::nullopt);
  EXPECT_EQ(normalize_date("2018-04-02\xFF"), std::nullopt);
}

TEST(Normalize, Utf32RoundTrip) {
  const std::string s = "内蒙古A\U0001F600";
  std::u32string u = to_u32(s);
  ASSERT_EQ(u.size(), 5u);
  EXPECT_EQ(u[0], U'内');
  EXPECT_EQ(u[4], U'\U0001F600');
  EXPECT_EQ(from_u32(u), s);
  EXPECT_EQ(utf8_length(s), 5u);
  EXPECT_EQ(from_u32(std::u32string{char32_t{0xD800}, char32_t{0x110000}}), "\uFFFD\uFFFD");
}

}  // namespace
}  // namespace lj::text
