// Keyset pagination: a page ends with a cursor holding the sort key and id of its last row; the
// next page continues strictly after it, so pages stay stable and cheap at any depth.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "store/sql/connection.hpp"

namespace lj::sql {

struct Keyset {
  std::string sort;    // as requested, e.g. "-received_at"
  std::string column;  // a whitelisted column name, never user text
  bool desc = false;
  std::optional<std::string> after_value;  // from the cursor
  int64_t after_id = 0;
  int limit = 50;
};

// `allowed` maps sort names (without '-') to columns. Errors name the field: sort, cursor, limit.
Result<Keyset> parse_keyset(const std::string& sort, const std::map<std::string, std::string>& allowed,
                            const std::string& cursor, int limit);

// " AND (a.col, a.id) > (?, ?)" (or <), empty on the first page; appends its parameters.
std::string keyset_where(const Keyset& k, const char* alias, Params& params);
// " ORDER BY a.col DESC, a.id DESC LIMIT n+1"
std::string keyset_order(const Keyset& k, const char* alias);
std::string make_cursor(const Keyset& k, const std::string& value, int64_t id);

// Trims the extra row fetched by keyset_order and sets the cursor from the last kept row.
template <class T, class KeyOf>
void finish_page(const Keyset& k, std::vector<T>& items, std::string& next_cursor, KeyOf key_of) {
  if (static_cast<int>(items.size()) > k.limit) {
    items.resize(k.limit);
    const T& last = items.back();
    next_cursor = make_cursor(k, key_of(last), last.id);
  }
}

// A LIKE pattern matching values that start with `prefix` literally (escape character '\\').
std::string like_prefix(const std::string& prefix);

}  // namespace lj::sql
