// The detectors behind mask_text (masking.hpp), over text already folded one code point at a
// time, so that an index into the folded text is an index into the input. Pure.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "disclose/masking.hpp"

namespace lj::disclose {

// Each code point folded by NFKC when it folds to exactly one ASCII character (full-width
// digits, letters and punctuation, circled digits); every other code point unchanged. Same
// length as `s`.
std::u32string fold(const std::u32string& s);

inline bool is_ascii_digit(char32_t c) {
  return c >= U'0' && c <= U'9';
}
inline bool is_ascii_alnum(char32_t c) {
  return is_ascii_digit(c) || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z');
}

struct RawSpan {
  PiiKind kind;
  size_t start = 0;
  size_t end = 0;
  size_t keep_front = 0;  // phone: digits kept at the front
};

// Every piece of personal data in `folded`, by start, not overlapping (earlier detectors win:
// e-mail, ID number, bank account after a marker, phone, bank account by Luhn, address, name,
// health). Names equal to one of `party_names` are not reported.
std::vector<RawSpan> scan_pii(const std::u32string& folded,
                              const std::vector<std::string>& party_names);

// Luhn check over ASCII digits.
bool luhn_ok(const std::u32string& digits);

// The code points of an address kept in its masked form (the administrative part).
size_t address_keep(const std::u32string& address);
// The code points of a name's surname (2 for a compound surname, else 1).
size_t surname_length(const std::u32string& name);

// The masked form of one span (`folded` is `s` folded); keep_hint as in RawSpan::keep_front.
std::u32string mask_span_u32(PiiKind kind, const std::u32string& s, const std::u32string& folded,
                             size_t keep_hint);

}  // namespace lj::disclose
