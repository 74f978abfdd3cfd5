// Pieces of a Request the server derives from the raw message: the decoded path and query,
// the request id, and the server's own JSON error responses. No Boost here.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "http/types.hpp"

namespace lj::http {

// Splits an origin-form target ("/a%20b?x=1&y=+2") into its percent-decoded path and query
// parameters ('+' is a space in the query). Returns false when the target does not start with
// '/', has a malformed escape, or its path decodes to a NUL byte; path and query are then
// unspecified.
bool parse_target(std::string_view target, std::string& path,
                  std::multimap<std::string, std::string>& query);

// The client's X-Request-Id when it is 1-64 characters of [A-Za-z0-9._-], otherwise 16 fresh
// random lower-case hex characters. Thread-safe.
std::string request_id_for(const std::string* client_value);

// {"error":{"code":code,"message":message}} with the given status.
Response error_response(int status, std::string_view code, std::string_view message);

}  // namespace lj::http
