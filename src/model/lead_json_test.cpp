#include "model/lead_json.hpp"

#include <gtest/gtest.h>

#include "model/json.hpp"

namespace lj {
namespace {

Lead full_lead() {
  Lead l;
  l.id = 42;
  l.source = "hotline_12365";
  l.source_id = "A-1";
  l.received_at = "2018-04-02T10:00:00+08:00";
  l.title = "复合肥\"有效含量\"不足";
  l.text = "第一行\n第二行\t制表\\反斜杠\x01控制";
  l.channel = "online";
  l.status = "verified";
  l.unit_code = "150404";
  l.enterprise_id = 7;
  l.enterprise_name = "赤峰某农资有限公司";
  l.product_category = "fertilizer";
  l.special_actions = {"agri_inputs", "ecommerce"};
  l.violations = {"insufficient_content"};
  l.amount_involved_fen = 1234567;
  l.reporter_name = "张三丰";
  l.reporter_phone = "13812345678";
  l.extra = Json{{"platform", "某电商平台"}, {"price", 12.5}};
  l.created_at = l.updated_at = "2018-04-02T10:00:01+08:00";
  l.version = 3;
  return l;
}

TEST(LeadJson, WriterAndAuditFormAreTheSameDocument) {
  for (bool personal : {true, false}) {
    for (Lead l : {full_lead(), Lead{}}) {
      std::string out;
      JsonWriter w(out);
      write_lead(w, l, personal);
      Json parsed = Json::parse(out);
      EXPECT_EQ(parsed, to_json(l, personal)) << out;
    }
  }
}

TEST(LeadJson, PersonalDataIsMaskedForRolesWithoutNeed) {
  std::string out;
  JsonWriter w(out);
  write_lead(w, full_lead(), false);
  Json j = Json::parse(out);
  EXPECT_EQ(j["reporter_phone"], "138****5678");
  EXPECT_EQ(j["reporter_name"], "张**");
  EXPECT_EQ(out.find("13812345678"), std::string::npos);
}

TEST(JsonWriterTest, EscapesAndReplacesInvalidUtf8) {
  std::string out;
  JsonWriter w(out);
  w.begin_object();
  w.key("a").string(std::string("x\xff y\xe4\xb8") + "中");
  w.key("b").begin_array();
  w.integer(-5);
  w.boolean(true);
  w.null();
  w.end_array();
  w.end_object();
  Json j = Json::parse(out);
  EXPECT_EQ(j["a"], "x\xEF\xBF\xBD y\xEF\xBF\xBD\xEF\xBF\xBD中");
  EXPECT_EQ(j["b"], Json::parse("[-5,true,null]"));
}

}  // namespace
}  // namespace lj
