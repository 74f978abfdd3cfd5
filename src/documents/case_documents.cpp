#include "documents/case_documents.hpp"

namespace lj::documents {
namespace {

// The fields of the latest action event `action` on the timeline, with its event.
const CaseEvent* last_action(const CaseFile& f, const std::string& action) {
  const CaseEvent* found = nullptr;
  for (const auto& e : f.timeline)
    if (e.kind == "action" && e.data.is_object() && e.data.value("action", "") == action)
      found = &e;
  return found;
}

std::string field_of(const CaseEvent* e, const char* name) {
  if (!e || !e->data.contains("fields") || !e->data["fields"].is_object()) return "";
  const Json& f = e->data["fields"];
  if (!f.contains(name)) return "";
  if (f[name].is_string()) return f[name].get<std::string>();
  if (f[name].is_number()) return f[name].dump();
  return "";
}

std::string or_dash(const std::string& s) {
  return s.empty() ? "—" : s;
}

// The facts after "经查：", without the summary's own leading 经查 if it has one.
std::string facts(const std::string& summary) {
  for (const char* lead : {"经查，", "经查：", "经查:", "经查,", "经查"})
    if (summary.rfind(lead, 0) == 0) return summary.substr(std::string(lead).size());
  return summary;
}

std::string party_name(const CaseFile& f) {
  if (f.enterprise && !f.enterprise->name.empty()) return f.enterprise->name;
  if (f.lead && !f.lead->enterprise_name.empty()) return f.lead->enterprise_name;
  return "";
}

// The party's particulars: an organisation's name, credit code, address and legal
// representative (a name, as the decision format requires). No reporter data ever.
std::vector<std::string> party_lines(const CaseFile& f) {
  std::vector<std::string> out;
  out.push_back("当事人：" + or_dash(party_name(f)));
  std::string uscc = f.enterprise ? f.enterprise->uscc : (f.lead ? f.lead->enterprise_uscc : "");
  std::string address =
      f.enterprise ? f.enterprise->address : (f.lead ? f.lead->enterprise_address : "");
  if (!uscc.empty()) out.push_back("统一社会信用代码：" + uscc);
  if (!address.empty()) out.push_back("住所：" + address);
  if (f.enterprise && !f.enterprise->legal_representative.empty())
    out.push_back("法定代表人：" + f.enterprise->legal_representative);
  return out;
}

std::string evidence_list(const CaseFile& f) {
  if (f.evidence.empty()) return "上述事实，有本案卷宗所附现场检查笔录、询问笔录等证据材料为证。";
  std::string s = "上述事实，有以下证据证明：";
  int n = 1;
  for (const auto& a : f.evidence) {
    s += (n > 1 ? "；" : "") + std::to_string(n) + ". " + a.filename + "（SHA-256 " +
         a.sha256.substr(0, 16) + "…）";
    ++n;
  }
  return s + "。";
}

OfficialDocument filing_approval(const CaseFile& f) {
  OfficialDocument d;
  d.issuer = f.unit_name;
  d.title = "立案审批表";
  d.number = "案号：" + f.c.case_no;
  d.subject = f.c.title;
  std::string source = "—";
  if (f.lead) {
    source = f.lead->source + "（线索 " + std::to_string(f.lead->id);
    if (!f.lead->received_at.empty()) source += "，" + chinese_date(f.lead->received_at) + "收到";
    source += "）";
    if (!f.lead->title.empty()) source += "：" + f.lead->title;
  }
  const CaseEvent* filed = last_action(f, "file");
  const CaseEvent* declined = last_action(f, "decline_filing");
  std::string opinion = "经初步核查，当事人涉嫌违法，建议立案调查。";
  std::string approval = "（待审批）";
  if (filed) {
    opinion = "经初步核查，" + field_of(filed, "reason") + "，建议立案调查。";
    approval = "同意立案。" + (filed->note.empty() ? "" : filed->note + "。") + "审批人：" +
               or_dash(filed->actor_name) + "　" + chinese_date(filed->at);
  } else if (declined) {
    approval = "不予立案：" + field_of(declined, "reason") + "。审批人：" +
               or_dash(declined->actor_name) + "　" + chinese_date(declined->at);
  }
  auto party = party_lines(f);
  party[0] = or_dash(party_name(f));  // the row's label says 当事人 already
  std::string party_text;
  for (size_t i = 0; i < party.size(); ++i) party_text += (i ? "\n" : "") + party[i];
  d.form = {{"案件名称", f.c.title},
            {"案号", f.c.case_no},
            {"案件来源", source},
            {"当事人", party_text},
            {"案情摘要", or_dash(f.c.summary)},
            {"承办人意见", opinion + "\n承办人：" +
                               or_dash(f.timeline.empty() ? "" : f.timeline.front().actor_name) +
                               "　" + chinese_date(f.c.opened_at)},
            {"审批意见", approval}};
  d.signer = f.unit_name;
  d.date = chinese_date(f.c.opened_at);
  return d;
}

Result<OfficialDocument> penalty_decision(const CaseFile& f) {
  if (f.progress.decision != "penalty")
    return Status::Conflict("the case '" + f.c.case_no + "' has no penalty decision yet (status " +
                                f.c.status +
                                "): the 行政处罚决定书 needs decide_penalty or summary_penalty",
                            "kind");
  const CaseEvent* decided = last_action(f, "decide_penalty");
  const CaseEvent* summary = last_action(f, "summary_penalty");
  const CaseEvent* decision = decided ? decided : summary;
  const CaseEvent* findings = last_action(f, "submit_legal_review");
  const CaseEvent* notice = last_action(f, "send_prior_notice");
  OfficialDocument d;
  d.issuer = f.unit_name;
  d.title = "行政处罚决定书";
  d.number = f.progress.decision_no.empty() ? f.c.case_no : f.progress.decision_no;
  d.subject = f.c.title;
  d.paragraphs = party_lines(f);
  std::string filed = f.progress.filed_at.empty() ? "" : chinese_date(f.progress.filed_at);
  d.paragraphs.push_back(
      (filed.empty() ? "" : filed + "，") + "本局对当事人" + f.c.title + "一案" +
      (f.progress.procedure == "summary" ? "适用简易程序当场处罚。" : "立案调查。"));
  d.paragraphs.push_back("经查：" + or_dash(facts(f.c.summary)));
  if (std::string s = field_of(findings, "findings"); !s.empty())
    d.paragraphs.push_back("调查认定：" + s);
  d.paragraphs.push_back(evidence_list(f));
  std::string basis = field_of(decision, "legal_basis");
  d.paragraphs.push_back("本局认为，当事人的上述行为违反了有关法律、法规的规定。依据" +
                         or_dash(basis) + "的规定，本局决定对当事人作出如下行政处罚：");
  std::string penalty = field_of(notice, "proposed_penalty");
  if (std::string fine = field_of(summary, "fine"); !fine.empty())
    penalty = "罚款人民币" + fine + "元";
  d.paragraphs.push_back(or_dash(penalty) + "。");
  d.paragraphs.push_back(
      "当事人应当自收到本决定书之日起十五日内，将罚款缴纳至指定银行或者通过电子支付系统缴纳。"
      "到期不缴纳罚款的，本局可以每日按罚款数额的百分之三加处罚款（《中华人民共和国行政处罚法》第七"
      "十二条）。");
  d.paragraphs.push_back(
      "当事人如不服本处罚决定，可以在收到本决定书之日起六十日内依法申请行政复议，"
      "也可以在六个月内依法向人民法院提起行政诉讼。申请行政复议或者提起行政诉讼的，"
      "行政处罚不停止执行，法律另有规定的除外。");
  d.signer = f.unit_name;
  d.date = chinese_date(f.progress.decided_at.empty() ? (decision ? decision->at : "")
                                                      : f.progress.decided_at);
  return d;
}

Result<OfficialDocument> transfer_letter(const CaseFile& f) {
  const CaseEvent* approved = last_action(f, "approve_transfer");
  if (f.progress.decision != "transfer" || !approved)
    return Status::Conflict("the case '" + f.c.case_no + "' has no approved transfer (status " +
                                f.c.status + "): the 移送函 needs approve_transfer",
                            "kind");
  const CaseEvent* proposed = last_action(f, "propose_transfer");
  OfficialDocument d;
  d.issuer = f.unit_name;
  d.title = "涉嫌犯罪案件移送函";
  d.number = or_dash(field_of(approved, "transfer_no"));
  d.subject = f.c.title;
  d.addressee = or_dash(field_of(approved, "police_authority")) + "：";
  std::string party = party_name(f);
  d.paragraphs.push_back("本局在查处" + (party.empty() ? std::string() : party) + f.c.title +
                         "一案（案号：" + f.c.case_no + "）中，发现当事人的行为涉嫌构成犯罪。");
  d.paragraphs.push_back("经查：" + or_dash(facts(f.c.summary)));
  if (std::string r = field_of(proposed, "reason"); !r.empty())
    d.paragraphs.push_back("移送理由：" + r);
  d.paragraphs.push_back(
      "根据《中华人民共和国行政处罚法》第二十七条和《行政执法机关移送涉嫌犯罪案件的规定》"
      "（国务院令第310号）第三条的规定，现将该案移送你局，请依法审查，并将处理结果书面告知本局。");
  d.paragraphs.push_back(
      "附件：涉嫌犯罪案件移送书、涉嫌犯罪案件情况的调查报告、涉案物品清单及有关检验报告或鉴定意见"
      "。");
  d.signer = f.unit_name;
  d.date = chinese_date(approved->at);
  return d;
}

}  // namespace

std::optional<DocumentKind> parse_document_kind(const std::string& s) {
  if (s == "filing-approval") return DocumentKind::kFilingApproval;
  if (s == "penalty-decision") return DocumentKind::kPenaltyDecision;
  if (s == "transfer-letter") return DocumentKind::kTransferLetter;
  return std::nullopt;
}

std::string document_kind_name(DocumentKind k) {
  switch (k) {
    case DocumentKind::kFilingApproval:
      return "filing-approval";
    case DocumentKind::kPenaltyDecision:
      return "penalty-decision";
    case DocumentKind::kTransferLetter:
      return "transfer-letter";
  }
  return "";
}

std::string document_title(DocumentKind k) {
  switch (k) {
    case DocumentKind::kFilingApproval:
      return "立案审批表";
    case DocumentKind::kPenaltyDecision:
      return "行政处罚决定书";
    case DocumentKind::kTransferLetter:
      return "移送函";
  }
  return "";
}

Result<OfficialDocument> build_document(DocumentKind kind, const CaseFile& file) {
  switch (kind) {
    case DocumentKind::kFilingApproval:
      return filing_approval(file);
    case DocumentKind::kPenaltyDecision:
      return penalty_decision(file);
    case DocumentKind::kTransferLetter:
      return transfer_letter(file);
  }
  return Status::Invalid("kind", "unknown document kind");
}

}  // namespace lj::documents
