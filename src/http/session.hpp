// Internal to lj_http: one client connection, and the state every connection shares.
// Includes Asio and Beast; only the server's own .cpp files include this header.
#pragma once

// clang-format off
#include <utility>  // before any Asio header: Boost 1.74's awaitable.hpp misses it
// clang-format on

#include <atomic>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "http/metrics.hpp"
#include "http/static_files.hpp"
#include "http/types.hpp"

namespace lj::http {

class Session;

// What the listener and all sessions share. Outlives every Session and the io_context.
struct ServerContext {
  ServerContext(ServerConfig config, Handler handler, std::function<std::string()> extra_metrics);

  // Answers a parsed request: /metrics, a static file, or the handler. Never throws: an
  // exception becomes a 500 "internal" error whose text is only logged. Blocking; runs on
  // `workers`.
  Response respond(Request& request);

  const ServerConfig config;
  const Handler handler;
  const std::function<std::string()> extra_metrics;
  std::optional<StaticFiles> static_files;
  Metrics metrics;
  boost::asio::thread_pool workers;
  // Set once shutdown begins: sessions then finish the current exchange and close.
  std::atomic<bool> stopping{false};

  // Live sessions, so shutdown can close idle ones and wait for the others. Guarded by
  // sessions_mu; sessions_cv is notified whenever a session ends.
  std::mutex sessions_mu;
  std::condition_variable sessions_cv;
  std::unordered_map<const Session*, std::weak_ptr<Session>> sessions;
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  // Registers a new connection in `context` and serves it on its own strand (the socket's
  // executor must be a strand) until it closes.
  static void start(ServerContext& context, boost::asio::ip::tcp::socket socket);

  Session(ServerContext& context, boost::asio::ip::tcp::socket socket);
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  // Thread-safe. Closes the connection if it is waiting for a request; a session inside an
  // exchange closes after writing its response (it sees context.stopping).
  void close_if_idle();
  // Thread-safe. Cancels any socket operation now; used when the shutdown grace has passed.
  void close_now();

 private:
  struct Exchange;

  static boost::asio::awaitable<void> run(std::shared_ptr<Session> self);
  boost::asio::awaitable<void> serve();
  // Waits up to `timeout` for the first bytes of a request. False: closed, timed out, cancelled.
  boost::asio::awaitable<bool> await_request(std::chrono::seconds timeout);
  boost::asio::awaitable<Response> respond_on_workers(Request& request);
  // Writes, logs and counts one response. False when the connection must close.
  boost::asio::awaitable<bool> send(const Exchange& exchange, Response response);
  // After an error response: stop sending, drain what the client still sends (briefly) so the
  // close does not reset the connection before the client has read the response.
  boost::asio::awaitable<void> linger();

  ServerContext& context_;
  boost::beast::tcp_stream stream_;
  boost::beast::flat_buffer buffer_;
  std::string remote_;
  bool idle_ = false;  // on the strand only
};

}  // namespace lj::http
