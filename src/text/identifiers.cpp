#include "text/identifiers.hpp"

#include <array>
#include <cstdint>
#include <istream>
#include <ostream>

#include "text/normalize.hpp"

namespace lj::text {
namespace {

// Value of each byte in kUsccAlphabet, -1 for bytes outside it.
constexpr std::array<int8_t, 256> kUsccValue = [] {
  std::array<int8_t, 256> v{};
  v.fill(-1);
  for (size_t i = 0; i < kUsccAlphabet.size(); ++i)
    v[static_cast<unsigned char>(kUsccAlphabet[i])] = static_cast<int8_t>(i);
  return v;
}();

// 3^(i−1) mod 31 for positions 1..17.
constexpr std::array<int, 17> kUsccWeights = {1,  3,  9,  27, 19, 26, 16, 17, 20,
                                              29, 25, 13, 8,  24, 10, 30, 28};

constexpr std::array<int, 17> kIdWeights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kIdCheckChars = "10X98765432";

bool is_ascii_space(char c) {
  return c == ' ' || (c >= '\t' && c <= '\r');
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// Folds an identifier as people type it: NFKC (full-width forms), no whitespace or invisible
// characters, ASCII letters upper-cased. Reuses `out`'s storage.
void normalize_identifier(std::string_view s, std::string& out) {
  out.clear();
  bool ascii = true;
  for (unsigned char c : s)
    if (c >= 0x80) ascii = false;
  std::string cleaned;
  if (!ascii) {
    cleaned = clean_text(s);
    s = cleaned;
  }
  for (char c : s) {
    if (static_cast<unsigned char>(c) <= ' ' || c == 0x7F) continue;  // spaces, controls
    out.push_back(c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
  }
}

// Splits valid-or-repaired UTF-8 into code points as byte ranges: returns the byte length of
// the code point starting at s[i] (1 for an invalid byte).
size_t cp_bytes(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  size_t n = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  return i + n <= s.size() ? n : 1;
}

void length_reason(std::string& reason, size_t got, std::string_view expected) {
  reason = "length ";
  reason += std::to_string(got);
  reason += ", expected ";
  reason += expected;
}

void quoted(std::string& reason, std::string_view what) {
  reason += '\'';
  reason += what;
  reason += '\'';
}

}  // namespace

void check_uscc(std::string_view code, UsccCheck& out) {
  out.valid = false;
  out.well_formed = false;
  out.reason.clear();
  normalize_identifier(code, out.normalized);
  const std::string& n = out.normalized;
  if (n.empty()) {
    out.reason = "empty";
    return;
  }
  if (size_t length = utf8_length(n); length != 18) {
    length_reason(out.reason, length, "18");
    return;
  }
  for (size_t i = 0, pos = 1; i < n.size(); ++pos) {
    size_t len = cp_bytes(n, i);
    if (len != 1 || kUsccValue[static_cast<unsigned char>(n[i])] < 0) {
      out.reason = "character ";
      quoted(out.reason, std::string_view(n).substr(i, len));
      out.reason += " at position " + std::to_string(pos) + " is not allowed";
      return;
    }
    i += len;
  }
  // From here n is 18 bytes of the alphabet.
  switch (n[0]) {
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9':
    case 'A':
    case 'N':
    case 'Y':
      break;
    default:
      out.reason = "registration authority ";
      quoted(out.reason, n.substr(0, 1));
      out.reason += " at position 1 is unknown";
      return;
  }
  for (size_t i = 2; i < 8; ++i)
    if (!is_digit(n[i])) {
      out.reason = "division code ";
      quoted(out.reason, n.substr(2, 6));
      out.reason += " at positions 3-8 is not 6 digits";
      return;
    }
  out.well_formed = true;
  const std::string expected = uscc_check_char(std::string_view(n).substr(0, 17));
  if (n[17] != expected[0]) {
    out.reason = "check character is ";
    quoted(out.reason, n.substr(17, 1));
    out.reason += ", expected ";
    quoted(out.reason, expected);
    return;
  }
  out.valid = true;
}

UsccCheck check_uscc(std::string_view code) {
  UsccCheck out;
  check_uscc(code, out);
  return out;
}

std::string uscc_check_char(std::string_view first17) {
  if (first17.size() != 17) return {};
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    int v = kUsccValue[static_cast<unsigned char>(first17[i])];
    if (v < 0) return {};
    sum += v * kUsccWeights[i];
  }
  return std::string(1, kUsccAlphabet[static_cast<size_t>((31 - sum % 31) % 31)]);
}

char resident_id_check_char(std::string_view first17) {
  if (first17.size() != 17) return '\0';
  int sum = 0;
  for (size_t i = 0; i < 17; ++i) {
    if (!is_digit(first17[i])) return '\0';
    sum += (first17[i] - '0') * kIdWeights[i];
  }
  return kIdCheckChars[static_cast<size_t>(sum % 11)];
}

IdCheck check_resident_id(std::string_view id) {
  IdCheck out;
  normalize_identifier(id, out.normalized);
  const std::string& n = out.normalized;
  if (n.empty()) {
    out.reason = "empty";
    return out;
  }
  const size_t length = utf8_length(n);
  if (length != 18 && length != 15) {
    length_reason(out.reason, length, "18 (or 15)");
    return out;
  }
  const bool legacy = length == 15;
  const size_t digits = legacy ? 15 : 17;
  for (size_t i = 0, pos = 1; i < n.size(); ++pos) {
    size_t len = cp_bytes(n, i);
    bool ok = len == 1 && (is_digit(n[i]) || (pos == 18 && n[i] == 'X'));
    if (!ok) {
      out.reason = "character ";
      quoted(out.reason, std::string_view(n).substr(i, len));
      out.reason += " at position " + std::to_string(pos) +
                    (pos > digits ? " is not a digit or X" : " is not a digit");
      return out;
    }
    i += len;
  }
  // From here n is all ASCII digits (and a final X for 18).
  std::string date = legacy ? "19" + n.substr(6, 6) : n.substr(6, 8);
  int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(4, 2)),
      d = std::stoi(date.substr(6, 2));
  if (!valid_civil_date(y, m, d)) {
    out.reason = "birth date ";
    quoted(out.reason, legacy ? n.substr(6, 6) : date);
    out.reason += legacy ? " at positions 7-12 is not a valid date"
                         : " at positions 7-14 is not a valid date";
    return out;
  }
  out.birth_date = date.substr(0, 4) + "-" + date.substr(4, 2) + "-" + date.substr(6, 2);
  if (legacy) {
    out.legacy = true;
    out.valid = true;
    out.reason = "15-digit number of before 1999, no check digit";
    return out;
  }
  char expected = resident_id_check_char(std::string_view(n).substr(0, 17));
  if (n[17] != expected) {
    out.reason = "check digit is ";
    quoted(out.reason, n.substr(17, 1));
    out.reason += ", expected ";
    quoted(out.reason, std::string(1, expected));
    return out;
  }
  out.valid = true;
  return out;
}

size_t check_uscc_stream(std::istream& in, std::ostream& out) {
  constexpr size_t kFlushAt = 1 << 16;
  std::string line, buf;
  buf.reserve(kFlushAt + 256);
  UsccCheck result;
  size_t lines = 0;
  while (std::getline(in, line)) {
    ++lines;
    std::string_view code = line;
    while (!code.empty() && is_ascii_space(code.back())) code.remove_suffix(1);
    while (!code.empty() && is_ascii_space(code.front())) code.remove_prefix(1);
    check_uscc(code, result);
    // A tab inside the code would shift the columns: echo it as a space.
    for (char c : code) buf.push_back(c == '\t' ? ' ' : c);
    if (result.valid) {
      buf += "\tvalid\n";
    } else {
      buf += "\tinvalid\t";
      buf += result.reason;
      buf += '\n';
    }
    if (buf.size() >= kFlushAt) {
      out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
      buf.clear();
    }
  }
  out.write(buf.data(), static_cast<std::streamsize>(buf.size()));
  return lines;
}

}  // namespace lj::text
