// Reading request input with errors that name the field: JSON bodies and query parameters.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "http/types.hpp"
#include "model/model.hpp"
#include "model/vocabulary.hpp"

namespace lj::api {

// Parses the body as a JSON object; rejects fields not in `allowed` (naming the first).
Result<Json> json_object(const http::Request& req, std::initializer_list<const char*> allowed);

// Field accessors: absent or null gives nullopt; a wrong type is kInvalidArgument naming `name`.
Result<std::optional<std::string>> opt_string(const Json& j, const char* name, size_t max_len = 10000);
Result<std::string> req_string(const Json& j, const char* name, size_t max_len = 10000);
Result<std::optional<int64_t>> opt_int(const Json& j, const char* name);
Result<std::optional<bool>> opt_bool(const Json& j, const char* name);
Result<std::optional<std::vector<std::string>>> opt_string_list(const Json& j, const char* name);
// A decimal yuan amount given as number or string ("1234.5") in fen.
Result<std::optional<int64_t>> opt_yuan(const Json& j, const char* name);

// Query parameters.
std::string query_string(const http::Request& req, const char* name);
// The search text of parameter `q` (up to 200 bytes; empty when absent).
Result<std::string> query_search(const http::Request& req);
Result<int> query_int(const http::Request& req, const char* name, int def, int min, int max);
// A query parameter that must be a code of `kind` when present (empty when absent).
Result<std::string> query_code(const http::Request& req, const char* name, const Vocabulary& vocab,
                               const char* kind);
// A path segment that must be a positive integer id.
Result<int64_t> parse_id(const std::string& segment, const char* name);
// A time bound from a query: a date or date-time; a date as an upper bound means its end.
Result<std::string> query_time(const http::Request& req, const char* name, bool upper);

}  // namespace lj::api
