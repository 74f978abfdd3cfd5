// Expected failures as values: a code, a message for people and the field it concerns.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace lj {

// Error codes are part of the HTTP contract ({"error":{"code":...}}); see api/errors.cpp for
// the one table that maps them to HTTP statuses.
enum class Code {
  kOk,
  kInvalidArgument,   // bad input: a field is missing, malformed or out of range
  kUnauthenticated,   // no or bad credentials
  kForbidden,         // authenticated, but the role may not do this
  kNotFound,          // missing, or outside the caller's data scope (never distinguished)
  kConflict,          // unique key taken, stale version, illegal state transition
  kPayloadTooLarge,
  kRateLimited,
  kUnavailable,       // database down, shutting down
  kInternal,
};

const char* code_name(Code code);

class Status {
 public:
  Status() = default;
  Status(Code code, std::string message, std::string field = {})
      : code_(code), message_(std::move(message)), field_(std::move(field)) {}

  static Status Ok() { return {}; }
  static Status Invalid(std::string field, std::string message) {
    return {Code::kInvalidArgument, std::move(message), std::move(field)};
  }
  static Status NotFound(std::string message) { return {Code::kNotFound, std::move(message)}; }
  static Status Conflict(std::string message, std::string field = {}) {
    return {Code::kConflict, std::move(message), std::move(field)};
  }
  static Status Forbidden(std::string message) { return {Code::kForbidden, std::move(message)}; }
  static Status Internal(std::string message) { return {Code::kInternal, std::move(message)}; }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::string& field() const { return field_; }
  std::string to_string() const;

 private:
  Code code_ = Code::kOk;
  std::string message_;
  std::string field_;
};

// A value or the Status saying why there is none.
template <class T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status status) : v_(std::move(status)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { return std::get<0>(v_); }
  const T& value() const& { return std::get<0>(v_); }
  // On a temporary these return by value, so `for (x : *f())` and `auto&& v = f().value()` do
  // not dangle.
  T value() && { return std::get<0>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T operator*() && { return std::move(*this).value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<1>(v_);
  }

 private:
  std::variant<T, Status> v_;
};

}  // namespace lj

#define LJ_RETURN_IF_ERROR(expr)          \
  do {                                    \
    ::lj::Status lj_status_ = (expr);     \
    if (!lj_status_.ok()) return lj_status_; \
  } while (0)

#define LJ_CONCAT_INNER(a, b) a##b
#define LJ_CONCAT(a, b) LJ_CONCAT_INNER(a, b)
#define LJ_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return tmp.status();            \
  lhs = std::move(tmp).value()
// LJ_ASSIGN_OR_RETURN(auto x, f()) — declares x from a Result or returns its Status.
#define LJ_ASSIGN_OR_RETURN(lhs, expr) LJ_ASSIGN_OR_RETURN_IMPL(LJ_CONCAT(lj_result_, __LINE__), lhs, expr)
