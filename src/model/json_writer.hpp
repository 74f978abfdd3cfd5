// A streaming JSON writer into a string, for responses on hot paths (lists of leads), where
// building nlohmann::json objects first costs more than the query. Output is compact JSON;
// strings are escaped per RFC 8259 and invalid UTF-8 bytes become U+FFFD.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace lj {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object() { value_prefix(); out_ += '{'; first_ = true; }
  void end_object() { out_ += '}'; first_ = false; }
  void begin_array() { value_prefix(); out_ += '['; first_ = true; }
  void end_array() { out_ += ']'; first_ = false; }

  JsonWriter& key(std::string_view k) {
    if (!first_) out_ += ',';
    first_ = true;  // the value after a key takes no comma
    escape(k);
    out_ += ':';
    after_key_ = true;
    return *this;
  }
  void string(std::string_view s) { value_prefix(); escape(s); }
  // Empty text is written as null, as the API represents absent optional text.
  void string_or_null(std::string_view s) { s.empty() ? null() : string(s); }
  void integer(int64_t v) { value_prefix(); out_ += std::to_string(v); }
  void boolean(bool v) { value_prefix(); out_ += v ? "true" : "false"; }
  void null() { value_prefix(); out_ += "null"; }
  // Appends already-serialised JSON as one value.
  void raw(std::string_view json) { value_prefix(); out_ += json; }

 private:
  void value_prefix() {
    if (after_key_) {
      after_key_ = false;
    } else if (!first_) {
      out_ += ',';
    }
    first_ = false;
  }
  void escape(std::string_view s);

  std::string& out_;
  bool first_ = true;
  bool after_key_ = false;
};

}  // namespace lj
