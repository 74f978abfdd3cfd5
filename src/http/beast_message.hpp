// Internal to lj_http: conversion between Beast messages and the plain Request/Response.
#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#include <string>

#include "http/types.hpp"

namespace lj::http {

using BeastRequest = boost::beast::http::request<boost::beast::http::string_body>;
using BeastResponse = boost::beast::http::response<boost::beast::http::string_body>;

// Fills method, target, path, query, lower-cased headers (repeated headers joined with ", ",
// cookies with "; ") and body (moved out of `message`). False when the target is malformed.
bool from_beast(BeastRequest& message, Request& request);

// The response as sent: its status, content type, headers and body, plus X-Request-Id, the
// security headers (and a Content-Security-Policy on HTML unless the response has one) and
// the Connection header for `keep_alive`. For HEAD the body is dropped but Content-Length
// still gives its size; 1xx, 204 and 304 responses never have a body. A status outside
// 100-599 (a handler bug) becomes a 500 "internal" error.
BeastResponse to_beast(Response&& response, const std::string& request_id, unsigned version,
                       bool keep_alive, bool head);

}  // namespace lj::http
