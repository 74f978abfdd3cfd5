// The monthly dispatch report (调度会材料) as files: a PDF in the official layout (documents/pdf)
// and an XLSX workbook with the merged two-level headers of official statistical tables
// (libxlsxwriter). Blocking and CPU-bound: call from a worker thread.
#pragma once

#include <string>

#include "core/status.hpp"
#include "documents/pdf.hpp"
#include "evaluate/dispatch.hpp"

namespace lj::documents {

// The report as an official document: issuer, title, the figures as a form table, then the
// overdue periods, supervised cases, zero-case units and hotspots as numbered sections.
// `date` is the production day (YYYY-MM-DD) printed under the signature.
OfficialDocument dispatch_document(const evaluate::DispatchReport& r, const std::string& date);
Result<std::string> render_dispatch_pdf(const evaluate::DispatchReport& r, const std::string& date);

// The workbook (bytes of an .xlsx file): sheet 调度表 with the merged title and the two-level
// header (单位 | 新增线索 | 案件: 立案 结案 | 督查督办: 超期事项 督办案件) per subordinate unit and
// the total, then one sheet each for 线索来源, 超期事项, 督办案件, 零办案单位, 区域热点.
Result<std::string> render_dispatch_xlsx(const evaluate::DispatchReport& r,
                                         const std::string& date);

// "2018年5月执法打假工作调度情况" for the report's month.
std::string dispatch_title(const evaluate::DispatchReport& r);

}  // namespace lj::documents
