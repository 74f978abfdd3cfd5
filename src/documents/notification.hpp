// The notification draft (通报) of an evaluation of units (evaluate/evaluation.hpp) as an
// official document: the rankings of each level with scores, the zero-case units to be
// interviewed (约谈) and the declining units ordered to examine themselves (责令作出检查), each
// with the figures behind it, as the 2018 work plan's 四(二) requires. A draft: the document
// number is left for the issuing office to fill in.
#pragma once

#include <string>

#include "core/status.hpp"
#include "documents/pdf.hpp"
#include "evaluate/evaluation.hpp"

namespace lj::documents {

// "关于2018年第二季度执法打假绩效评价情况的通报（草稿）"
std::string notification_title(const evaluate::Evaluation& e);
// `date` (YYYY-MM-DD) is printed under the signature.
OfficialDocument notification_document(const evaluate::Evaluation& e, const evaluate::Scheme& s,
                                       const std::string& date);
Result<std::string> render_notification_pdf(const evaluate::Evaluation& e,
                                            const evaluate::Scheme& s, const std::string& date);

}  // namespace lj::documents
