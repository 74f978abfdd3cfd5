// Official documents (公文) rendered as PDF with cairo and pango: A4, the layout of GB/T 9704
// in its essentials (issuer and title centred in a heavy serif CJK face, the document number
// line, justified body paragraphs with a two-character first-line indent, a form table, the
// signature block with the unit and the date in Chinese numerals, page numbers "— n —").
// The fonts are Debian's Noto CJK (fonts-noto-cjk); cairo embeds the subsets used.
// Rendering is blocking and CPU-bound: call it from a worker thread, never from an I/O loop.
#pragma once

#include <string>
#include <vector>

#include "core/status.hpp"

namespace lj::documents {

// One row of a form table (立案审批表): a label cell and its content.
struct FormRow {
  std::string label;
  std::string value;
};

struct OfficialDocument {
  std::string issuer;  // the issuing unit, above the title (e.g. 赤峰市松山区市场监督管理局)
  std::string title;      // 行政处罚决定书
  std::string number;     // the number line, e.g. 松市监罚〔2018〕12号; empty: none
  std::string addressee;  // the first line, flush left (e.g. 赤峰市公安局松山区分局：)
  std::vector<FormRow> form;            // a table under the title; empty: none
  std::vector<std::string> paragraphs;  // the body, each justified with a first-line indent
  std::string signer;                   // the unit in the signature block
  std::string date;                     // the signature date, already in Chinese numerals
  std::string subject;                  // PDF metadata: what the document is about
};

// The document as PDF bytes (starts with "%PDF").
Result<std::string> render_pdf(const OfficialDocument& doc);

// "2018-05-01" (or an ISO 8601 time starting so) as 二〇一八年五月一日; empty when not a date.
std::string chinese_date(const std::string& iso);

}  // namespace lj::documents
