#include "geo/address_text.hpp"

#include "text/normalize.hpp"

namespace lj::geo {
namespace {

// Whitespace, controls and the invisible format characters sources leave in addresses.
bool is_removed(char32_t cp) {
  return cp <= 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0xA0) || cp == 0xAD || cp == 0x3000 ||
         (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) || cp == 0x205F ||
         (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF;
}

}  // namespace

std::u32string match_form(std::string_view address) {
  std::u32string text = text::to_u32(text::nfkc(address));
  size_t w = 0;
  for (char32_t cp : text) {
    if (!is_removed(cp)) text[w++] = cp;
  }
  text.resize(w);
  return text;
}

}  // namespace lj::geo
