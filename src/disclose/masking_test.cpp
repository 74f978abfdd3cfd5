// Masking of personal data (RULES.md, Publication): every kind, full-width forms, IDs ending in
// X, phone numbers inside longer digit runs, offsets in code points of the input.
#include "disclose/masking.hpp"

#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include "disclose/mask_stream.hpp"
#include "text/normalize.hpp"

namespace lj::disclose {
namespace {

std::vector<std::pair<std::string, std::string>> found(const std::string& text,
                                                       const std::vector<std::string>& party = {}) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& s : mask_text(text, party).found)
    out.emplace_back(std::string(kind_name(s.kind)), s.original);
  return out;
}

using Found = std::vector<std::pair<std::string, std::string>>;

TEST(Masking, ResidentIdByCheckDigitWithXLastAndTheOldForm) {
  EXPECT_EQ(mask_text("身份证号15020319900101234X。").masked, "身份证号1502**********234X。");
  EXPECT_EQ(mask_text("身份证号15020319900101234x").masked, "身份证号1502**********234x");
  EXPECT_EQ(mask_text("证号150203199001011232").masked, "证号1502**********1232");
  // A wrong check digit is no ID number (and 18 digits without a marker or Luhn are no account).
  EXPECT_EQ(found("证号150203199001011233"), Found{});
  // The 15-digit form of before 1999: a valid birth date, no check digit.
  EXPECT_EQ(mask_text("旧证150203900101123").masked, "旧证1502********123");
  EXPECT_EQ(found("编号150203901301123"), Found{}) << "month 13 is no birth date";
}

TEST(Masking, FullWidthDigitsAreFoldedButTheTextKeepsItsCharacters) {
  const std::string in = "身份证１５０２０３１９９００１０１２３４ｘ，电话１３８００１３８０００";
  const MaskResult m = mask_text(in);
  EXPECT_EQ(m.masked, "身份证１５０２**********２３４ｘ，电话１３８****８０００");
  ASSERT_EQ(m.found.size(), 2u);
  EXPECT_EQ(m.found[0].kind, PiiKind::kIdNumber);
  EXPECT_EQ(m.found[0].start, 3u) << "offsets count code points, not bytes";
  EXPECT_EQ(m.found[0].end, 21u);
  EXPECT_EQ(m.found[1].start, 24u);
  EXPECT_EQ(m.found[1].end, 35u);
  EXPECT_EQ(text::utf8_length(m.masked), text::utf8_length(in))
      << "the masked text keeps its length";
}

TEST(Masking, PhonesStandAloneOrWithSeparatorsNeverInsideLongerRuns) {
  EXPECT_EQ(mask_text("手机13800138000").masked, "手机138****8000");
  EXPECT_EQ(mask_text("手机138-0013-8000或138 0013 8000").masked,
            "手机138-****-8000或138 **** 8000");
  EXPECT_EQ(mask_text("电话+86 138 0013 8000").masked, "电话+86 138 **** 8000");
  EXPECT_EQ(mask_text("电话008613800138000").masked, "电话0086138****8000");
  EXPECT_EQ(mask_text("电话0471-3255699").masked, "电话0471-***5699");
  EXPECT_EQ(mask_text("电话(010)62345678").masked, "电话(010)****5678");
  EXPECT_EQ(mask_text("电话13800138000、13900139000").masked, "电话138****8000、139****9000");
  // Inside a longer run of digits or next to letters: an order number, a USCC, a batch.
  EXPECT_EQ(found("订单号201803011380013800012"), Found{});
  EXPECT_EQ(found("订单号13800138000123"), Found{});
  EXPECT_EQ(found("统一社会信用代码91150102MA0N1380013"), Found{});
  EXPECT_EQ(found("批号A13800138000"), Found{});
  EXPECT_EQ(found("服务热线400-123-4567"), Found{})
      << "a business's service number is no personal data";
  EXPECT_EQ(found("2018年13800元"), Found{});
}

TEST(Masking, BankAccountsByLuhnOrAfterAMarker) {
  EXPECT_EQ(mask_text("卡号6222021234567890128").masked, "卡号6222***********0128");
  EXPECT_EQ(mask_text("转入6222 0212 3456 7890 128").masked, "转入6222 **** **** ***0 128");
  // An organisation's account after a marker needs no Luhn check.
  EXPECT_EQ(mask_text("开户银行账号：15050170673600000123").masked,
            "开户银行账号：1505************0123");
  EXPECT_EQ(found("流水号6222021234567890127"), Found{}) << "Luhn fails and no marker";
}

TEST(Masking, EmailAddresses) {
  EXPECT_EQ(mask_text("邮箱 lisi.test@example.com。").masked, "邮箱 l********@example.com。");
  EXPECT_EQ(mask_text("邮箱ｌｉｓｉ＠ｅｘａｍｐｌｅ．ｃｏｍ").masked,
            "邮箱ｌ***＠ｅｘａｍｐｌｅ．ｃｏｍ");
  EXPECT_EQ(found("见第3@条"), Found{});
}

TEST(Masking, HomeAddressesOfPersonsNotOrganisations) {
  EXPECT_EQ(mask_text("李四，住址：内蒙古自治区赤峰市松山区钢铁街12号3单元502室，电话").masked,
            "李四，住址：内蒙古自治区赤峰市松山区*************，电话");
  EXPECT_EQ(mask_text("家住红山区长青街8号").masked, "家住红山区*****");
  EXPECT_EQ(mask_text("户籍地：呼和浩特市新城区某某巷3号。").masked,
            "户籍地：呼和浩特市新城区*****。");
  EXPECT_EQ(found("当事人赤峰某某商贸有限公司，住所：赤峰市松山区振兴大街1号。"), Found{})
      << "an enterprise's 住所 is published";
  EXPECT_EQ(found("当事人王五，男，住所：赤峰市松山区振兴大街1号。"),
            (Found{{"address", "赤峰市松山区振兴大街1号"}}));
}

TEST(Masking, NamesOfOtherPersonsButNotTheParty) {
  EXPECT_EQ(mask_text("举报人张三称").masked, "举报人张*称");
  EXPECT_EQ(mask_text("证人欧阳小明、巴特尔证实").masked, "证人欧阳**、巴**证实");
  EXPECT_EQ(mask_text("证人：斯琴·巴特尔到场").masked, "证人：斯*****到场");
  EXPECT_EQ(found("委托代理人王和平出示"), (Found{{"name", "王和平"}}));
  EXPECT_EQ(found("消费者投诉称，举报人称"), Found{}) << "words after a marker are not names";
  EXPECT_EQ(found("当事人张三，法定代表人李四"), Found{})
      << "the party and its representative are published";
  EXPECT_EQ(found("证人张三", {"张三"}), Found{}) << "a party named as a witness stays";
}

TEST(Masking, HealthInformationAfterItsMarkers) {
  EXPECT_EQ(mask_text("证人王五患有高血压，").masked, "证人王*患有***，");
  EXPECT_EQ(mask_text("经诊断为二型糖尿病。").masked, "经诊断为*****。");
  EXPECT_EQ(found("存在安全隐患有待整改"), Found{}) << "隐患 is a hazard, not a disease";
}

TEST(Masking, ATextWithEveryKind) {
  const std::string in =
      "举报人张三（身份证号15020319900101234X，手机１３８００１３８０００）反映：证人李四，住址：赤"
      "峰市"
      "松山区钢铁街12号，电话0476-8332199，邮箱 "
      "lisi@example.com，卡号6222021234567890128，患有高血压。"
      "订单号201803011380013800012，统一社会信用代码91150404MA0N1234X5。";
  const MaskResult m = mask_text(in);
  std::set<std::string> kinds;
  for (const auto& s : m.found) kinds.insert(std::string(kind_name(s.kind)));
  EXPECT_EQ(kinds, (std::set<std::string>{"id_number", "phone", "bank_account", "email", "address",
                                          "name", "health"}));
  for (const char* secret : {"15020319900101234X", "１３８００１３８０００", "钢铁街12号",
                             "8332199", "lisi@", "6222021234567890128", "高血压", "张三", "李四"})
    EXPECT_EQ(m.masked.find(secret), std::string::npos) << secret << " in " << m.masked;
  EXPECT_NE(m.masked.find("201803011380013800012"), std::string::npos);
  EXPECT_NE(m.masked.find("91150404MA0N1234X5"), std::string::npos);
  // Spans are ordered, disjoint, and the masked text is the input with the spans applied.
  for (size_t i = 1; i < m.found.size(); ++i) EXPECT_LE(m.found[i - 1].end, m.found[i].start);
  EXPECT_EQ(apply_spans(in, m.found), m.masked);
}

TEST(Masking, ManualSpansMaskByTheirKind) {
  EXPECT_EQ(mask_span(PiiKind::kName, "欧阳小明"), "欧阳**");
  EXPECT_EQ(mask_span(PiiKind::kPhone, "13800138000"), "138****8000");
  EXPECT_EQ(mask_span(PiiKind::kHealth, "糖尿病"), "***");
  PiiKind k;
  EXPECT_TRUE(parse_kind("bank_account", k));
  EXPECT_EQ(k, PiiKind::kBankAccount);
  EXPECT_FALSE(parse_kind("colour", k));
}

TEST(MaskStream, NdjsonPerTheContract) {
  std::istringstream in(
      "{\"id\":1,\"text\":\"电话１３８００１３８０００\"}\n\n"
      "{\"id\":\"b\",\"text\":\"证人张三\",\"party\":[\"张三\"]}\n"
      "not json\n"
      "{\"id\":3}\n");
  std::ostringstream out, err;
  EXPECT_EQ(mask_stream(in, out, err), 2);
  EXPECT_EQ(out.str(),
            "{\"id\":1,\"masked\":\"电话１３８****８０００\",\"found\":[{\"kind\":\"phone\","
            "\"start\":2,\"end\":13}]}\n"
            "{\"id\":\"b\",\"masked\":\"证人张三\",\"found\":[]}\n"
            "{\"id\":null,\"error\":{\"line\":4,\"message\":\"not a JSON object\"}}\n"
            "{\"id\":3,\"error\":{\"line\":5,\"message\":\"field text: a string is required\"}}\n");
  EXPECT_NE(err.str().find("line 4"), std::string::npos);
}

}  // namespace
}  // namespace lj::disclose
