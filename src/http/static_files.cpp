#include "http/static_files.hpp"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string_view>
#include <system_error>

#include "http/request_parts.hpp"

namespace lj::http {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kImmutable = "public, max-age=31536000, immutable";
constexpr std::string_view kRevalidate = "no-cache";

bool starts_with(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

bool has_dot_dot_segment(std::string_view path) {
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find_first_of("/\\", start);
    if (end == std::string_view::npos) end = path.size();
    if (path.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

// Whether `inner` is `root` or lies beneath it (both canonical).
bool within(const fs::path& root, const fs::path& inner) {
  auto [r, i] = std::mismatch(root.begin(), root.end(), inner.begin(), inner.end());
  return r == root.end();
}

// Matches If-None-Match (a list of entity tags, possibly weak, or "*") against an ETag.
bool etag_matches(const std::string* if_none_match, const std::string& etag) {
  if (if_none_match == nullptr) return false;
  std::string_view rest = *if_none_match;
  while (!rest.empty()) {
    size_t comma = rest.find(',');
    std::string_view tag = rest.substr(0, comma);
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (starts_with(tag, "W/")) tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
  }
  return false;
}

Response not_found() {
  Response response = error_response(404, "not_found", "no such file");
  response.route = "static";
  return response;
}

}  // namespace

StaticFiles::StaticFiles(const std::string& root) {
  std::error_code ec;
  root_ = fs::canonical(root, ec);
  if (ec) root_ = fs::absolute(root).lexically_normal();
}

bool StaticFiles::applies(const std::string& method, const std::string& path) {
  if (method != "GET" && method != "HEAD") return false;
  return !starts_with(path, "/api/") && path != "/api" && path != "/metrics" && path != "/healthz";
}

std::string content_type_for(const std::string& filename) {
  static const std::map<std::string, std::string, std::less<>> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".ttf", "font/ttf"},
      {".txt", "text/plain; charset=utf-8"},
      {".wasm", "application/wasm"},
  };
  std::string ext = fs::path(filename).extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto it = kTypes.find(ext);
  return it == kTypes.end() ? "application/octet-stream" : it->second;
}

Response StaticFiles::serve(const Request& request) const {
  const std::string& path = request.path;
  if (path.empty() || path.front() != '/' || has_dot_dot_segment(path)) return not_found();

  std::string relative = path.substr(1);
  if (relative.empty() || relative.back() == '/') relative += "index.html";
  std::error_code ec;
  fs::path file = fs::weakly_canonical(root_ / fs::path(relative).relative_path(), ec);
  if (ec || !within(root_, file)) return not_found();

  std::string cache(starts_with(path, "/assets/") ? kImmutable : kRevalidate);
  if (fs::is_regular_file(file, ec)) return serve_file(file, cache, request);

  // Client-side routes ("/leads/42") have no extension; missing files ("/x.js") have one.
  if (fs::path(relative).has_extension()) return not_found();
  return serve_file(root_ / "index.html", std::string(kRevalidate), request);
}

Response StaticFiles::serve_file(const fs::path& file, const std::string& cache_control,
                                 const Request& request) const {
  std::error_code ec;
  uintmax_t size = fs::file_size(file, ec);
  if (ec) return not_found();
  auto mtime = fs::last_write_time(file, ec);
  if (ec) return not_found();
  auto ticks = std::chrono::duration_cast<std::chrono::nanoseconds>(mtime.time_since_epoch());

  std::ostringstream tag;
  tag << '"' << std::hex << size << '-' << ticks.count() << '"';
  Response response;
  response.route = "static";
  response.content_type = content_type_for(file.filename().string());
  response.headers = {{"ETag", tag.str()}, {"Cache-Control", cache_control}};
  if (etag_matches(request.header("if-none-match"), tag.str())) {
    response.status = 304;
    return response;
  }

  std::ifstream in(file, std::ios::binary);
  if (!in) return not_found();
  response.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return response;
}

}  // namespace lj::http
