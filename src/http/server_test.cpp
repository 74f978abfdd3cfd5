#include "http/server.hpp"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

namespace lj::http {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

struct Reply {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

// A blocking HTTP/1.1 client over a raw socket, so tests can send malformed requests.
class Client {
 public:
  explicit Client(unsigned short port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval timeout{5, 0};
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    ::inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
  }
  ~Client() { ::close(fd_); }
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  bool connected() const { return connected_; }

  void send(const std::string& raw) {
    size_t sent = 0;
    while (sent < raw.size()) {
      ssize_t n = ::send(fd_, raw.data() + sent, raw.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return;
      sent += static_cast<size_t>(n);
    }
  }

  // Reads one response; nothing when the connection closes or times out first.
  std::optional<Reply> read(bool head = false) {
    size_t end;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!fill()) return std::nullopt;
    }
    Reply reply;
    std::string head_text = buffer_.substr(0, end + 2);
    buffer_.erase(0, end + 4);
    size_t line_end = head_text.find("\r\n");
    reply.status = std::stoi(head_text.substr(9, 3));
    for (size_t pos = line_end + 2; pos < head_text.size();) {
      size_t next = head_text.find("\r\n", pos);
      std::string line = head_text.substr(pos, next - pos);
      pos = next + 2;
      size_t colon = line.find(':');
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      reply.headers[name] = line.substr(line.find_first_not_of(' ', colon + 1));
    }
    if (head || reply.status == 304 || reply.status == 204 || reply.status / 100 == 1) {
      return reply;
    }
    size_t length = std::stoul(reply.header("content-length").empty()
                                   ? "0"
                                   : reply.header("content-length"));
    while (buffer_.size() < length) {
      if (!fill()) return std::nullopt;
    }
    reply.body = buffer_.substr(0, length);
    buffer_.erase(0, length);
    return reply;
  }

  // True when the server closes the connection (without sending anything more).
  bool closed_by_server() { return buffer_.empty() && !fill() && eof_; }

 private:
  bool fill() {
    char chunk[4096];
    ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) {
      eof_ = n == 0;
      return false;
    }
    buffer_.append(chunk, static_cast<size_t>(n));
    return true;
  }

  int fd_ = -1;
  bool connected_ = false;
  bool eof_ = false;
  std::string buffer_;
};

std::string get(const std::string& target, const std::string& extra_headers = "") {
  return "GET " + target + " HTTP/1.1\r\nHost: test\r\n" + extra_headers + "\r\n";
}

Response test_handler(Request& request) {
  Response response;
  if (request.path == "/hello") {
    const std::string* name = request.param("name");
    response.body = "hello " + (name ? *name : std::string("world"));
    response.content_type = "text/plain; charset=utf-8";
    response.route = "/hello";
  } else if (request.path == "/echo") {
    response.body = request.method + ":" + request.body;
    response.route = "/echo";
  } else if (request.path == "/throw") {
    throw std::runtime_error("secret database detail");
  } else if (request.path == "/slow") {
    std::this_thread::sleep_for(300ms);
    response.body = "slow done";
    response.route = "/slow";
  } else {
    response.status = 404;
    response.body = R"({"error":{"code":"not_found","message":"no route"}})";
  }
  return response;
}

class ServerTest : public ::testing::Test {
 protected:
  void start(ServerConfig config = {}, Handler handler = test_handler) {
    config.host = "127.0.0.1";
    config.port = 0;
    config.io_threads = 2;
    config.worker_threads = 2;
    server_ = std::make_unique<Server>(std::move(config), std::move(handler),
                                       [] { return std::string("lijian_db_pool_idle 3\n"); });
    auto port = server_->start();
    ASSERT_TRUE(port.ok()) << port.status().to_string();
    port_ = *port;
    waiter_ = std::thread([this] { server_->wait(); });
  }

  void stop_and_wait() {
    if (!server_) return;
    server_->stop();
    waiter_.join();
    server_.reset();
  }

  void TearDown() override { stop_and_wait(); }

  std::optional<Reply> fetch(const std::string& raw, bool head = false) {
    Client client(port_);
    client.send(raw);
    return client.read(head);
  }

  std::unique_ptr<Server> server_;
  std::thread waiter_;
  unsigned short port_ = 0;
};

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
  client.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n");
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
  EXPECT_NE(reply->header("content-security-policy").find("default-src 'self'"),
            std::string::npos);
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
  for (const char* target :
       {"/../secret.txt", "/%2e%2e/secret.txt", "/assets/..%2f..%2fsecret.txt",
        "/assets/%2E%2E/%2E%2E/secret.txt", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
        "/..\\secret.txt"}) {
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
}  // namespace lj::http
