// Enterprise names reduced to their core (字号 plus trade words) for matching: the same
// enterprise written "赤峰市XX化肥有限公司", "XX化肥厂（赤峰）" or
// "内蒙古XX化肥有限责任公司松山分公司" has the core "xx化肥" each time.
//
// Steps, in order: NFKC (full-width folded, ASCII lower-cased); bracketed parts removed (a
// region or branch note: "（赤峰）", "(内蒙古)", "【总店】"); everything but letters and digits
// removed (spaces, punctuation, "·"); a branch part at the end removed ("…有限公司松山分公司"
// keeps "…有限公司"; "…超市红山店" / "…分店" drop the branch); legal-form suffixes removed
// repeatedly from the end (股份有限公司, 有限责任公司, 有限公司, 集团, 公司, 厂, 店, 商行,
// 经营部, 门市部, ...); region names removed repeatedly from the start, in full or short form
// ("内蒙古自治区", "内蒙古", "赤峰市", "赤峰", "松山区", "松山"). A step that would leave fewer
// than two characters is skipped, so a short name keeps its meaning.
//
// Thread-safe after construction (const methods only).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace lj::resolve {

class NameNormalizer {
 public:
  // `region_names`: full names of divisions ("赤峰市", "松山区", "内蒙古自治区"); their short
  // forms (without 市/区/县/旗/盟/自治区/...) are derived here.
  explicit NameNormalizer(const std::vector<std::string>& region_names);
  // From the unit tree: each unit's name is its division's name with "市场监督管理局" after it.
  static NameNormalizer from_units(const std::vector<Unit>& units);

  // The core of an enterprise name (may be empty for an empty or all-punctuation name).
  std::string core(std::string_view name) const;
  // An address for comparison: NFKC, lower case, letters and digits only, with every region
  // name (full forms) removed wherever it occurs.
  std::string address_key(std::string_view address) const;

 private:
  std::u32string strip_region_prefixes(std::u32string s) const;
  std::vector<std::u32string> full_;      // longest first
  std::vector<std::u32string> prefixes_;  // full and short forms, longest first
};

// The code points of `s` (a convenience for scoring).
std::u32string u32(std::string_view s);

}  // namespace lj::resolve
