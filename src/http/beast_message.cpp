#include "http/beast_message.hpp"

#include <algorithm>
#include <boost/beast/core/string.hpp>
#include <cctype>

#include "http/request_parts.hpp"

namespace lj::http {
namespace beast_http = boost::beast::http;

namespace {

constexpr const char* kContentSecurityPolicy =
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "object-src 'none'; frame-ancestors 'none'; base-uri 'self'";

std::string lower(boost::beast::string_view s) {
  std::string out(s.data(), s.size());
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

bool has_header(const Response& response, const std::string& lower_name) {
  return std::any_of(response.headers.begin(), response.headers.end(),
                     [&](const auto& h) { return lower(h.first) == lower_name; });
}

}  // namespace

bool from_beast(BeastRequest& message, Request& request) {
  request.method = std::string(message.method_string());
  request.target = std::string(message.target());
  if (!parse_target(request.target, request.path, request.query)) return false;
  request.headers.clear();
  for (const auto& field : message) {
    std::string name = lower(field.name_string());
    std::string value(field.value());
    auto [it, inserted] = request.headers.try_emplace(name, value);
    if (!inserted) it->second += (name == "cookie" ? "; " : ", ") + value;
  }
  request.body = std::move(message.body());
  return true;
}

BeastResponse to_beast(Response&& response, const std::string& request_id, unsigned version,
                       bool keep_alive, bool head) {
  if (response.status < 100 || response.status > 599) {
    response = error_response(500, "internal", "internal error");
  }
  BeastResponse out;
  out.version(version);
  out.result(static_cast<unsigned>(response.status));
  out.set(beast_http::field::server, "lijian");
  if (!response.content_type.empty()) {
    out.set(beast_http::field::content_type, response.content_type);
  }
  for (auto& [name, value] : response.headers) out.insert(name, value);
  out.set("X-Request-Id", request_id);
  out.set("X-Content-Type-Options", "nosniff");
  // A handler may allow framing by its own origin (a PDF shown inline, api/file_response.hpp).
  if (!has_header(response, "x-frame-options")) out.set("X-Frame-Options", "DENY");
  out.set("Referrer-Policy", "no-referrer");
  if (response.content_type.rfind("text/html", 0) == 0 &&
      !has_header(response, "content-security-policy")) {
    out.set("Content-Security-Policy", kContentSecurityPolicy);
  }
  out.keep_alive(keep_alive);

  int status = response.status;
  if (status / 100 == 1 || status == 204 || status == 304) {
    out.erase(beast_http::field::content_length);
  } else if (head) {
    out.content_length(response.body.size());
  } else {
    out.body() = std::move(response.body);
    out.prepare_payload();
  }
  return out;
}

}  // namespace lj::http
