#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <future>
#include <optional>
#include <string>
#include <thread>

#include "http/server_test_support.hpp"

namespace lj::http::test {
namespace {

using namespace std::chrono_literals;

TEST_F(ServerTest, GetReturnsHandlerBodyRequestIdAndSecurityHeaders) {
  start();
  auto reply = fetch(get("/hello?name=a%20b+c"));
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->body, "hello a b c");
  EXPECT_EQ(reply->header("content-type"), "text/plain; charset=utf-8");
  EXPECT_EQ(reply->header("x-request-id").size(), 16u);
  EXPECT_EQ(reply->header("x-content-type-options"), "nosniff");
  EXPECT_EQ(reply->header("x-frame-options"), "DENY");
  EXPECT_EQ(reply->header("referrer-policy"), "no-referrer");
}

TEST_F(ServerTest, KeepsAValidClientRequestIdAndReplacesAnInvalidOne) {
  start();
  auto kept = fetch(get("/hello", "X-Request-Id: abc.DEF_1-2\r\n"));
  ASSERT_TRUE(kept);
  EXPECT_EQ(kept->header("x-request-id"), "abc.DEF_1-2");
  auto replaced = fetch(get("/hello", "X-Request-Id: " + std::string(65, 'a') + "\r\n"));
  ASSERT_TRUE(replaced);
  EXPECT_EQ(replaced->header("x-request-id").size(), 16u);
  EXPECT_NE(replaced->header("x-request-id"), std::string(16, 'a'));
}

TEST_F(ServerTest, ServesTwoRequestsOnOneKeepAliveConnection) {
  start();
  Client client(port_);
  client.send(get("/hello?name=one"));
  auto first = client.read();
  client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 3\r\n\r\nabc");
  auto second = client.read();
  ASSERT_TRUE(first && second);
  EXPECT_EQ(first->body, "hello one");
  EXPECT_EQ(second->body, "POST:abc");
  EXPECT_NE(first->header("x-request-id"), second->header("x-request-id"));
}

TEST_F(ServerTest, AnswersExpectContinueBeforeTheBody) {
  start();
  Client client(port_);
  client.send(
      "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n");
  auto go_on = client.read();
  ASSERT_TRUE(go_on);
  EXPECT_EQ(go_on->status, 100);
  client.send("hi");
  auto reply = client.read();
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->body, "POST:hi");
}

TEST_F(ServerTest, BodyOverLimitIs413Json) {
  ServerConfig config;
  config.body_limit = 1024;
  start(config);
  std::string body(2048, 'x');
  auto reply = fetch("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2048\r\n\r\n" + body);
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 413);
  EXPECT_EQ(reply->body,
            R"({"error":{"code":"payload_too_large","message":"request body too large"}})");
  EXPECT_EQ(reply->header("content-type"), "application/json; charset=utf-8");
  EXPECT_EQ(reply->header("x-request-id").size(), 16u);
}

TEST_F(ServerTest, HeadersOverLimitAre431Json) {
  ServerConfig config;
  config.header_limit = 1024;
  start(config);
  auto reply = fetch(get("/hello", "X-Big: " + std::string(4096, 'y') + "\r\n"));
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 431);
  EXPECT_NE(reply->body.find(R"("code":"invalid_argument")"), std::string::npos);
}

TEST_F(ServerTest, MalformedRequestsAre400Json) {
  start();
  auto bad_line = fetch("THIS IS NOT HTTP\r\n\r\n");
  ASSERT_TRUE(bad_line);
  EXPECT_EQ(bad_line->status, 400);
  EXPECT_NE(bad_line->body.find(R"("code":"invalid_argument")"), std::string::npos);
  auto bad_escape = fetch(get("/hello%zz"));
  ASSERT_TRUE(bad_escape);
  EXPECT_EQ(bad_escape->status, 400);
  auto nul = fetch(get("/hello%00"));
  ASSERT_TRUE(nul);
  EXPECT_EQ(nul->status, 400);
}

TEST_F(ServerTest, HandlerExceptionIs500WithoutItsText) {
  start();
  auto reply = fetch(get("/throw"));
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 500);
  EXPECT_EQ(reply->body, R"({"error":{"code":"internal","message":"internal error"}})");
  EXPECT_EQ(reply->body.find("secret"), std::string::npos);
}

TEST_F(ServerTest, MetricsCountRequestsByRouteAndAppendExtraMetrics) {
  start();
  ASSERT_TRUE(fetch(get("/hello")));
  ASSERT_TRUE(fetch(get("/hello")));
  ASSERT_TRUE(fetch(get("/nowhere")));
  // A request is counted once its response is written, which may be just after the client
  // has read it: poll briefly.
  const std::string unmatched =
      R"(lijian_http_requests_total{route="unmatched",method="GET",status="404"} 1)";
  const std::string hello =
      R"(lijian_http_requests_total{route="/hello",method="GET",status="200"} 2)";
  const std::string hello_bucket =
      R"(lijian_http_request_duration_seconds_bucket{route="/hello",le="+Inf"} 2)";
  std::optional<Reply> reply;
  for (int attempt = 0; attempt < 100; ++attempt) {
    reply = fetch(get("/metrics"));
    if (reply && reply->body.find(unmatched) != std::string::npos &&
        reply->body.find(hello_bucket) != std::string::npos) {
      break;
    }
    std::this_thread::sleep_for(10ms);
  }
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->status, 200);
  EXPECT_EQ(reply->header("content-type").rfind("text/plain; version=0.0.4", 0), 0u);
  const std::string& text = reply->body;
  EXPECT_NE(text.find(unmatched), std::string::npos) << text;
  EXPECT_NE(text.find(hello), std::string::npos);
  EXPECT_NE(text.find(hello_bucket), std::string::npos);
  EXPECT_NE(text.find(R"(lijian_http_request_duration_seconds_count{route="/hello"} 2)"),
            std::string::npos);
  EXPECT_NE(text.find("# TYPE lijian_http_request_duration_seconds histogram\n"),
            std::string::npos);
  EXPECT_NE(text.find("lijian_http_in_flight_requests "), std::string::npos);
  EXPECT_EQ(text.find("lijian_http_in_flight_requests 0\n"), std::string::npos);  // this one
  EXPECT_EQ(text.find("lijian_http_connections_open 0\n"), std::string::npos);
  EXPECT_NE(text.find("lijian_db_pool_idle 3\n"), std::string::npos);
}

TEST_F(ServerTest, ClosesAConnectionThatIsTooSlowOrIdle) {
  ServerConfig config;
  config.read_timeout = 1s;
  config.idle_timeout = 1s;
  start(config);
  Client slow(port_);
  slow.send("GET /hello HTTP/1.1\r\nHost");
  EXPECT_TRUE(slow.closed_by_server());
  Client idle(port_);
  idle.send(get("/hello"));
  ASSERT_TRUE(idle.read());
  EXPECT_TRUE(idle.closed_by_server());
}

TEST_F(ServerTest, GracefulShutdownFinishesInFlightRequestsAndClosesIdleOnes) {
  std::promise<void> slow_started;
  start({}, [&slow_started](Request& request) {
    if (request.path == "/slow") slow_started.set_value();
    return test_handler(request);
  });
  Client idle(port_);
  idle.send(get("/hello"));
  ASSERT_TRUE(idle.read());

  std::optional<Reply> slow_reply;
  std::thread slow([&] {
    Client client(port_);
    client.send(get("/slow"));
    slow_reply = client.read();
  });
  slow_started.get_future().wait();
  auto began = std::chrono::steady_clock::now();
  stop_and_wait();
  slow.join();
  ASSERT_TRUE(slow_reply);
  EXPECT_EQ(slow_reply->status, 200);
  EXPECT_EQ(slow_reply->body, "slow done");
  EXPECT_EQ(slow_reply->header("connection"), "close");
  EXPECT_TRUE(idle.closed_by_server());
  EXPECT_LT(std::chrono::steady_clock::now() - began, 5s);
  Client refused(port_);
  EXPECT_FALSE(refused.connected());
}

TEST_F(ServerTest, SigtermStopsTheServer) {
  start();
  ASSERT_TRUE(fetch(get("/hello")));
  std::raise(SIGTERM);
  waiter_.join();  // wait() returned by itself
  server_.reset();
  Client refused(port_);
  EXPECT_FALSE(refused.connected());
}

TEST_F(ServerTest, StopFromAHandler) {
  Server* self = nullptr;
  start({}, [&self](Request&) {
    self->stop();
    Response response;
    response.body = "bye";
    return response;
  });
  self = server_.get();
  auto reply = fetch(get("/anything"));
  ASSERT_TRUE(reply);
  EXPECT_EQ(reply->body, "bye");
  waiter_.join();
  server_.reset();
}

TEST(ServerStartTest, FailsWhenThePortIsTaken) {
  ServerConfig config;
  config.port = 0;
  Server first(config, test_handler);
  auto port = first.start();
  ASSERT_TRUE(port.ok());
  config.port = *port;
  Server second(config, test_handler);
  auto taken = second.start();
  EXPECT_FALSE(taken.ok());
  EXPECT_EQ(taken.status().code(), Code::kUnavailable);
  second.wait();  // returns at once: never started
}

}  // namespace
}  // namespace lj::http::test
