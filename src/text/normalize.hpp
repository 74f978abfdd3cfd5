// Text normalisation for imported fields: Unicode NFKC (which folds full-width forms to ASCII),
// whitespace and invisible characters, phone numbers and dates as sources write them.
//
// Every function takes arbitrary bytes. Input that is not valid UTF-8 never fails: each byte
// that does not start a well-formed sequence (overlong forms, surrogates and code points past
// U+10FFFF included) is read as U+FFFD. All functions are pure and thread-safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace lj::text {

inline constexpr char32_t kReplacementChar = 0xFFFD;

// The text with every invalid byte replaced by U+FFFD (EF BF BD); valid UTF-8 is returned as is.
std::string valid_utf8(std::string_view s);

// Unicode NFKC. Folds full-width ASCII ("ＡＢＣ１２３" -> "ABC123", "（有限公司）" ->
// "(有限公司)"), the ideographic space U+3000 and no-break spaces to U+0020, half-width katakana
// to full-width, and other compatibility forms ("①" -> "1", "™" -> "TM"). ASCII is returned
// unchanged without calling utf8proc.
std::string nfkc(std::string_view s);

// For single-line fields (names, addresses, codes): NFKC; control characters (Cc) and format
// characters (Cf: zero-width space/joiners U+200B..U+200D, U+FEFF, soft hyphen, bidi controls)
// removed; every run of whitespace, line breaks included, becomes one space; trimmed.
std::string clean_text(std::string_view s);

// For free text (a lead's description): as clean_text, but line breaks (LF, CRLF, CR, NEL,
// U+2028, U+2029) survive as '\n'. Spaces around a line break are dropped and a run of line
// breaks, blank lines included, becomes one '\n'; leading and trailing breaks are trimmed.
std::string clean_multiline(std::string_view s);

// A mainland phone number in one canonical form, or nullopt when `s` is not one:
//  - mobile: "13800138000" (11 digits, 1[3-9]...), from "+86 138-0013-8000", "0086…", "86…",
//    "0138…";
//  - landline with area code: "0471-3255699", "010-12345678" (3-digit area codes 010 and
//    02X, 4-digit ones otherwise; local part 7 or 8 digits not starting with 0 or 1), from
//    "(0471)3255699", "0471 325 5699", "+86 471 3255699";
//  - national service numbers 400/800 with 10 digits: "400-123-4567".
// Full-width digits are accepted; spaces, hyphens, dashes, dots and parentheses are ignored.
// A landline without its area code, an extension, or any other character gives nullopt.
std::optional<std::string> normalize_phone(std::string_view s);

// A calendar date as ISO "YYYY-MM-DD", or nullopt when `s` is not a valid date. Accepts
// "2018-04-02", "2018/4/2", "2018.04.02", "2018年4月2日" (日 or 号 optional), "20180402",
// full-width digits and spaces around the separators. The year has 4 digits (0001–9999), the
// date must exist in the proleptic Gregorian calendar (no 2018-02-30), and nothing may follow
// it (a time of day gives nullopt).
std::optional<std::string> normalize_date(std::string_view s);

// Whether year-month-day is a date of the proleptic Gregorian calendar (year 1..9999).
bool valid_civil_date(int year, int month, int day);

// The number of code points, each invalid byte counting as one (as U+FFFD).
size_t utf8_length(std::string_view s);

// Decodes (invalid bytes as U+FFFD) and encodes UTF-8. from_u32 writes U+FFFD for surrogates
// and values past U+10FFFF.
std::u32string to_u32(std::string_view s);
std::string from_u32(std::u32string_view s);
// Appends the UTF-8 form of `cp` (U+FFFD for a surrogate or a value past U+10FFFF).
void append_utf8(std::string& out, char32_t cp);

}  // namespace lj::text
