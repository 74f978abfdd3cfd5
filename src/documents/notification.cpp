#include "documents/notification.hpp"

#include <cmath>
#include <cstdio>

namespace lj::documents {
namespace {

std::string n(int64_t v) {
  return std::to_string(v);
}

std::string fixed(double v, int digits) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

std::string level_units(const std::string& level) {
  return level == "city" ? "盟市" : "旗县（市、区）";
}

}  // namespace

std::string notification_title(const evaluate::Evaluation& e) {
  return "关于" + e.period.name_zh() + "执法打假绩效评价情况的通报（草稿）";
}

OfficialDocument notification_document(const evaluate::Evaluation& e, const evaluate::Scheme& s,
                                       const std::string& date) {
  OfficialDocument d;
  d.issuer = e.unit_name;
  d.title = notification_title(e);
  d.number = "〔" + std::to_string(e.period.year) + "〕　号";
  d.subject = "evaluation notification " + e.unit_code + " " + e.period.code();
  bool has_city = false, has_county = false;
  for (const auto& u : e.units) (u.figures.level == "city" ? has_city : has_county) = true;
  d.addressee = has_city ? "各盟市市场监督管理局：" : "各旗县（市、区）市场监督管理局：";
  std::string indicators;
  for (const auto& i : s.indicators)
    if (i.weight > 0)
      indicators += (indicators.empty() ? "" : "、") + i.name + "（" + fixed(i.weight, 0) + "分）";
  d.paragraphs.push_back(
      "根据“质检利剑”行动实施方案“建立以查办案件数量和质量为考核重点的执法打假绩效评价体系”的要求，"
      "现将" +
      e.period.name_zh() + "（" + e.period.from() + "至" + e.period.to() +
      "）执法打假绩效评价情况通报如下。评价指标为：" + indicators +
      "；各项按同级单位最高值折算得分（评价方案 " + e.scheme_version + "）。");
  d.paragraphs.push_back("全辖区本期立案 " + n(e.total.cases_filed) + " 件，结案 " +
                         n(e.total.cases_closed) + " 件，其中大案要案 " + n(e.total.major_cases) +
                         " 件，移送司法机关 " + n(e.total.criminal_transfers) + " 件；受理线索 " +
                         n(e.total.leads_received) + " 条，已处置 " + n(e.total.leads_handled) +
                         " 条。");
  int section = 0;
  const char* kNumerals[] = {"一", "二", "三", "四", "五", "六"};
  for (const std::string level : {"city", "county"}) {
    if ((level == "city" && !has_city) || (level == "county" && !has_county)) continue;
    d.paragraphs.push_back(std::string(kNumerals[section++]) + "、" + level_units(level) +
                           "绩效评价排名");
    for (const auto& u : e.units) {
      if (u.figures.level != level) continue;
      d.paragraphs.push_back(
          "第" + n(u.rank) + "名：" + u.figures.name + "，得分 " + fixed(u.score, 2) + "（立案 " +
          n(u.figures.cases_filed) + " 件，结案 " + n(u.figures.cases_closed) + " 件，大案要案 " +
          n(u.figures.major_cases) + " 件，移送 " + n(u.figures.criminal_transfers) +
          " 件，执法人员 " + n(u.figures.officers) + " 名）。");
    }
  }
  std::string zero;
  for (const auto& z : e.zero_case)
    zero += (zero.empty() ? "" : "；") + z.name + "（受理线索 " + n(z.leads_received) +
            " 条，执法人员 " + n(z.officers) + " 名，立案 " + n(z.cases_filed) + " 件）";
  d.paragraphs.push_back(std::string(kNumerals[section++]) + "、零办案单位。" +
                         (zero.empty() ? "本期无零办案单位。"
                                       : "本期" + zero + "。对上述单位进行行政约谈，并予以通报。"));
  std::string declining;
  for (const auto& x : e.declining) {
    std::string why;
    if (x.drop_vs_last_year_percent)
      why += "较上年同期 " + n(x.last_year) + " 件下降 " + fixed(*x.drop_vs_last_year_percent, 1) +
             "%";
    if (x.drop_vs_average_percent)
      why += std::string(why.empty() ? "" : "，") + "较前" +
             n(static_cast<int64_t>(x.previous.size())) + "期平均 " + fixed(x.moving_average, 2) +
             " 件下降 " + fixed(*x.drop_vs_average_percent, 1) + "%";
    declining += (declining.empty() ? "" : "；") + x.name + "（本期立案 " + n(x.current) + " 件，" +
                 why + "）";
  }
  d.paragraphs.push_back(std::string(kNumerals[section++]) + "、办案数量下降单位。" +
                         (declining.empty()
                              ? "本期无办案数量明显下降的单位。"
                              : "本期" + declining + "。责令上述单位作出书面检查，并予以通报。"));
  d.paragraphs.push_back(
      std::string(kNumerals[section]) +
      "、工作要求。各单位要对照评价结果查找差距，加大案件查办力度，提高办案质量和时效，"
      "按时报送执法打假数据。");
  d.signer = e.unit_name;
  d.date = chinese_date(date);
  return d;
}

Result<std::string> render_notification_pdf(const evaluate::Evaluation& e,
                                            const evaluate::Scheme& s, const std::string& date) {
  return render_pdf(notification_document(e, s, date));
}

}  // namespace lj::documents
