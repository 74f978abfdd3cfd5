#include "resolve/name_normalizer.hpp"

#include <algorithm>
#include <set>

#include "text/bigrams.hpp"
#include "text/normalize.hpp"

namespace lj::resolve {
namespace {

// Legal forms and shop kinds at the end of a name, longest first within each family so that
// "股份有限公司" goes before "有限公司" and "公司".
const std::vector<std::u32string> kLegalForms = {
    U"股份有限公司", U"有限责任公司", U"集团有限公司", U"有限公司", U"专业合作社",
    U"股份公司",     U"有限合伙",     U"个体工商户",   U"总公司",   U"集团",
    U"公司",         U"合作社",       U"门市部",       U"经营部",   U"经销部",
    U"批发部",       U"销售部",       U"商行",         U"商店",     U"商社",
    U"总厂",         U"工厂",         U"厂",           U"店",       U"工作室"};

// Markers of a branch at the end of a name.
const std::vector<std::u32string> kBranchMarkers = {U"分公司", U"分店", U"分厂", U"营业部",
                                                    U"办事处", U"分部", U"门店", U"支公司"};

// Division suffixes dropped to form a short region name, longest first.
const std::vector<std::u32string> kDivisionSuffixes = {
    U"自治区", U"自治州", U"自治旗", U"自治县", U"地区", U"省", U"市", U"盟", U"区", U"县", U"旗"};

bool ends_with(const std::u32string& s, const std::u32string& t) {
  return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
}
bool starts_with(const std::u32string& s, const std::u32string& t) {
  return s.size() >= t.size() && s.compare(0, t.size(), t) == 0;
}

bool is_open(char32_t c) {
  return c == U'(' || c == U'[' || c == U'【' || c == U'〔' || c == U'{';
}
bool is_close(char32_t c) {
  return c == U')' || c == U']' || c == U'】' || c == U'〕' || c == U'}';
}

// NFKC and ASCII lower case, bracketed parts removed, then letters and digits only.
std::u32string letters_digits(std::string_view name, bool drop_brackets) {
  const std::string norm = text::search_normalize(name);
  std::string kept;
  if (drop_brackets) {
    std::u32string s = text::to_u32(norm), out;
    int depth = 0;
    for (char32_t c : s) {
      if (is_open(c)) {
        ++depth;
      } else if (is_close(c)) {
        if (depth > 0) --depth;
      } else if (depth == 0) {
        out.push_back(c);
      }
    }
    kept = text::from_u32(out);
  } else {
    kept = norm;
  }
  std::u32string joined;
  for (auto& w : text::search_words(kept)) joined += w;
  return joined;
}

constexpr size_t kMinCore = 2;

}  // namespace

std::u32string u32(std::string_view s) {
  return text::to_u32(s);
}

NameNormalizer::NameNormalizer(const std::vector<std::string>& region_names) {
  std::set<std::u32string> full, prefixes;
  for (const std::string& n : region_names) {
    std::u32string f = letters_digits(n, true);
    if (f.size() < 2) continue;
    full.insert(f);
    prefixes.insert(f);
    for (const auto& suf : kDivisionSuffixes) {
      if (ends_with(f, suf) && f.size() - suf.size() >= 2) {
        prefixes.insert(f.substr(0, f.size() - suf.size()));
        break;
      }
    }
  }
  prefixes.insert(U"中国");
  prefixes.insert(U"中华人民共和国");
  auto longest_first = [](const std::u32string& a, const std::u32string& b) {
    return a.size() != b.size() ? a.size() > b.size() : a < b;
  };
  full_.assign(full.begin(), full.end());
  prefixes_.assign(prefixes.begin(), prefixes.end());
  std::sort(full_.begin(), full_.end(), longest_first);
  std::sort(prefixes_.begin(), prefixes_.end(), longest_first);
}

NameNormalizer NameNormalizer::from_units(const std::vector<Unit>& units) {
  std::vector<std::string> names;
  names.reserve(units.size());
  // A unit is named after its division: "赤峰市市场监督管理局" (refdata::bureau_name).
  static const std::string kBureau = "市场监督管理局";
  for (const Unit& u : units) {
    std::string n = u.name;
    if (n.size() > kBureau.size() &&
        n.compare(n.size() - kBureau.size(), kBureau.size(), kBureau) == 0)
      n.resize(n.size() - kBureau.size());
    names.push_back(std::move(n));
  }
  return NameNormalizer(names);
}

std::u32string NameNormalizer::strip_region_prefixes(std::u32string s) const {
  for (bool again = true; again;) {
    again = false;
    for (const auto& p : prefixes_) {
      if (starts_with(s, p) && s.size() - p.size() >= kMinCore) {
        s.erase(0, p.size());
        again = true;
        break;
      }
    }
  }
  return s;
}

std::string NameNormalizer::core(std::string_view name) const {
  std::u32string s = letters_digits(name, true);
  // A branch at the end: cut after the last legal form before it, or drop the marker with the
  // place name in front of it ("红山分店", "松山分公司").
  for (const auto& marker : kBranchMarkers) {
    if (!ends_with(s, marker)) continue;
    size_t cut = std::u32string::npos;
    for (const auto& form : kLegalForms) {
      if (form.size() < 2) continue;  // 厂/店 inside a name are too common to cut at
      const size_t limit = s.size() - marker.size();  // the form must end by here
      if (limit < form.size()) continue;
      const size_t at = s.rfind(form, limit - form.size());
      if (at != std::u32string::npos && (cut == std::u32string::npos || at + form.size() > cut))
        cut = at + form.size();
    }
    if (cut != std::u32string::npos && cut >= kMinCore && cut < s.size()) {
      s.resize(cut);
    } else if (s.size() - marker.size() >= kMinCore) {
      s.resize(s.size() - marker.size());
      // The place name in front of the marker.
      for (const auto& p : prefixes_) {
        if (ends_with(s, p) && s.size() - p.size() >= kMinCore) {
          s.resize(s.size() - p.size());
          break;
        }
      }
    }
    break;
  }
  // "…超市红山店": a shop named after a place is a branch.
  if (ends_with(s, U"店")) {
    std::u32string head = s.substr(0, s.size() - 1);
    for (const auto& p : prefixes_) {
      if (ends_with(head, p) && head.size() - p.size() >= kMinCore) {
        s = head.substr(0, head.size() - p.size());
        break;
      }
    }
  }
  for (bool again = true; again;) {
    again = false;
    for (const auto& form : kLegalForms) {
      if (ends_with(s, form) && s.size() - form.size() >= kMinCore) {
        s.resize(s.size() - form.size());
        again = true;
        break;
      }
    }
  }
  s = strip_region_prefixes(std::move(s));
  return text::from_u32(s);
}

std::string NameNormalizer::address_key(std::string_view address) const {
  std::u32string s = letters_digits(address, false);
  for (const auto& f : full_) {
    for (size_t at = s.find(f); at != std::u32string::npos; at = s.find(f, at))
      s.erase(at, f.size());
  }
  return text::from_u32(s);
}

}  // namespace lj::resolve
