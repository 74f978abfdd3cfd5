// The HTTP/1.1 server: Beast underneath (hidden here), plain Request/Response to the handler.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "core/status.hpp"
#include "http/types.hpp"

namespace lj::http {

// Serves HTTP/1.1 with keep-alive. Answers GET /metrics itself (Prometheus text, followed by
// `extra_metrics()`), serves config.static_dir (see StaticFiles) when set, and passes every
// other request to `handler` on a worker pool, never on the I/O threads. Every response
// carries X-Request-Id and the security headers; every request is logged and counted.
// Errors the server produces itself are {"error":{"code":...,"message":...}}: 400/431
// invalid_argument, 413 payload_too_large, 404 not_found, 500 internal (a handler exception,
// whose text is logged and never sent), 503 unavailable (during shutdown).
class Server {
 public:
  Server(ServerConfig config, Handler handler, std::function<std::string()> extra_metrics = {});
  // Stops (as stop() then wait()) if still running.
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds, listens and starts the I/O and worker threads. Returns the bound port (config.port
  // 0 picks a free one), or kUnavailable when the address cannot be bound. Call at most once.
  lj::Result<unsigned short> start();

  // Blocks until SIGINT/SIGTERM or stop(), then shuts down: stops accepting, closes idle
  // connections, lets in-flight requests finish and be written (within config.shutdown_grace,
  // after which connections are closed), and joins all threads. Returns at once if start()
  // did not succeed. Call from one thread.
  void wait();

  // Asks wait() to shut down. Thread-safe, non-blocking; may be called from a handler.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lj::http
