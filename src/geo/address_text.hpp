// The form addresses and division names are matched in: Unicode NFKC (lj::text::nfkc: full-width
// ASCII to ASCII, compatibility ideographs to unified ones) as code points, with all whitespace
// and invisible characters removed, so that "赤峰市 松山区　迎宾路１１２号" and
// "赤峰市松山区迎宾路112号" match alike.
#pragma once

#include <string>
#include <string_view>

namespace lj::geo {

// The matching form of an address (any bytes; invalid UTF-8 reads as U+FFFD).
std::u32string match_form(std::string_view address);

// Whether `cp` is a CJK unified ideograph (basic block or extension A).
inline bool is_ideograph(char32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF);
}

}  // namespace lj::geo
