#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "http/server_test_support.hpp"

namespace lj::http::test {
namespace {

namespace fs = std::filesystem;

// A built web app in a temporary directory, beside a secret the server must never serve.
class StaticServerTest : public ServerTest {
 protected:
  void SetUp() override {
    base_ = fs::temp_directory_path() /
            ("lj_http_static_" + std::to_string(::getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(base_ / "web" / "assets");
    write(base_ / "secret.txt", "TOP SECRET");
    write(base_ / "web" / "index.html", "<!doctype html><title>app</title>");
    write(base_ / "web" / "assets" / "app.1a2b.js", "console.log(1)");
    write(base_ / "web" / "robots.txt", "User-agent: *");
    ServerConfig config;
    config.static_dir = (base_ / "web").string();
    start(config);
  }
  void TearDown() override {
    ServerTest::TearDown();
    fs::remove_all(base_);
  }
  static void write(const fs::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
  }

  fs::path base_;
};

TEST_F(StaticServerTest, ServesAssetsWithTypeAndImmutableCaching) {
  auto reply = fetch(get("/assets/app.1a2b.js"));
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->body, "console.log(1)");
  EXPECT_EQ(reply->header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(reply->header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_FALSE(reply->header("etag").empty());
  EXPECT_EQ(reply->header("x-content-type-options"), "nosniff");
}

TEST_F(StaticServerTest, ServesIndexWithRevalidationAndCsp) {
  auto reply = fetch(get("/"));
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->body, "<!doctype html><title>app</title>");
  EXPECT_EQ(reply->header("content-type"), "text/html; charset=utf-8");
  EXPECT_EQ(reply->header("cache-control"), "no-cache");
  EXPECT_NE(reply->header("content-security-policy").find("default-src 'self'"), std::string::npos);
  auto text = fetch(get("/robots.txt"));
  ASSERT_TRUE(text);
  EXPECT_EQ(text->header("content-type"), "text/plain; charset=utf-8");
  EXPECT_TRUE(text->header("content-security-policy").empty());
}

TEST_F(StaticServerTest, MatchingEtagIs304) {
  auto first = fetch(get("/assets/app.1a2b.js"));
  ASSERT_TRUE(first);
  std::string etag = first->header("etag");
  auto again = fetch(get("/assets/app.1a2b.js", "If-None-Match: \"other\", " + etag + "\r\n"));
  ASSERT_TRUE(again);
  EXPECT_EQ(again->status, 304);
  EXPECT_TRUE(again->body.empty());
  EXPECT_EQ(again->header("etag"), etag);
  auto stale = fetch(get("/assets/app.1a2b.js", "If-None-Match: \"other\"\r\n"));
  ASSERT_TRUE(stale);
  EXPECT_EQ(stale->status, 200);
}

TEST_F(StaticServerTest, HeadGivesTheLengthWithoutTheBody) {
  Client client(port_);
  client.send("HEAD /assets/app.1a2b.js HTTP/1.1\r\nHost: t\r\n\r\n");
  auto reply = client.read(/*head=*/true);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->header("content-length"), "14");
  client.send(get("/robots.txt"));  // nothing stray was sent after the HEAD response
  auto next = client.read();
  ASSERT_TRUE(next);
  EXPECT_EQ(next->body, "User-agent: *");
}

TEST_F(StaticServerTest, UnknownPathWithoutExtensionFallsBackToIndex) {
  auto reply = fetch(get("/leads/42?tab=notes"));
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->body, "<!doctype html><title>app</title>");
  EXPECT_EQ(reply->header("cache-control"), "no-cache");
}

TEST_F(StaticServerTest, UnknownPathWithExtensionIs404Json) {
  auto reply = fetch(get("/assets/missing.js"));
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 404);
  EXPECT_NE(reply->body.find(R"("code":"not_found")"), std::string::npos);
}

TEST_F(StaticServerTest, RefusesPathTraversal) {
  for (const char* target : {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt",
                             "/assets/%2E%2E/%2E%2E/secret.txt", "/../../../../etc/passwd",
                             "/%2e%2e/%2e%2e/etc/passwd", "/..\\secret.txt"}) {
    auto reply = fetch(get(target));
    ASSERT_TRUE(reply) << target;
    EXPECT_TRUE(reply->status == 404 || reply->status == 400) << target << " " << reply->status;
    EXPECT_EQ(reply->body.find("TOP SECRET"), std::string::npos) << target;
    EXPECT_EQ(reply->body.find("root:"), std::string::npos) << target;
  }
}

TEST_F(StaticServerTest, ApiMetricsAndPostsStillReachTheServer) {
  auto api = fetch(get("/api/v1/nothing.js"));
  ASSERT_TRUE(api);
  EXPECT_EQ(api->body, R"({"error":{"code":"not_found","message":"no route"}})");
  auto post = fetch("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 1\r\n\r\nz");
  ASSERT_TRUE(post);
  EXPECT_EQ(post->body, "POST:z");
  auto metrics = fetch(get("/metrics"));
  ASSERT_TRUE(metrics);
  EXPECT_NE(metrics->body.find("lijian_http_in_flight_requests"), std::string::npos);
  auto static_count = fetch(get("/metrics"));
  ASSERT_TRUE(static_count);
}

}  // namespace
}  // namespace lj::http::test
