#include "http/request_parts.hpp"

#include <nlohmann/json.hpp>
#include <random>

namespace lj::http {

bool parse_target(std::string_view target, std::string& path,
                  std::multimap<std::string, std::string>& query) {
  query.clear();
  if (target.empty() || target.front() != '/') return false;
  size_t qmark = target.find('?');
  std::string_view raw_path = target.substr(0, qmark);
  if (!url_decode(std::string(raw_path), path, false)) return false;
  if (path.find('\0') != std::string::npos) return false;
  if (qmark == std::string_view::npos) return true;

  std::string_view rest = target.substr(qmark + 1);
  std::string key;
  std::string value;
  while (!rest.empty()) {
    size_t amp = rest.find('&');
    std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view{} : rest.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string_view raw_value =
        eq == std::string_view::npos ? std::string_view{} : pair.substr(eq + 1);
    if (!url_decode(std::string(pair.substr(0, eq)), key, true)) return false;
    if (!url_decode(std::string(raw_value), value, true)) return false;
    query.emplace(key, value);
  }
  return true;
}

std::string request_id_for(const std::string* client_value) {
  if (client_value != nullptr && !client_value->empty() && client_value->size() <= 64) {
    bool valid = true;
    for (char c : *client_value) {
      bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                c == '.' || c == '_' || c == '-';
      if (!ok) {
        valid = false;
        break;
      }
    }
    if (valid) return *client_value;
  }
  thread_local std::mt19937_64 engine{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  uint64_t bits = engine();
  std::string id(16, '0');
  for (char& c : id) {
    c = kHex[bits & 0xf];
    bits >>= 4;
  }
  return id;
}

Response error_response(int status, std::string_view code, std::string_view message) {
  Response response;
  response.status = status;
  nlohmann::json body = {{"error", {{"code", code}, {"message", message}}}};
  response.body = body.dump();
  return response;
}

}  // namespace lj::http
