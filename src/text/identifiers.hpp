// Checks of the identifiers in RULES.md: the Unified Social Credit Code (统一社会信用代码,
// GB 32100-2015) and the resident identity number (公民身份号码, GB 11643-1999).
//
// A check never throws and accepts any bytes. Reasons are short English phrases naming what is
// wrong, with 1-based positions, e.g. "length 17, expected 18", "character 'I' at position 5 is
// not allowed", "check character is 'X', expected '7'". All functions are thread-safe.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

namespace lj::text {

// The 31 characters of GB 32100 (no I, O, S, V, Z); a character's value is its index.
inline constexpr std::string_view kUsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

struct UsccCheck {
  // The code passes every check below, the check character included.
  bool valid = false;
  // The code has the right shape (length, alphabet, authority, division digits); only its
  // check character may be wrong. RULES.md: some early codes fail the check yet are legal, so
  // importers keep a well-formed code and flag it (Enterprise::uscc_valid = valid) rather than
  // drop it.
  bool well_formed = false;
  std::string reason;      // empty when valid; otherwise the first problem found
  std::string normalized;  // NFKC, whitespace and invisible characters removed, upper case
};

// Checks a USCC as a source wrote it, after normalising it (full-width characters, spaces
// and lower case are accepted and folded). In order:
//  - empty: "empty";
//  - 18 characters: "length 17, expected 18";
//  - each character in kUsccAlphabet: "character 'I' at position 5 is not allowed";
//  - position 1, the registration authority, one of 1–9, A, N, Y (GB 32100 lists 1 机构编制,
//    5 民政, 9 工商, Y 其他; 2–4, 6–8, A and N were assigned since): "registration
//    authority 'B' at position 1 is unknown";
//  - positions 3–8, the registering division (GB/T 2260), digits: "division code '15A404' at
//    positions 3-8 is not 6 digits" (whether the division exists is not checked here);
//  - position 18: "check character is 'X', expected '7'".
// The organisation code in positions 9–17 (GB 11714) and the category in position 2 are not
// checked: their rules changed over the years and codes outside them were issued.
UsccCheck check_uscc(std::string_view code);
// The same, reusing the strings of `out` (for checking many codes without allocating).
void check_uscc(std::string_view code, UsccCheck& out);

// The GB 32100 check character of the first 17 characters: kUsccAlphabet[(31 − Σ mod 31) mod
// 31], Σ = Σ value(c_i) · 3^(i−1) mod 31. Empty when `first17` is not 17 characters of
// kUsccAlphabet (no normalisation here).
std::string uscc_check_char(std::string_view first17);

struct IdCheck {
  // The number has the right shape, a real birth date and (18 digits) the right check digit.
  bool valid = false;
  // The 15-digit form issued before GB 11643-1999: no check digit, birth year 19YY.
  bool legacy = false;
  // Empty when valid and not legacy; the first problem, or for a valid legacy number
  // "15-digit number of before 1999, no check digit".
  std::string reason;
  std::string normalized;  // NFKC, whitespace removed, a final x upper-cased
  std::string birth_date;  // "YYYY-MM-DD" when the date part is a real date, else empty
};

// Checks a resident identity number: 18 characters, 17 digits and a check digit or X
// ("10X98765432"[Σ mod 11], weights 7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2), birth date in
// positions 7–14; or the 15-digit legacy form (6 division, YYMMDD, 3 sequence). Reasons:
// "length 16, expected 18 (or 15)", "character 'A' at position 3 is not a digit",
// "birth date '19900230' at positions 7-14 is not a valid date", "check digit is '1',
// expected 'X'". The division code is not looked up.
IdCheck check_resident_id(std::string_view id);

// The GB 11643 check digit ('0'–'9' or 'X') of 17 digits; '\0' when `first17` is not 17 digits.
char resident_id_check_char(std::string_view first17);

// The `lijian check-uscc` filter (CONTRACTS.md): reads one code per line from `in` and writes
// one line per input line to `out`: `CODE<TAB>valid` or `CODE<TAB>invalid<TAB>reason`. CODE is
// the line as given with surrounding ASCII whitespace (a CR of CRLF included) trimmed, not the
// normalised form; a blank line gives `<TAB>invalid<TAB>empty`. Returns the number of lines.
size_t check_uscc_stream(std::istream& in, std::ostream& out);

}  // namespace lj::text
