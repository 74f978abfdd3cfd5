#include "http/server.hpp"

// clang-format off
#include <utility>  // before any Asio header: Boost 1.74's awaitable.hpp misses it
// clang-format on

#include <spdlog/spdlog.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <csignal>
#include <thread>
#include <vector>

#include "http/request_parts.hpp"
#include "http/session.hpp"

namespace lj::http {
namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

int default_threads(int configured, int per_core) {
  if (configured > 0) return configured;
  int cores = static_cast<int>(std::thread::hardware_concurrency());
  return std::max(1, cores) * per_core;
}

}  // namespace

ServerContext::ServerContext(ServerConfig config_in, Handler handler_in,
                             std::function<std::string()> extra_metrics_in)
    : config(std::move(config_in)),
      handler(std::move(handler_in)),
      extra_metrics(std::move(extra_metrics_in)),
      workers(static_cast<size_t>(default_threads(config.worker_threads, 2))) {
  if (!config.static_dir.empty()) static_files.emplace(config.static_dir);
}

Response ServerContext::respond(Request& request) {
  try {
    if (request.path == "/metrics" && (request.method == "GET" || request.method == "HEAD")) {
      Response response;
      response.route = "/metrics";
      response.content_type = "text/plain; version=0.0.4; charset=utf-8";
      response.body = metrics.render();
      if (extra_metrics) response.body += extra_metrics();
      return response;
    }
    if (static_files && StaticFiles::applies(request.method, request.path)) {
      return static_files->serve(request);
    }
    if (handler) return handler(request);
    return error_response(404, "not_found", "no such resource");
  } catch (const std::exception& e) {
    spdlog::error("request {} {} {} failed: {}", request.request_id, request.method, request.path,
                  e.what());
  } catch (...) {
    spdlog::error("request {} {} {} failed: unknown exception", request.request_id, request.method,
                  request.path);
  }
  return error_response(500, "internal", "internal error");
}

struct Server::Impl {
  Impl(ServerConfig config, Handler handler, std::function<std::string()> extra_metrics)
      : context(std::move(config), std::move(handler), std::move(extra_metrics)),
        io_thread_count(default_threads(context.config.io_threads, 1)),
        io(io_thread_count) {}

  asio::awaitable<void> accept_loop();
  void shutdown();
  // Calls `action` on every live session.
  void for_each_session(void (Session::*action)());
  // Waits until no session is left or `deadline` passes; true when none is left.
  bool wait_for_sessions(std::chrono::steady_clock::time_point deadline);

  ServerContext context;  // declared first: outlives the io_context and its sessions
  int io_thread_count;
  asio::io_context io;
  asio::executor_work_guard<asio::io_context::executor_type> work{io.get_executor()};
  asio::strand<asio::io_context::executor_type> control{asio::make_strand(io)};
  tcp::acceptor acceptor{control};
  asio::signal_set signals{control};
  std::vector<std::thread> threads;
  bool started = false;  // start() was called; only start() touches it

  std::mutex mu;
  std::condition_variable cv;
  bool running = false;         // guarded by mu: start() succeeded and wait() has not begun
  bool stop_requested = false;  // guarded by mu
};

asio::awaitable<void> Server::Impl::accept_loop() {
  for (;;) {
    boost::system::error_code ec;
    auto socket = co_await acceptor.async_accept(asio::make_strand(io),
                                                 asio::redirect_error(asio::use_awaitable, ec));
    if (ec == asio::error::operation_aborted || !acceptor.is_open()) co_return;
    if (ec) {
      // E.g. out of file descriptors: back off instead of spinning.
      spdlog::warn("accept failed: {}", ec.message());
      asio::steady_timer pause(control, std::chrono::milliseconds(50));
      co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
      continue;
    }
    if (context.stopping) continue;  // the socket closes as it goes out of scope
    Session::start(context, tcp::socket(std::move(socket)));
  }
}

void Server::Impl::for_each_session(void (Session::*action)()) {
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard lock(context.sessions_mu);
    for (auto& [key, weak] : context.sessions) {
      if (auto session = weak.lock()) live.push_back(std::move(session));
    }
  }
  for (auto& session : live) ((*session).*action)();
}

bool Server::Impl::wait_for_sessions(std::chrono::steady_clock::time_point deadline) {
  std::unique_lock lock(context.sessions_mu);
  return context.sessions_cv.wait_until(lock, deadline, [&] { return context.sessions.empty(); });
}

void Server::Impl::shutdown() {
  spdlog::info("shutting down");
  context.stopping = true;
  asio::post(control, [this] {
    boost::system::error_code ec;
    acceptor.close(ec);
    signals.cancel(ec);
    signals.clear(ec);  // a second SIGTERM now ends the process at once
  });
  for_each_session(&Session::close_if_idle);
  auto deadline = std::chrono::steady_clock::now() + context.config.shutdown_grace;
  if (!wait_for_sessions(deadline)) {
    spdlog::warn("shutdown grace period over; closing the remaining connections");
    for_each_session(&Session::close_now);
    wait_for_sessions(std::chrono::steady_clock::now() + std::chrono::seconds(1));
  }
  work.reset();
  io.stop();
  for (auto& thread : threads) thread.join();
  threads.clear();
  context.workers.stop();
  context.workers.join();
  spdlog::info("stopped");
}

Server::Server(ServerConfig config, Handler handler, std::function<std::string()> extra_metrics)
    : impl_(std::make_unique<Impl>(std::move(config), std::move(handler),
                                   std::move(extra_metrics))) {}

Server::~Server() {
  bool running;
  {
    std::lock_guard lock(impl_->mu);
    running = impl_->running;
  }
  if (running) {
    stop();
    wait();
  }
}

lj::Result<unsigned short> Server::start() {
  Impl& impl = *impl_;
  const ServerConfig& config = impl.context.config;
  std::string where = config.host + ":" + std::to_string(config.port);
  if (impl.started) return Status(Code::kInternal, "server already started");
  impl.started = true;

  boost::system::error_code ec;
  tcp::resolver resolver(impl.io);
  auto endpoints = resolver.resolve(config.host, std::to_string(config.port),
                                    tcp::resolver::passive | tcp::resolver::numeric_service, ec);
  if (ec || endpoints.empty()) {
    return Status(Code::kUnavailable, "cannot resolve " + where + ": " + ec.message());
  }
  tcp::endpoint endpoint = endpoints.begin()->endpoint();
  impl.acceptor.open(endpoint.protocol(), ec);
  if (!ec) impl.acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl.acceptor.bind(endpoint, ec);
  if (!ec) impl.acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    impl.acceptor.close(ec);
    return Status(Code::kUnavailable, "cannot listen on " + where + ": " + ec.message());
  }
  unsigned short port = impl.acceptor.local_endpoint(ec).port();

  impl.signals.add(SIGINT, ec);
  impl.signals.add(SIGTERM, ec);
  impl.signals.async_wait([this](const boost::system::error_code& error, int signal) {
    if (error) return;
    spdlog::info("received signal {}", signal);
    stop();
  });
  asio::co_spawn(impl.control, impl.accept_loop(), asio::detached);
  {
    std::lock_guard lock(impl.mu);
    impl.running = true;
  }
  for (int i = 0; i < impl.io_thread_count; ++i) {
    impl.threads.emplace_back([&impl] {
      for (;;) {
        try {
          impl.io.run();
          return;
        } catch (const std::exception& e) {
          spdlog::error("I/O thread: {}", e.what());
        }
      }
    });
  }
  spdlog::info("listening on {}:{} ({} I/O threads)", config.host, port, impl.io_thread_count);
  return port;
}

void Server::wait() {
  {
    std::unique_lock lock(impl_->mu);
    if (!impl_->running) return;
    impl_->cv.wait(lock, [&] { return impl_->stop_requested; });
    impl_->running = false;
  }
  impl_->shutdown();
}

void Server::stop() {
  std::lock_guard lock(impl_->mu);
  impl_->stop_requested = true;
  impl_->cv.notify_all();
}

}  // namespace lj::http
