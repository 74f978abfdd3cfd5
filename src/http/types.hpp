// Plain request and response types between the Beast server (http/server.cpp, the only
// translation unit that includes Beast) and the application's handlers.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace lj::http {

// Header names are compared case-insensitively; stored lower-case.
struct Request {
  std::string method;  // "GET", "POST", ...
  std::string target;  // raw target, e.g. "/api/v1/leads?limit=50"
  std::string path;    // percent-decoded path without the query
  std::multimap<std::string, std::string> query;  // percent-decoded query parameters
  std::map<std::string, std::string> headers;     // lower-case names
  std::string body;
  // Set instead of `body` for the routes ServerConfig::spool_route picks: the path of a file
  // holding the body. The server removes it after the handler returns unless the handler
  // cleared this field (took the file over).
  std::string body_file;
  std::string remote_addr;
  std::string request_id;

  const std::string* header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? nullptr : &it->second;
  }
  // The first value of a query parameter, or nullptr.
  const std::string* param(const std::string& name) const {
    auto it = query.find(name);
    return it == query.end() ? nullptr : &it->second;
  }
  // The value of a cookie, or empty.
  std::string cookie(const std::string& name) const;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // The route template for metrics and logs ("/api/v1/leads/{id}"); empty means "unmatched".
  std::string route;
};

using Handler = std::function<Response(Request&)>;

struct ServerConfig {
  std::string host = "127.0.0.1";
  unsigned short port = 8080;
  int io_threads = 0;      // 0: one per core
  int worker_threads = 0;  // handlers run here (blocking database work); 0: 2 × cores
  size_t header_limit = 16 * 1024;
  size_t body_limit = 8 * 1024 * 1024;
  std::chrono::seconds read_timeout{30};   // to receive one whole request
  std::chrono::seconds idle_timeout{75};   // keep-alive wait for the next request
  std::chrono::seconds shutdown_grace{20}; // in-flight requests may finish within this
  std::string static_dir;  // the built web app; empty: none
  // Large uploads: requests for which spool_route(method, path) is true have their body
  // written to a new file in spool_dir (Request::body_file) up to spool_body_limit bytes,
  // instead of memory up to body_limit; each read may then idle for read_timeout.
  std::function<bool(const std::string& method, const std::string& path)> spool_route;
  std::string spool_dir;
  uint64_t spool_body_limit = uint64_t{512} << 20;
};

// Percent-decodes a path or query component ('+' means space in queries). Returns false on a
// malformed escape.
bool url_decode(const std::string& in, std::string& out, bool plus_is_space);

}  // namespace lj::http
