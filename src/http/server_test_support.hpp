// Test support for the server tests: a raw-socket HTTP/1.1 client, a handler, and a fixture
// running a Server on a free loopback port. Test-only; not part of lj_http.
#pragma once

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

#include "http/server.hpp"

namespace lj::http::test {

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

  // Reads one response (no chunked bodies: the server never sends them); nothing when the
  // connection closes or times out first.
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
    size_t length =
        std::stoul(reply.header("content-length").empty() ? "0" : reply.header("content-length"));
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

inline std::string get(const std::string& target, const std::string& extra_headers = "") {
  return "GET " + target + " HTTP/1.1\r\nHost: test\r\n" + extra_headers + "\r\n";
}

inline Response test_handler(Request& request) {
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
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
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

}  // namespace lj::http::test
