#include "api/input.hpp"

#include <charconv>
#include <cmath>

#include "core/clock.hpp"

namespace lj::api {

Result<Json> json_object(const http::Request& req, std::initializer_list<const char*> allowed) {
  constexpr size_t kMaxJsonBody = 1024 * 1024;
  if (req.body.empty()) return Status::Invalid("body", "a JSON object is required");
  if (req.body.size() > kMaxJsonBody)
    return Status{Code::kPayloadTooLarge, "a JSON body may have at most 1 MiB", "body"};
  Json j = Json::parse(req.body, nullptr, false);
  if (j.is_discarded()) return Status::Invalid("body", "the body is not valid JSON");
  if (!j.is_object()) return Status::Invalid("body", "the body must be a JSON object");
  for (const auto& [key, value] : j.items()) {
    bool known = false;
    for (const char* a : allowed) known = known || key == a;
    if (!known) return Status::Invalid(key, "unknown field '" + key + "'");
  }
  return j;
}

Result<std::optional<std::string>> opt_string(const Json& j, const char* name, size_t max_len) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return std::optional<std::string>();
  if (!it->is_string()) return Status::Invalid(name, std::string(name) + " must be a string");
  std::string s = it->get<std::string>();
  if (s.size() > max_len)
    return Status::Invalid(name, std::string(name) + " is longer than " + std::to_string(max_len) + " bytes");
  return std::optional<std::string>(std::move(s));
}

Result<std::string> req_string(const Json& j, const char* name, size_t max_len) {
  LJ_ASSIGN_OR_RETURN(auto s, opt_string(j, name, max_len));
  if (!s || s->empty()) return Status::Invalid(name, std::string(name) + " is required");
  return *s;
}

Result<std::optional<int64_t>> opt_int(const Json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return std::optional<int64_t>();
  if (!it->is_number_integer()) return Status::Invalid(name, std::string(name) + " must be an integer");
  return std::optional<int64_t>(it->get<int64_t>());
}

Result<std::optional<bool>> opt_bool(const Json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return std::optional<bool>();
  if (!it->is_boolean()) return Status::Invalid(name, std::string(name) + " must be true or false");
  return std::optional<bool>(it->get<bool>());
}

Result<std::optional<std::vector<std::string>>> opt_string_list(const Json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return std::optional<std::vector<std::string>>();
  if (!it->is_array()) return Status::Invalid(name, std::string(name) + " must be an array of strings");
  std::vector<std::string> out;
  for (const auto& v : *it) {
    if (!v.is_string()) return Status::Invalid(name, std::string(name) + " must be an array of strings");
    out.push_back(v.get<std::string>());
  }
  return std::optional<std::vector<std::string>>(std::move(out));
}

Result<std::optional<int64_t>> opt_yuan(const Json& j, const char* name) {
  auto it = j.find(name);
  if (it == j.end() || it->is_null()) return std::optional<int64_t>();
  std::string text;
  if (it->is_number_integer()) text = std::to_string(it->get<int64_t>());
  else if (it->is_number_float()) {
    double d = it->get<double>();
    if (!std::isfinite(d) || d < 0 || d > 1e13)
      return Status::Invalid(name, std::string(name) + " must be a non-negative amount in yuan");
    return std::optional<int64_t>(static_cast<int64_t>(std::llround(d * 100)));
  } else if (it->is_string()) text = it->get<std::string>();
  else return Status::Invalid(name, std::string(name) + " must be an amount in yuan");
  // Decimal text with at most two fractional digits.
  int64_t yuan = 0, fen = 0;
  size_t dot = text.find('.');
  std::string whole = text.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : text.substr(dot + 1);
  auto bad = [&] { return Status::Invalid(name, std::string(name) + " must be a decimal amount in yuan with at most two decimals"); };
  if (whole.empty() || whole.size() > 13 || frac.size() > 2) return bad();
  auto r = std::from_chars(whole.data(), whole.data() + whole.size(), yuan);
  if (r.ec != std::errc() || r.ptr != whole.data() + whole.size() || yuan < 0) return bad();
  if (!frac.empty()) {
    auto f = std::from_chars(frac.data(), frac.data() + frac.size(), fen);
    if (f.ec != std::errc() || f.ptr != frac.data() + frac.size()) return bad();
    if (frac.size() == 1) fen *= 10;
  }
  return std::optional<int64_t>(yuan * 100 + fen);
}

std::string query_string(const http::Request& req, const char* name) {
  const std::string* v = req.param(name);
  return v ? *v : std::string();
}

Result<std::string> query_search(const http::Request& req) {
  std::string q = query_string(req, "q");
  if (q.size() > 200) return Status::Invalid("q", "the search text is longer than 200 bytes");
  return q;
}

Result<int> query_int(const http::Request& req, const char* name, int def, int min, int max) {
  const std::string* v = req.param(name);
  if (!v) return def;
  int out = 0;
  auto r = std::from_chars(v->data(), v->data() + v->size(), out);
  if (r.ec != std::errc() || r.ptr != v->data() + v->size() || out < min || out > max)
    return Status::Invalid(name, std::string(name) + " must be an integer from " + std::to_string(min) +
                                     " to " + std::to_string(max));
  return out;
}

Result<std::string> query_code(const http::Request& req, const char* name, const Vocabulary& vocab,
                               const char* kind) {
  std::string value = query_string(req, name);
  if (!value.empty()) LJ_RETURN_IF_ERROR(vocab.check(kind, value, name));
  return value;
}

Result<int64_t> parse_id(const std::string& segment, const char* name) {
  int64_t out = 0;
  auto r = std::from_chars(segment.data(), segment.data() + segment.size(), out);
  if (r.ec != std::errc() || r.ptr != segment.data() + segment.size() || out <= 0)
    return Status::Invalid(name, std::string(name) + " must be a positive integer");
  return out;
}

Result<std::string> query_time(const http::Request& req, const char* name, bool upper) {
  const std::string* v = req.param(name);
  if (!v || v->empty()) return std::string();
  auto t = parse_time(*v);
  if (!t) return Status::Invalid(name, std::string(name) + " must be a date (YYYY-MM-DD) or an ISO 8601 date-time");
  if (upper && v->size() == 10) *t += 86399;
  return format_time(*t);
}

}  // namespace lj::api
