#include "model/json_writer.hpp"

namespace lj {
namespace {
// Length of the valid UTF-8 sequence starting at s[i], or 0 when it is invalid.
size_t utf8_length(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k)
    if ((b(i + k) & 0xC0) != 0x80) return 0;
  if (n == 2 && c < 0xC2) return 0;                               // overlong
  if (n == 3 && c == 0xE0 && b(i + 1) < 0xA0) return 0;          // overlong
  if (n == 3 && c == 0xED && b(i + 1) >= 0xA0) return 0;         // surrogates
  if (n == 4 && (c > 0xF4 || (c == 0xF0 && b(i + 1) < 0x90) || (c == 0xF4 && b(i + 1) >= 0x90)))
    return 0;
  return n;
}
}  // namespace

void JsonWriter::escape(std::string_view s) {
  static const char* kHex = "0123456789abcdef";
  out_.reserve(out_.size() + s.size() + 2);
  out_ += '"';
  size_t run = 0;  // start of the bytes not yet copied; safe bytes are copied in one append
  size_t i = 0;
  auto flush = [&] { out_.append(s.data() + run, i - run); };
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t n = utf8_length(s, i);
      if (n > 0) {
        i += n;
        continue;
      }
      flush();
      out_ += "\xEF\xBF\xBD";
      run = ++i;
      continue;
    }
    if (c >= 0x20 && c != '"' && c != '\\') {
      ++i;
      continue;
    }
    flush();
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      default:
        out_ += "\\u00";
        out_ += kHex[c >> 4];
        out_ += kHex[c & 15];
    }
    run = ++i;
  }
  flush();
  out_ += '"';
}

}  // namespace lj
