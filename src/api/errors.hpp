// The one table from error codes to HTTP statuses, and the JSON error body of CONTRACTS.md:
// {"error":{"code":"not_found","message":"...","field":"..."}}.
#pragma once

#include "core/status.hpp"
#include "http/types.hpp"
#include "model/model.hpp"

namespace lj::api {

int http_status(Code code);
http::Response error_response(const Status& st);
http::Response json_response(int status, const Json& body);

}  // namespace lj::api
