#include "refdata/demo_text.hpp"

#include <map>

namespace lj::refdata::demo {
namespace {

bool starts_with(const std::string& s, const std::string& prefix) {
  return !prefix.empty() && s.compare(0, prefix.size(), prefix) == 0;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
  for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size())) {
    s.replace(at, from.size(), to);
  }
  return s;
}

// The predicate following the subject: {v} is 销售/生产, {p} the product.
std::string predicate(const std::string& violation, const std::string& category) {
  static const std::map<std::string, std::string> kSpecial = {
      {"fuel/short_weight", "加油机涉嫌作弊，实际加油量明显少于显示数量"},
      {"fuel/false_labeling", "涉嫌虚标标号，将低标号油品按{p}销售"},
      {"fuel/adulteration", "{v}的{p}涉嫌掺杂掺假，掺兑劣质调和油"},
      {"steel/banned_product", "{v}“地条钢”生产的{p}"},
      {"fired_bricks/banned_product", "仍在生产销售国家明令淘汰的黏土实心{p}"},
      {"cashmere/adulteration", "{v}的{p}掺杂掺假，以羊毛冒充羊绒"},
  };
  auto it = kSpecial.find(category + "/" + violation);
  if (it != kSpecial.end()) return it->second;
  static const std::map<std::string, std::string> kGeneral = {
      {"substandard", "{v}的{p}质量不符合国家标准要求"},
      {"inferior_as_superior", "{v}的{p}以次充好，以低等级产品冒充高等级产品"},
      {"fake_as_conforming", "以不合格{p}冒充合格产品{v}"},
      {"forged_origin", "{v}的{p}包装标注厂名厂址系伪造，涉嫌冒用他人厂名厂址"},
      {"no_production_license", "{v}的{p}无生产许可证编号，涉嫌无证生产"},
      {"no_ccc", "{v}的{p}未标注CCC认证标志，涉嫌未经强制性认证出厂销售"},
      {"false_labeling", "{v}的{p}标识标注内容与实际不符，涉嫌虚假标识"},
      {"insufficient_content", "{v}的{p}有效含量不足"},
      {"short_weight", "{v}的{p}短斤缺两，实际净含量明显少于标注"},
      {"adulteration", "{v}的{p}涉嫌掺杂掺假"},
      {"banned_product", "{v}国家明令淘汰的{p}"},
      {"counterfeit_trademark", "{v}的{p}涉嫌假冒他人注册商标"},
  };
  return kGeneral.at(violation);
}

std::string association(const std::string& action) {
  if (action == "agri_inputs") return "自治区农资流通行业协会";
  if (action == "building_materials") return "建材行业协会";
  if (action == "auto_parts_fuel") return "汽车用品行业协会";
  return "消费者协会";
}

std::string lead_in(Rng& rng, const LeadStory& s) {
  static const char* kQuarters[] = {"一", "二", "三", "四"};
  const std::string& src = s.source;
  if (src == "hotline_12365") {
    return rng.pick(std::vector<std::string>{"群众通过12365热线举报，", "消费者拨打12365投诉，",
                                             "12365投诉举报平台接到举报，"});
  }
  if (src == "sampling") {
    return std::to_string(s.year) + "年第" + kQuarters[s.quarter - 1] + "季度" +
           (rng.chance(0.5) ? "自治区" : "盟市") + "产品质量监督抽查中，抽检发现";
  }
  if (src == "risk_monitoring") return "产品质量安全风险监测发现，";
  if (src == "media") {
    return rng.pick(std::vector<std::string>{"据当地媒体报道，", "网络舆情监测发现，有网民发帖称",
                                             "微信公众号文章反映，"});
  }
  if (src == "ecommerce_monitoring") return "国家电商打假分中心监测发现，";
  if (src == "association") return association(s.category->action) + "反映，";
  if (src == "rights_holder") return "“" + trade_name(rng) + "”注册商标权利人来函投诉，";
  if (src == "inspection") {
    return rng.pick(std::vector<std::string>{"执法人员在日常检查中发现，", "执法人员对辖区市场开展巡查时发现，"});
  }
  if (src == "undercover") return rng.pick(std::vector<std::string>{"执法人员暗访发现，", "经明查暗访，"});
  if (src == "referral") {
    return rng.chance(0.6) ? s.referrer_city + "市场监督管理部门通报，" : "公安机关移送线索称，";
  }
  if (src == "public_web") return "群众通过网上举报平台反映，";
  return rng.pick(std::vector<std::string>{"群众来信反映，", "群众来访反映，"});
}

}  // namespace

std::string amount_words(int64_t fen) {
  const int64_t yuan = fen / 100;
  if (yuan >= 10000) {
    const int64_t tenths = yuan / 1000;  // in units of 0.1 万
    std::string out = "约" + std::to_string(tenths / 10);
    if (tenths % 10 != 0) out += "." + std::to_string(tenths % 10);
    return out + "万元";
  }
  return "约" + std::to_string(yuan) + "元";
}

LeadWords write_lead(Rng& rng, const LeadStory& s) {
  const std::string verb = s.sells_only ? "销售" : "生产";
  const std::string where = s.place.city_name + s.place.county_name;
  // Named enterprises mostly carry their place already: 赤峰市松山区恒达农资经销部.
  std::string who;
  if (starts_with(s.subject, s.place.city_name)) {
    who = s.subject;
  } else if (starts_with(s.subject, "某")) {
    who = where + s.subject;
  } else {
    who = "位于" + where + "的" + s.subject;
  }
  if (s.online) who = s.platform + "平台店铺“" + s.shop_name + "”（经营者为" + who + "）";
  std::string main = predicate(s.violations.front(), s.category->code);
  main = replace_all(replace_all(main, "{v}", s.online ? "网上销售" : verb), "{p}", s.product);

  LeadWords w;
  w.text = lead_in(rng, s) + who + main;
  for (size_t i = 1; i < s.violations.size(); ++i) {
    w.text += "，还涉嫌" + violation_short(s.violations[i]);
  }
  w.text += "。";
  if (!s.category->details.empty()) w.text += rng.pick(s.category->details) + "。";
  if (!s.failed_items.empty()) {
    w.text += "不合格项目：";
    for (size_t i = 0; i < s.failed_items.size(); ++i) {
      w.text += (i ? "、" : "") + s.failed_items[i];
    }
    if (!s.standard.empty()) w.text += "（依据" + s.standard + "）";
    w.text += "。";
  }
  if (s.amount_fen) w.text += "涉案货值" + amount_words(*s.amount_fen) + "。";
  if (s.source == "hotline_12365" || s.source == "public_web") {
    w.text += rng.pick(std::vector<std::string>{"请依法查处。", "举报人要求查处并反馈处理结果。",
                                                "希望尽快查处，避免更多群众受骗。"});
  }

  std::string subject_short = s.online ? "网店“" + s.shop_name + "”" : s.subject;
  if (subject_short.find(s.place.county_name) == std::string::npos) {
    subject_short = s.place.county_name + subject_short;
  }
  w.title = subject_short + s.product + violation_short(s.violations.front());
  return w;
}

}  // namespace lj::refdata::demo
