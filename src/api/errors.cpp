#include "api/errors.hpp"

namespace lj::api {

int http_status(Code code) {
  switch (code) {
    case Code::kOk: return 200;
    case Code::kInvalidArgument: return 400;
    case Code::kUnauthenticated: return 401;
    case Code::kForbidden: return 403;
    case Code::kNotFound: return 404;
    case Code::kConflict: return 409;
    case Code::kPayloadTooLarge: return 413;
    case Code::kRateLimited: return 429;
    case Code::kUnavailable: return 503;
    case Code::kInternal: return 500;
  }
  return 500;
}

http::Response error_response(const Status& st) {
  Json err = {{"code", code_name(st.code())}, {"message", st.message()}};
  if (!st.field().empty()) err["field"] = st.field();
  // Internal details stay in the log; the client learns only that something failed.
  if (st.code() == Code::kInternal) err["message"] = "internal error";
  return json_response(http_status(st.code()), Json{{"error", err}});
}

http::Response json_response(int status, const Json& body) {
  http::Response r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  return r;
}

}  // namespace lj::api
