// The official documents as PDF: Chinese dates, a PDF that starts right, carries the case's text
// (pdftotext) and embeds its CJK font (pdffonts); and the case documents' state rules.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "documents/case_documents.hpp"
#include "documents/pdf.hpp"
#include "documents/pdf_testing.hpp"

namespace lj::documents {
namespace {

using testing::flat;
using testing::have;
using testing::run;
using testing::write_temp;

CaseFile decided_case() {
  CaseFile f;
  f.c.id = 7;
  f.c.case_no = "150404-2018-000007";
  f.c.title = "销售不合格复合肥";
  f.c.summary =
      "当事人于2018年3月至4月间销售总养分含量不足的复合肥共计120袋，货值金额人民币9600元。";
  f.c.status = "decided";
  f.c.unit_code = "150404";
  f.c.opened_at = "2018-04-20T09:00:00+08:00";
  f.unit_name = "赤峰市松山区市场监督管理局";
  f.progress.decision = "penalty";
  f.progress.decision_no = "松市监罚〔2018〕12号";
  f.progress.filed_at = "2018-04-23T10:00:00+08:00";
  f.progress.decided_at = "2018-05-01T08:00:00+08:00";
  Enterprise e;
  e.name = "赤峰市松山区丰收农资经销部";
  e.uscc = "92150404MA0N123456";
  e.address = "赤峰市松山区当铺地乡";
  e.legal_representative = "王五";
  f.enterprise = e;
  CaseEvent ev;
  ev.kind = "action";
  ev.at = "2018-05-01T08:00:00+08:00";
  ev.data = Json{{"action", "decide_penalty"},
                 {"fields",
                  {{"decision_no", "松市监罚〔2018〕12号"},
                   {"legal_basis", "《中华人民共和国产品质量法》第五十条"}}}};
  f.timeline.push_back(ev);
  return f;
}

TEST(ChineseDate, WritesOfficialNumerals) {
  EXPECT_EQ(chinese_date("2018-05-01"), "二〇一八年五月一日");
  EXPECT_EQ(chinese_date("2018-10-20T09:00:00+08:00"), "二〇一八年十月二十日");
  EXPECT_EQ(chinese_date("2018-12-31"), "二〇一八年十二月三十一日");
  EXPECT_EQ(chinese_date("2018-11-15"), "二〇一八年十一月十五日");
  EXPECT_EQ(chinese_date("2018-13-01"), "");
  EXPECT_EQ(chinese_date("bad"), "");
}

TEST(CaseDocuments, DecisionNeedsAPenaltyDecision) {
  CaseFile f = decided_case();
  f.progress.decision.clear();
  f.c.status = "investigating";
  auto d = build_document(DocumentKind::kPenaltyDecision, f);
  EXPECT_EQ(d.status().code(), Code::kConflict);
  EXPECT_EQ(build_document(DocumentKind::kTransferLetter, f).status().code(), Code::kConflict);
  EXPECT_TRUE(build_document(DocumentKind::kFilingApproval, f).ok());
  EXPECT_EQ(parse_document_kind("penalty-decision"), DocumentKind::kPenaltyDecision);
  EXPECT_FALSE(parse_document_kind("decision").has_value());
}

TEST(CaseDocuments, DecisionCarriesPartyFactsBasisAndRights) {
  auto d = build_document(DocumentKind::kPenaltyDecision, decided_case());
  ASSERT_TRUE(d.ok()) << d.status().to_string();
  EXPECT_EQ(d->number, "松市监罚〔2018〕12号");
  EXPECT_EQ(d->date, "二〇一八年五月一日");
  std::string all;
  for (const auto& p : d->paragraphs) all += p;
  EXPECT_NE(all.find("赤峰市松山区丰收农资经销部"), std::string::npos);
  EXPECT_NE(all.find("产品质量法》第五十条"), std::string::npos);
  EXPECT_NE(all.find("行政复议"), std::string::npos);
  EXPECT_NE(all.find("十五日内"), std::string::npos);
}

TEST(RenderPdf, StartsAsPdfAndCarriesTheTextWithEmbeddedCjkFonts) {
  auto d = build_document(DocumentKind::kPenaltyDecision, decided_case());
  ASSERT_TRUE(d.ok());
  // A long body: the layout breaks pages and numbers them.
  for (int i = 0; i < 30; ++i)
    d->paragraphs.push_back("第" + std::to_string(i) + "段：" + decided_case().c.summary);
  auto pdf = render_pdf(*d);
  ASSERT_TRUE(pdf.ok()) << pdf.status().to_string();
  ASSERT_GT(pdf->size(), 1000u);
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  if (!have("pdftotext") || !have("pdffonts")) GTEST_SKIP() << "poppler-utils is not installed";
  const std::string path = write_temp(*pdf, "lj-decision");
  const std::string text = flat(run("pdftotext -enc UTF-8 '" + path + "' -"));
  EXPECT_NE(text.find("行政处罚决定书"), std::string::npos) << text.substr(0, 400);
  EXPECT_NE(text.find("赤峰市松山区丰收农资经销部"), std::string::npos);
  EXPECT_NE(text.find("二〇一八年五月一日"), std::string::npos);
  EXPECT_NE(text.find("—2—"), std::string::npos);  // page numbers
  const std::string fonts = run("pdffonts '" + path + "'");
  EXPECT_NE(fonts.find("NotoSerifCJK"), std::string::npos) << fonts;
  // Every font is embedded (the "emb" column): no line of the table says "no" there.
  for (size_t at = fonts.find('\n', fonts.find("-----"));
       at != std::string::npos && at + 1 < fonts.size(); at = fonts.find('\n', at + 1)) {
    std::string line = fonts.substr(at + 1, fonts.find('\n', at + 1) - at - 1);
    if (line.empty()) continue;
    EXPECT_NE(line.find(" yes "), std::string::npos) << line;
  }
  std::filesystem::remove(path);
}

TEST(RenderPdf, FilingApprovalFormAndTransferLetter) {
  CaseFile f = decided_case();
  auto form = build_document(DocumentKind::kFilingApproval, f);
  ASSERT_TRUE(form.ok());
  EXPECT_FALSE(form->form.empty());
  auto pdf = render_pdf(*form);
  ASSERT_TRUE(pdf.ok());
  CaseEvent t;
  t.kind = "action";
  t.at = "2018-05-02T10:00:00+08:00";
  t.data = Json{
      {"action", "approve_transfer"},
      {"fields",
       {{"police_authority", "赤峰市公安局松山区分局"}, {"transfer_no", "松市监移〔2018〕3号"}}}};
  f.timeline.push_back(t);
  f.progress.decision = "transfer";
  auto letter = build_document(DocumentKind::kTransferLetter, f);
  ASSERT_TRUE(letter.ok()) << letter.status().to_string();
  EXPECT_EQ(letter->addressee, "赤峰市公安局松山区分局：");
  EXPECT_EQ(letter->date, "二〇一八年五月二日");
  auto lpdf = render_pdf(*letter);
  ASSERT_TRUE(lpdf.ok());
  if (!have("pdftotext")) GTEST_SKIP() << "poppler-utils is not installed";
  const std::string path = write_temp(*pdf, "lj-form");
  const std::string text = flat(run("pdftotext -enc UTF-8 '" + path + "' -"));
  EXPECT_NE(text.find("立案审批表"), std::string::npos);
  EXPECT_NE(text.find("150404-2018-000007"), std::string::npos);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace lj::documents
