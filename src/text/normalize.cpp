#include "text/normalize.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace lj::text {
namespace {

bool is_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// Decodes the code point at s[i] and advances i past it; an invalid byte is read as U+FFFD and
// skipped alone, so decoding resynchronises on the next byte.
char32_t next_cp(std::string_view s, size_t& i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  utf8proc_int32_t cp = -1;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()) + i,
                            static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0 || cp < 0) {
    ++i;
    return kReplacementChar;
  }
  i += static_cast<size_t>(n);
  return static_cast<char32_t>(cp);
}

bool is_line_break(char32_t c) {
  return c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029;
}

bool is_space(char32_t c) {
  if (c == ' ' || c == '\t' || c == '\v' || c == '\f') return true;
  return c >= 0x80 && utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_ZS;
}

// Control (Cc) and format (Cf) characters: invisible, dropped from cleaned text.
bool is_invisible(char32_t c) {
  if (c < 0x20 || c == 0x7F) return true;
  if (c < 0x80) return false;
  auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return cat == UTF8PROC_CATEGORY_CC || cat == UTF8PROC_CATEGORY_CF;
}

std::string clean(std::string_view s, bool multiline) {
  const std::string n = nfkc(s);
  std::string out;
  out.reserve(n.size());
  enum { kNone, kSpace, kBreak } pending = kNone;
  for (size_t i = 0; i < n.size();) {
    size_t start = i;
    char32_t c = next_cp(n, i);
    if (is_line_break(c)) {
      pending = multiline ? kBreak : (pending == kNone ? kSpace : pending);
    } else if (is_space(c)) {
      if (pending == kNone) pending = kSpace;
    } else if (is_invisible(c)) {
      continue;
    } else {
      if (!out.empty() && pending != kNone) out.push_back(pending == kBreak ? '\n' : ' ');
      pending = kNone;
      out.append(n, start, i - start);  // nfkc() output is valid UTF-8: copy the bytes
    }
  }
  return out;
}

bool is_mobile(std::string_view d) {
  return d.size() == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9';
}

bool is_service_number(std::string_view d) {
  return d.size() == 10 && (d.substr(0, 3) == "400" || d.substr(0, 3) == "800");
}

// `d` is all digits starting with the trunk prefix 0: area code and local number.
std::optional<std::string> landline(std::string_view d) {
  if (d.size() < 3 || d[0] != '0') return std::nullopt;
  size_t area;
  if (d[1] == '1')
    area = d[2] == '0' ? 3 : 0;  // 010 Beijing; no other area code starts with 01
  else if (d[1] == '2')
    area = 3;  // 020–029
  else if (d[1] >= '3')
    area = 4;
  else
    area = 0;  // 00: an international prefix
  if (area == 0 || d.size() < area) return std::nullopt;
  std::string_view local = d.substr(area);
  if (local.size() != 7 && local.size() != 8) return std::nullopt;
  if (local[0] < '2') return std::nullopt;
  std::string out(d.substr(0, area));
  out.push_back('-');
  out.append(local);
  return out;
}

// A number without trunk prefix or country code, as dialled from abroad after +86.
std::optional<std::string> national(std::string_view d) {
  if (!d.empty() && d[0] == '0') d.remove_prefix(1);
  if (is_mobile(d)) return std::string(d);
  std::string with_trunk = "0";
  with_trunk.append(d);
  return landline(with_trunk);
}

bool is_phone_separator(char32_t c) {
  switch (c) {
    case ' ':
    case '\t':
    case '-':
    case '.':
    case '(':
    case ')':
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0x30FC:
      return true;
    default:
      return false;
  }
}

int two_digits(std::string_view s, size_t at) {
  return (s[at] - '0') * 10 + (s[at + 1] - '0');
}

std::string iso_date(int y, int m, int d) {
  std::string out = "0000-00-00";
  for (int i = 3; i >= 0; --i, y /= 10)
    out[static_cast<size_t>(i)] = static_cast<char>('0' + y % 10);
  out[5] = static_cast<char>('0' + m / 10);
  out[6] = static_cast<char>('0' + m % 10);
  out[8] = static_cast<char>('0' + d / 10);
  out[9] = static_cast<char>('0' + d % 10);
  return out;
}

// A tiny cursor over the cleaned date text.
struct DateScanner {
  std::string_view s;
  size_t pos = 0;

  void skip_spaces() {
    while (pos < s.size() && s[pos] == ' ') ++pos;
  }
  // Reads 1..max_len ASCII digits; -1 when there are none or more than max_len.
  int number(size_t min_len, size_t max_len, size_t* len = nullptr) {
    size_t start = pos;
    int v = 0;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') {
      if (pos - start == max_len) return -1;
      v = v * 10 + (s[pos++] - '0');
    }
    if (len) *len = pos - start;
    return pos - start < min_len ? -1 : v;
  }
  bool literal(std::string_view lit) {
    if (s.substr(pos, lit.size()) != lit) return false;
    pos += lit.size();
    return true;
  }
  bool at_end() const { return pos == s.size(); }
};

}  // namespace

std::string valid_utf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    size_t at = i;
    if (next_cp(s, i) == kReplacementChar && i - at == 1) {
      // First invalid byte: copy the valid prefix and repair the rest.
      std::string out(s.substr(0, at));
      out.reserve(s.size() + 8);
      for (size_t j = at; j < s.size();) {
        size_t start = j;
        char32_t c = next_cp(s, j);
        if (c == kReplacementChar && j - start == 1)
          append_utf8(out, kReplacementChar);
        else
          out.append(s, start, j - start);
      }
      return out;
    }
  }
  return std::string(s);
}

std::string nfkc(std::string_view s) {
  if (is_ascii(s)) return std::string(s);
  std::string valid = valid_utf8(s);
  utf8proc_uint8_t* mapped = nullptr;
  auto n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(valid.data()),
      static_cast<utf8proc_ssize_t>(valid.size()), &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(mapped, &std::free);
  // utf8proc fails only on invalid UTF-8 (repaired above) or out of memory: keep the text.
  if (n < 0 || mapped == nullptr) return valid;
  return std::string(reinterpret_cast<const char*>(mapped), static_cast<size_t>(n));
}

std::string clean_text(std::string_view s) {
  return clean(s, false);
}

std::string clean_multiline(std::string_view s) {
  return clean(s, true);
}

std::optional<std::string> normalize_phone(std::string_view s) {
  const std::string n = nfkc(s);
  std::string d;
  bool plus = false;
  for (size_t i = 0; i < n.size();) {
    char32_t c = next_cp(n, i);
    if (c >= '0' && c <= '9') {
      d.push_back(static_cast<char>(c));
    } else if (c == '+') {
      if (plus || !d.empty()) return std::nullopt;
      plus = true;
    } else if (!is_phone_separator(c)) {
      return std::nullopt;
    }
  }
  std::string_view v = d;
  if (plus) {
    if (v.substr(0, 2) != "86") return std::nullopt;  // a foreign number
    return national(v.substr(2));
  }
  if (v.substr(0, 4) == "0086") return national(v.substr(4));
  if (v.size() == 13 && v.substr(0, 2) == "86" && is_mobile(v.substr(2)))
    return std::string(v.substr(2));
  if (is_mobile(v)) return std::string(v);
  if (v.size() == 12 && v[0] == '0' && is_mobile(v.substr(1))) return std::string(v.substr(1));
  if (is_service_number(v)) {
    std::string out(v.substr(0, 3));
    out.append("-").append(v.substr(3, 3)).append("-").append(v.substr(6));
    return out;
  }
  return landline(v);
}

bool valid_civil_date(int year, int month, int day) {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int last = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= last;
}

std::optional<std::string> normalize_date(std::string_view s) {
  const std::string t = clean_text(s);
  DateScanner sc{t};
  size_t len = 0;
  int y = sc.number(4, 8, &len);
  int m = 0, d = 0;
  if (y < 0) return std::nullopt;
  if (len == 8) {  // 20180402
    if (!sc.at_end()) return std::nullopt;
    std::string_view v = t;
    d = two_digits(v, 6);
    m = two_digits(v, 4);
    y = two_digits(v, 0) * 100 + two_digits(v, 2);
  } else {
    if (len != 4) return std::nullopt;
    sc.skip_spaces();
    std::string_view sep;
    for (std::string_view candidate : {"-", "/", ".", "年"})
      if (sc.literal(candidate)) {
        sep = candidate;
        break;
      }
    if (sep.empty()) return std::nullopt;
    const bool chinese = sep == "年";
    sc.skip_spaces();
    m = sc.number(1, 2);
    sc.skip_spaces();
    if (m < 0 || !sc.literal(chinese ? std::string_view("月") : sep)) return std::nullopt;
    sc.skip_spaces();
    d = sc.number(1, 2);
    if (d < 0) return std::nullopt;
    sc.skip_spaces();
    if (chinese && !sc.literal("日")) sc.literal("号");
    sc.skip_spaces();
    if (!sc.at_end()) return std::nullopt;
  }
  if (!valid_civil_date(y, m, d)) return std::nullopt;
  return iso_date(y, m, d);
}

size_t utf8_length(std::string_view s) {
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++count) next_cp(s, i);
  return count;
}

std::u32string to_u32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) out.push_back(next_cp(s, i));
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = kReplacementChar;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string from_u32(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : s) append_utf8(out, c);
  return out;
}

}  // namespace lj::text
