// How a stored file (evidence, an assistance answer's attachment, a generated document) is sent:
// as an attachment to download, or, when the caller asks with ?disposition=inline and the type is
// one a browser displays without running anything (PDF, JPEG, PNG, WebP), inline so that the web
// app can show it in a frame of its own origin. An inline file gets a Content-Security-Policy
// that forbids scripts, plugins' other content and framing by other origins.
#pragma once

#include <string>

#include "http/types.hpp"

namespace lj::api {

// True for the content types that may be displayed inline.
bool displayable_inline(const std::string& content_type);

// Sets Content-Disposition (RFC 5987 file name) and, for an inline file, the framing headers.
// `want_inline` is the caller's choice; a type that is not displayable is always an attachment.
void set_file_disposition(http::Response& r, const std::string& filename, bool want_inline);

// The caller's choice from the query: ?disposition=inline (anything else: attachment).
bool wants_inline(const http::Request& req);

}  // namespace lj::api
