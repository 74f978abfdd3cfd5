// Stored files are attachments unless the caller asks to display a PDF or image inline; an
// inline file may be framed by the app's own origin only and runs no script.
#include "api/file_response.hpp"

#include <gtest/gtest.h>

namespace lj::api {
namespace {

std::string header(const http::Response& r, const std::string& name) {
  for (const auto& [k, v] : r.headers)
    if (k == name) return v;
  return "";
}

TEST(FileResponse, PdfInlineOnRequestWithAPolicyThatForbidsScripts) {
  http::Response r;
  r.content_type = "application/pdf";
  set_file_disposition(r, "立案审批表.pdf", true);
  EXPECT_EQ(header(r, "Content-Disposition").rfind("inline; filename*=UTF-8''%E7%AB%8B", 0), 0u);
  EXPECT_NE(header(r, "Content-Security-Policy").find("default-src 'none'"), std::string::npos);
  EXPECT_NE(header(r, "Content-Security-Policy").find("frame-ancestors 'self'"), std::string::npos);
  EXPECT_EQ(header(r, "Content-Security-Policy").find("script-src"), std::string::npos);
  EXPECT_EQ(header(r, "X-Frame-Options"), "SAMEORIGIN");
}

TEST(FileResponse, OtherTypesAndDefaultAreAttachments) {
  http::Response html;
  html.content_type = "text/html; charset=utf-8";
  set_file_disposition(html, "x.html", true);
  EXPECT_EQ(header(html, "Content-Disposition").rfind("attachment;", 0), 0u);
  EXPECT_EQ(header(html, "X-Frame-Options"), "");

  http::Response pdf;
  pdf.content_type = "application/pdf";
  set_file_disposition(pdf, "a.pdf", false);
  EXPECT_EQ(header(pdf, "Content-Disposition").rfind("attachment;", 0), 0u);
  EXPECT_TRUE(displayable_inline("image/PNG"));
  EXPECT_FALSE(displayable_inline("image/svg+xml"));
}

}  // namespace
}  // namespace lj::api
