#include "store/sql/keyset.hpp"

#include <nlohmann/json.hpp>

#include "core/crypto.hpp"

namespace lj::sql {

constexpr int kMaxLimit = 500;

Result<Keyset> parse_keyset(const std::string& sort, const std::map<std::string, std::string>& allowed,
                            const std::string& cursor, int limit) {
  Keyset k;
  k.sort = sort;
  std::string name = sort;
  if (!name.empty() && name[0] == '-') {
    k.desc = true;
    name = name.substr(1);
  }
  auto it = allowed.find(name);
  if (it == allowed.end()) {
    std::string names;
    for (const auto& [n, c] : allowed) names += (names.empty() ? "" : ", ") + n;
    return Status::Invalid("sort", "cannot sort by '" + sort + "'; use one of " + names +
                                       " (prefix '-' for descending)");
  }
  k.column = it->second;
  if (limit < 1 || limit > kMaxLimit)
    return Status::Invalid("limit", "limit must be between 1 and " + std::to_string(kMaxLimit));
  k.limit = limit;
  if (!cursor.empty()) {
    auto raw = base64url_decode(cursor);
    nlohmann::json j = raw ? nlohmann::json::parse(*raw, nullptr, false) : nlohmann::json();
    if (!j.is_array() || j.size() != 3 || !j[0].is_string() || j[0] != sort ||
        !(j[1].is_string() || j[1].is_null()) || !j[2].is_number_integer())
      return Status::Invalid("cursor", "the cursor is malformed or belongs to another sort order");
    if (j[1].is_string()) k.after_value = j[1].get<std::string>();
    k.after_id = j[2].get<int64_t>();
    if (k.column != "id" && !k.after_value)
      return Status::Invalid("cursor", "the cursor is malformed");
  }
  return k;
}

std::string keyset_where(const Keyset& k, const char* alias, Params& params) {
  if (k.after_id == 0 && !k.after_value) return "";
  const std::string a = alias;
  const char* op = k.desc ? "<" : ">";
  params.emplace_back(k.after_id);
  if (k.column == "id") return " AND " + a + ".id " + op + " ?";
  params.pop_back();
  params.emplace_back(*k.after_value);
  params.emplace_back(k.after_id);
  return " AND (" + a + "." + k.column + ", " + a + ".id) " + op + " (?, ?)";
}

std::string keyset_order(const Keyset& k, const char* alias) {
  const std::string a = alias;
  const char* dir = k.desc ? " DESC" : " ASC";
  std::string out = " ORDER BY ";
  if (k.column != "id") out += a + "." + k.column + dir + ", ";
  out += a + ".id" + dir + " LIMIT " + std::to_string(k.limit + 1);
  return out;
}

std::string make_cursor(const Keyset& k, const std::string& value, int64_t id) {
  nlohmann::json j = nlohmann::json::array(
      {k.sort, k.column == "id" ? nlohmann::json(nullptr) : nlohmann::json(value), id});
  return base64url_encode(j.dump());
}

std::string like_prefix(const std::string& prefix) {
  std::string out;
  for (char c : prefix) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out + "%";
}

}  // namespace lj::sql
