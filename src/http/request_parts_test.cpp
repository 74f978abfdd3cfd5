#include "http/request_parts.hpp"

#include <gtest/gtest.h>

#include "http/static_files.hpp"
#include "http/types.hpp"

namespace lj::http {
namespace {

TEST(UrlDecodeTest, DecodesEscapesAndPlusOnlyWhenAsked) {
  std::string out;
  ASSERT_TRUE(url_decode("a%20b+c%2Fd%e4%B8%ad", out, true));
  EXPECT_EQ(out, "a b c/d\xe4\xb8\xad");
  ASSERT_TRUE(url_decode("a+b", out, false));
  EXPECT_EQ(out, "a+b");
}

TEST(UrlDecodeTest, RejectsMalformedEscapes) {
  std::string out;
  EXPECT_FALSE(url_decode("%", out, false));
  EXPECT_FALSE(url_decode("ab%2", out, false));
  EXPECT_FALSE(url_decode("%zz", out, false));
  EXPECT_FALSE(url_decode("%g0", out, false));
}

TEST(ParseTargetTest, SplitsAndDecodesPathAndQuery) {
  std::string path;
  std::multimap<std::string, std::string> query;
  ASSERT_TRUE(parse_target("/api/v1/leads%2042?q=a+b&tag=x&tag=y&flag&&k%3D=v%26", path, query));
  EXPECT_EQ(path, "/api/v1/leads 42");
  EXPECT_EQ(query.count("tag"), 2u);
  EXPECT_EQ(query.find("q")->second, "a b");
  EXPECT_EQ(query.find("flag")->second, "");
  EXPECT_EQ(query.find("k=")->second, "v&");
}

TEST(ParseTargetTest, RejectsNonOriginFormBadEscapesAndNul) {
  std::string path;
  std::multimap<std::string, std::string> query;
  EXPECT_FALSE(parse_target("http://example.com/", path, query));
  EXPECT_FALSE(parse_target("*", path, query));
  EXPECT_FALSE(parse_target("/a%zz", path, query));
  EXPECT_FALSE(parse_target("/a?x=%", path, query));
  EXPECT_FALSE(parse_target("/a%00b", path, query));
}

TEST(RequestIdTest, KeepsValidIdsAndGeneratesOthers) {
  std::string valid = "Req-1.2_3";
  EXPECT_EQ(request_id_for(&valid), valid);
  std::string spaces = "has space";
  std::string too_long(65, 'a');
  std::string empty;
  for (const std::string* bad : {&spaces, &too_long, &empty, static_cast<std::string*>(nullptr)}) {
    std::string id = request_id_for(bad);
    EXPECT_EQ(id.size(), 16u);
    EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos);
  }
  EXPECT_NE(request_id_for(nullptr), request_id_for(nullptr));
}

TEST(CookieTest, FindsNamedCookie) {
  Request request;
  request.headers["cookie"] = "theme=dark; lj_session=abc123;  quoted=\"v\"; empty=";
  EXPECT_EQ(request.cookie("lj_session"), "abc123");
  EXPECT_EQ(request.cookie("theme"), "dark");
  EXPECT_EQ(request.cookie("quoted"), "v");
  EXPECT_EQ(request.cookie("empty"), "");
  EXPECT_EQ(request.cookie("session"), "");
  Request none;
  EXPECT_EQ(none.cookie("lj_session"), "");
}

TEST(ErrorResponseTest, IsJsonError) {
  Response response = error_response(413, "payload_too_large", "too \"big\"");
  EXPECT_EQ(response.status, 413);
  EXPECT_EQ(response.body, R"({"error":{"code":"payload_too_large","message":"too \"big\""}})");
  EXPECT_EQ(response.content_type, "application/json; charset=utf-8");
}

TEST(ContentTypeTest, ByExtension) {
  EXPECT_EQ(content_type_for("index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type_for("a.MJS"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("x.woff2"), "font/woff2");
  EXPECT_EQ(content_type_for("x.wasm"), "application/wasm");
  EXPECT_EQ(content_type_for("x.map"), "application/json; charset=utf-8");
  EXPECT_EQ(content_type_for("noext"), "application/octet-stream");
}

TEST(StaticFilesTest, AppliesOnlyToGetAndHeadOutsideTheServerPaths) {
  EXPECT_TRUE(StaticFiles::applies("GET", "/"));
  EXPECT_TRUE(StaticFiles::applies("HEAD", "/assets/a.js"));
  EXPECT_FALSE(StaticFiles::applies("POST", "/"));
  EXPECT_FALSE(StaticFiles::applies("GET", "/api/v1/leads"));
  EXPECT_FALSE(StaticFiles::applies("GET", "/metrics"));
  EXPECT_FALSE(StaticFiles::applies("GET", "/healthz"));
}

}  // namespace
}  // namespace lj::http
