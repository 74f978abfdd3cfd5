#include "disclose/masking.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "disclose/pii_scan.hpp"
#include "text/normalize.hpp"

namespace lj::disclose {

std::string_view kind_name(PiiKind kind) {
  switch (kind) {
    case PiiKind::kIdNumber:
      return "id_number";
    case PiiKind::kPhone:
      return "phone";
    case PiiKind::kBankAccount:
      return "bank_account";
    case PiiKind::kEmail:
      return "email";
    case PiiKind::kAddress:
      return "address";
    case PiiKind::kName:
      return "name";
    case PiiKind::kHealth:
      return "health";
  }
  return "unknown";
}

bool parse_kind(std::string_view name, PiiKind& kind) {
  constexpr std::array kAll{PiiKind::kIdNumber, PiiKind::kPhone,   PiiKind::kBankAccount,
                            PiiKind::kEmail,    PiiKind::kAddress, PiiKind::kName,
                            PiiKind::kHealth};
  for (PiiKind k : kAll) {
    if (kind_name(k) == name) {
      kind = k;
      return true;
    }
  }
  return false;
}

namespace {

// Masks the alphanumeric characters of `s` except the first `keep_first` and the last
// `keep_last` of them; other characters (separators) stay.
std::u32string mask_alnum(const std::u32string& s, const std::u32string& folded, size_t keep_first,
                          size_t keep_last) {
  size_t total = 0;
  for (char32_t c : folded) total += is_ascii_alnum(c) ? 1 : 0;
  std::u32string out = s;
  size_t seen = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!is_ascii_alnum(folded[i])) continue;
    if (seen >= keep_first && seen + keep_last < total) out[i] = U'*';
    ++seen;
  }
  return out;
}

std::u32string mask_all_but_space(const std::u32string& s, size_t keep_prefix) {
  std::u32string out = s;
  for (size_t i = keep_prefix; i < s.size(); ++i) {
    if (s[i] != U' ') out[i] = U'*';
  }
  return out;
}

}  // namespace

std::u32string mask_span_u32(PiiKind kind, const std::u32string& s, const std::u32string& folded,
                             size_t keep_hint) {
  switch (kind) {
    case PiiKind::kIdNumber: {
      size_t alnum = 0;
      for (char32_t c : folded) alnum += is_ascii_alnum(c) ? 1 : 0;
      return mask_alnum(s, folded, 4, alnum == 15 ? 3 : 4);
    }
    case PiiKind::kBankAccount:
      return mask_alnum(s, folded, 4, 4);
    case PiiKind::kPhone: {
      // keep_hint: digits kept at the front (the area code, or 3 of a mobile after +86).
      return mask_alnum(s, folded, keep_hint == 0 ? 3 : keep_hint, 4);
    }
    case PiiKind::kEmail: {
      std::u32string out = s;
      size_t at = folded.find(U'@');
      if (at == std::u32string::npos) return mask_all_but_space(s, 0);
      for (size_t i = 1; i < at; ++i) out[i] = U'*';
      return out;
    }
    case PiiKind::kAddress:
      return mask_all_but_space(s, address_keep(s));
    case PiiKind::kName:
      return mask_all_but_space(s, surname_length(s));
    case PiiKind::kHealth:
      return mask_all_but_space(s, 0);
  }
  return mask_all_but_space(s, 0);
}

std::string mask_span(PiiKind kind, std::string_view original) {
  std::u32string s = text::to_u32(original);
  return text::from_u32(mask_span_u32(kind, s, fold(s), 0));
}

std::string apply_spans(std::string_view text, const std::vector<PiiSpan>& spans) {
  std::u32string s = text::to_u32(text);
  std::vector<const PiiSpan*> order;
  for (const auto& sp : spans) order.push_back(&sp);
  std::sort(order.begin(), order.end(),
            [](const PiiSpan* a, const PiiSpan* b) { return a->start < b->start; });
  std::string out;
  size_t pos = 0;
  for (const PiiSpan* sp : order) {
    if (sp->start < pos || sp->end > s.size() || sp->start > sp->end) continue;
    out += text::from_u32(std::u32string_view(s).substr(pos, sp->start - pos));
    out += sp->masked;
    pos = sp->end;
  }
  out += text::from_u32(std::u32string_view(s).substr(pos));
  return out;
}

MaskResult mask_text(std::string_view text, const std::vector<std::string>& party_names) {
  std::u32string s = text::to_u32(text);
  std::u32string f = fold(s);
  std::vector<RawSpan> raw = scan_pii(f, party_names);
  MaskResult result;
  for (const RawSpan& r : raw) {
    PiiSpan sp;
    sp.kind = r.kind;
    sp.start = r.start;
    sp.end = r.end;
    std::u32string part = s.substr(r.start, r.end - r.start);
    sp.original = text::from_u32(part);
    sp.masked = text::from_u32(
        mask_span_u32(r.kind, part, f.substr(r.start, r.end - r.start), r.keep_front));
    result.found.push_back(std::move(sp));
  }
  result.masked = apply_spans(text, result.found);
  return result;
}

}  // namespace lj::disclose
