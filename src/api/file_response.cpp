#include "api/file_response.hpp"

#include <cctype>

#include "api/input.hpp"

namespace lj::api {

namespace {

// A displayed file may show itself and its own images and styles (Chromium's PDF viewer), run
// no script, and be framed by the web app's own pages only.
constexpr const char* kInlinePolicy =
    "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; "
    "frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

std::string percent_encode(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '.' || c == '-' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

std::string media_type(const std::string& content_type) {
  std::string t = content_type.substr(0, content_type.find(';'));
  for (auto& ch : t) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  while (!t.empty() && t.back() == ' ') t.pop_back();
  return t;
}

}  // namespace

bool displayable_inline(const std::string& content_type) {
  const std::string t = media_type(content_type);
  return t == "application/pdf" || t == "image/jpeg" || t == "image/png" || t == "image/webp";
}

void set_file_disposition(http::Response& r, const std::string& filename, bool want_inline) {
  const bool show = want_inline && displayable_inline(r.content_type);
  r.headers.emplace_back("Content-Disposition", std::string(show ? "inline" : "attachment") +
                                                    "; filename*=UTF-8''" +
                                                    percent_encode(filename));
  if (show) {
    r.headers.emplace_back("Content-Security-Policy", kInlinePolicy);
    r.headers.emplace_back("X-Frame-Options", "SAMEORIGIN");
  }
}

bool wants_inline(const http::Request& req) {
  return query_string(req, "disposition") == "inline";
}

}  // namespace lj::api
