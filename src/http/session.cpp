#include "http/session.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/file_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <random>

#include "http/beast_message.hpp"
#include "http/request_parts.hpp"

namespace lj::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace beast_http = boost::beast::http;
using asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

constexpr size_t kReadChunk = 4096;
constexpr std::chrono::seconds kLinger{2};

// The error response for a request that could not be read, or nothing when the connection
// just ended (closed, reset, timed out, cancelled).
std::optional<Response> read_error_response(const beast::error_code& ec) {
  if (ec == beast_http::error::body_limit) {
    return error_response(413, "payload_too_large", "request body too large");
  }
  if (ec == beast_http::error::header_limit) {
    return error_response(431, "invalid_argument", "request header fields too large");
  }
  if (ec.category() == beast_http::make_error_code(beast_http::error::end_of_stream).category() &&
      ec != beast_http::error::end_of_stream && ec != beast_http::error::partial_message) {
    return error_response(400, "invalid_argument", "malformed request");
  }
  return std::nullopt;
}

// A new file name in `dir` for a spooled request body.
std::string spool_path(const std::string& dir) {
  static std::atomic<uint64_t> counter{0};
  static const uint64_t salt = std::random_device{}();
  char name[64];
  std::snprintf(name, sizeof name, "upload-%llx-%llu.part", static_cast<unsigned long long>(salt),
                static_cast<unsigned long long>(counter.fetch_add(1)));
  return (std::filesystem::path(dir.empty() ? "." : dir) / name).string();
}

void remove_file(const std::string& path) {
  std::error_code ec;
  if (!path.empty()) std::filesystem::remove(path, ec);
}

// RAII count of one request in the in-flight gauge.
class InFlight {
 public:
  explicit InFlight(Metrics& metrics) : metrics_(metrics) { metrics_.add_in_flight(1); }
  ~InFlight() { metrics_.add_in_flight(-1); }
  InFlight(const InFlight&) = delete;
  InFlight& operator=(const InFlight&) = delete;

 private:
  Metrics& metrics_;
};

}  // namespace

struct Session::Exchange {
  std::string method = "-";
  std::string path = "-";
  std::string request_id;
  unsigned version = 11;
  bool keep_alive = false;
  Clock::time_point start = Clock::now();
};

void Session::start(ServerContext& context, tcp::socket socket) {
  auto session = std::make_shared<Session>(context, std::move(socket));
  {
    std::lock_guard lock(context.sessions_mu);
    context.sessions.emplace(session.get(), session);
  }
  asio::co_spawn(session->stream_.get_executor(), run(session), asio::detached);
}

Session::Session(ServerContext& context, tcp::socket socket)
    : context_(context), stream_(std::move(socket)) {
  beast::error_code ec;
  auto endpoint = stream_.socket().remote_endpoint(ec);
  remote_ = ec ? "-" : endpoint.address().to_string();
  context_.metrics.add_connections(1);
}

Session::~Session() {
  context_.metrics.add_connections(-1);
  std::lock_guard lock(context_.sessions_mu);
  context_.sessions.erase(this);
  context_.sessions_cv.notify_all();
}

void Session::close_if_idle() {
  asio::post(stream_.get_executor(), [self = shared_from_this()] {
    if (self->idle_) self->stream_.cancel();
  });
}

void Session::close_now() {
  asio::post(stream_.get_executor(), [self = shared_from_this()] {
    beast::error_code ec;
    self->stream_.socket().close(ec);
  });
}

asio::awaitable<void> Session::run(std::shared_ptr<Session> self) {
  try {
    co_await self->serve();
  } catch (const std::exception& e) {
    spdlog::warn("connection from {} failed: {}", self->remote_, e.what());
  }
  beast::error_code ec;
  self->stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
  self->stream_.socket().close(ec);
}

asio::awaitable<void> Session::serve() {
  const ServerConfig& config = context_.config;
  bool first = true;
  for (;;) {
    if (buffer_.size() == 0) {
      if (context_.stopping) co_return;
      if (!co_await await_request(first ? config.read_timeout : config.idle_timeout)) co_return;
    }
    first = false;

    beast_http::request_parser<beast_http::string_body> parser;
    parser.header_limit(static_cast<uint32_t>(config.header_limit));
    // The header is read under the larger limit; the body's limit is set once the route is known.
    parser.body_limit(config.spool_route ? std::max<uint64_t>(config.body_limit, config.spool_body_limit)
                                         : config.body_limit);
    beast::error_code ec;
    stream_.expires_after(config.read_timeout);
    co_await beast_http::async_read_header(stream_, buffer_, parser,
                                           asio::redirect_error(asio::use_awaitable, ec));
    // Routes that take large uploads: the body goes to a file, each read may idle for
    // read_timeout, up to spool_body_limit bytes.
    std::string spooled;
    BeastRequest spooled_header;
    bool spool = false;
    if (!ec && !parser.is_done() && config.spool_route) {
      BeastRequest header_only(parser.get().base());
      Request probe;
      spool = from_beast(header_only, probe) && config.spool_route(probe.method, probe.path);
      uint64_t limit = spool ? config.spool_body_limit : config.body_limit;
      if (parser.content_length() && *parser.content_length() > limit) {
        ec = beast_http::error::body_limit;  // answered 413 before the body is sent
      } else if (!spool) {
        parser.body_limit(config.body_limit);
      }
    }
    // After the limit check: a body that would be refused is not asked for.
    if (!ec && !parser.is_done() && parser.get().version() >= 11 &&
        beast::iequals(parser.get()[beast_http::field::expect], "100-continue")) {
      beast_http::response<beast_http::empty_body> go_on{beast_http::status::continue_, 11};
      co_await beast_http::async_write(stream_, go_on,
                                       asio::redirect_error(asio::use_awaitable, ec));
    }
    if (!ec && spool) {
      {
        beast_http::request_parser<beast_http::file_body> file_parser(std::move(parser));
        file_parser.body_limit(config.spool_body_limit);
        spooled = spool_path(config.spool_dir);
        file_parser.get().body().open(spooled.c_str(), beast::file_mode::write_new, ec);
        if (ec) {
          spdlog::error("cannot create the upload spool file {}: {}", spooled, ec.message());
          spooled.clear();
          Exchange failed;
          failed.request_id = request_id_for(nullptr);
          if (co_await send(failed, error_response(503, "unavailable",
                                                   "the server cannot store uploads now")))
            co_await linger();
          co_return;
        }
        while (!ec && !file_parser.is_done()) {
          stream_.expires_after(config.read_timeout);
          co_await beast_http::async_read_some(stream_, buffer_, file_parser,
                                               asio::redirect_error(asio::use_awaitable, ec));
        }
        file_parser.get().body().close();
        spooled_header = BeastRequest(file_parser.get().base());
        if (ec) remove_file(spooled);
      }
    }
    if (!ec && spooled.empty() && !parser.is_done()) {
      co_await beast_http::async_read(stream_, buffer_, parser,
                                      asio::redirect_error(asio::use_awaitable, ec));
    }

    Exchange exchange;
    if (ec) {
      std::optional<Response> error = read_error_response(ec);
      if (!error) co_return;
      exchange.request_id = request_id_for(nullptr);
      if (co_await send(exchange, std::move(*error))) co_await linger();
      co_return;
    }

    InFlight in_flight(context_.metrics);
    BeastRequest& message = spooled.empty() ? parser.get() : spooled_header;
    Request request;
    request.body_file = spooled;
    request.remote_addr = remote_;
    exchange.version = message.version();
    exchange.keep_alive = message.keep_alive() && !context_.stopping;
    bool valid = from_beast(message, request);
    exchange.method = request.method;
    exchange.path = valid ? request.path : "-";
    request.request_id = request_id_for(request.header("x-request-id"));
    exchange.request_id = request.request_id;

    Response response;
    if (!valid) {
      exchange.keep_alive = false;
      response = error_response(400, "invalid_argument", "malformed request target");
    } else if (context_.stopping) {
      exchange.keep_alive = false;
      response = error_response(503, "unavailable", "server is shutting down");
    } else {
      response = co_await respond_on_workers(request);
    }
    remove_file(request.body_file);  // unless the handler took the spooled body over
    if (context_.stopping) exchange.keep_alive = false;
    if (!co_await send(exchange, std::move(response)) || !exchange.keep_alive) co_return;
  }
}

asio::awaitable<bool> Session::await_request(std::chrono::seconds timeout) {
  beast::error_code ec;
  idle_ = true;
  stream_.expires_after(timeout);
  size_t n = co_await stream_.async_read_some(buffer_.prepare(kReadChunk),
                                              asio::redirect_error(asio::use_awaitable, ec));
  idle_ = false;
  if (ec) co_return false;
  buffer_.commit(n);
  co_return true;
}

asio::awaitable<Response> Session::respond_on_workers(Request& request) {
  // Runs ServerContext::respond on the pool, then resumes this coroutine on its strand.
  auto initiate = [this, &request](auto completion) {
    asio::post(context_.workers, [this, &request, completion = std::move(completion)]() mutable {
      Response response = context_.respond(request);
      auto executor = asio::get_associated_executor(completion);
      asio::dispatch(
          executor, [completion = std::move(completion), response = std::move(response)]() mutable {
            std::move(completion)(std::move(response));
          });
    });
  };
  co_return co_await asio::async_initiate<decltype(asio::use_awaitable), void(Response)>(
      std::move(initiate), asio::use_awaitable);
}

asio::awaitable<bool> Session::send(const Exchange& exchange, Response response) {
  std::string route = response.route.empty() ? "unmatched" : response.route;
  int status = response.status;
  size_t body_bytes = response.body.size();
  BeastResponse message = to_beast(std::move(response), exchange.request_id, exchange.version,
                                   exchange.keep_alive, exchange.method == "HEAD");
  beast::error_code ec;
  stream_.expires_after(context_.config.read_timeout);
  co_await beast_http::async_write(stream_, message, asio::redirect_error(asio::use_awaitable, ec));

  double seconds = std::chrono::duration<double>(Clock::now() - exchange.start).count();
  context_.metrics.record(route, exchange.method, status, seconds);
  spdlog::info("{} {} {} {} {}B {:.1f}ms id={} route={}{}", remote_, exchange.method, exchange.path,
               status, body_bytes, seconds * 1000, exchange.request_id, route,
               ec ? " write_failed=" + ec.message() : std::string());
  co_return !ec;
}

asio::awaitable<void> Session::linger() {
  beast::error_code ec;
  stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
  stream_.expires_after(kLinger);
  std::array<char, kReadChunk> scratch;
  while (!ec) {
    co_await stream_.async_read_some(asio::buffer(scratch),
                                     asio::redirect_error(asio::use_awaitable, ec));
  }
}

}  // namespace lj::http
