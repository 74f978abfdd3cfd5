#include "geo/aliases.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "geo/address_text.hpp"
#include "text/normalize.hpp"

namespace lj::geo {
namespace {

// Administrative suffixes per level, longest first; the first that leaves two characters is
// removed (碑林区 -> 碑林, not 碑; 神农架林区 -> 神农架).
constexpr std::array kProvinceSuffixes{U"特别行政区", U"自治区", U"省", U"市"};
constexpr std::array kCitySuffixes{U"自治州", U"地区", U"盟", U"市"};
constexpr std::array kCountySuffixes{U"自治县", U"自治旗", U"林区", U"特区", U"矿区",
                                     U"新区",   U"县",     U"旗",   U"区",   U"市"};

// Names of ethnic groups as they appear in names of autonomous areas (莫力达瓦达斡尔族自治旗,
// 海西蒙古族藏族自治州, 博尔塔拉蒙古自治州, 新疆维吾尔自治区), longest first where one ends
// another (土家族 before 家族-free 族 forms).
constexpr std::array kEthnicNames{
    U"柯尔克孜族", U"乌孜别克族", U"俄罗斯族", U"哈萨克族", U"达斡尔族", U"鄂温克族", U"鄂伦春族",
    U"塔吉克族",   U"塔塔尔族",   U"维吾尔族", U"布依族",   U"朝鲜族",   U"土家族",   U"哈尼族",
    U"傈僳族",     U"高山族",     U"拉祜族",   U"东乡族",   U"纳西族",   U"景颇族",   U"仫佬族",
    U"布朗族",     U"撒拉族",     U"毛南族",   U"仡佬族",   U"锡伯族",   U"阿昌族",   U"普米族",
    U"德昂族",     U"保安族",     U"裕固族",   U"独龙族",   U"赫哲族",   U"门巴族",   U"珞巴族",
    U"基诺族",     U"蒙古族",     U"回族",     U"藏族",     U"苗族",     U"彝族",     U"壮族",
    U"满族",       U"侗族",       U"瑶族",     U"白族",     U"傣族",     U"黎族",     U"佤族",
    U"畲族",       U"水族",       U"羌族",     U"怒族",     U"京族",     U"土族",     U"柯尔克孜",
    U"维吾尔",     U"哈萨克",     U"蒙古"};

// Stems too generic to stand for one place.
constexpr std::array kGenericStems{U"城关", U"市中", U"城中", U"新市", U"城东", U"城西",
                                   U"城南", U"城北", U"开发", U"高新", U"经济", U"中心"};
// Full names that read as ordinary words.
constexpr std::array kGenericNames{U"城区", U"郊区", U"矿区", U"东区", U"西区"};

// Province short forms, stripped from the front of development-zone names
// (内蒙古阿拉善高新技术产业开发区 -> 阿拉善高新技术产业开发区).
constexpr std::array kProvinceShortForms{
    U"内蒙古", U"黑龙江", U"北京", U"天津", U"河北", U"山西", U"辽宁", U"吉林",
    U"上海",   U"江苏",   U"浙江", U"安徽", U"福建", U"江西", U"山东", U"河南",
    U"湖北",   U"湖南",   U"广东", U"广西", U"海南", U"重庆", U"四川", U"贵州",
    U"云南",   U"西藏",   U"陕西", U"甘肃", U"青海", U"宁夏", U"新疆"};

// Abbreviations of banners in everyday use in Inner Mongolia (2-character ones such as 莫旗 and
// 伊旗 are left out: too easily part of other words).
struct Abbreviation {
  std::string_view code;
  std::u32string_view text;
};
constexpr std::array kAbbreviations{
    Abbreviation{"150121", U"土左旗"},   Abbreviation{"150221", U"土右旗"},
    Abbreviation{"150223", U"达茂旗"},   Abbreviation{"150223", U"达茂联合旗"},
    Abbreviation{"150521", U"科左中旗"}, Abbreviation{"150522", U"科左后旗"},
    Abbreviation{"150623", U"鄂前旗"},   Abbreviation{"150723", U"鄂伦春旗"},
    Abbreviation{"150724", U"鄂温克旗"}, Abbreviation{"150726", U"新左旗"},
    Abbreviation{"150727", U"新右旗"},   Abbreviation{"150823", U"乌前旗"},
    Abbreviation{"150824", U"乌中旗"},   Abbreviation{"150825", U"乌后旗"},
    Abbreviation{"150926", U"察右前旗"}, Abbreviation{"150927", U"察右中旗"},
    Abbreviation{"150928", U"察右后旗"}, Abbreviation{"152221", U"科右前旗"},
    Abbreviation{"152222", U"科右中旗"}, Abbreviation{"152523", U"东苏旗"},
    Abbreviation{"152524", U"西苏旗"},   Abbreviation{"152525", U"东乌旗"},
    Abbreviation{"152526", U"西乌旗"},   Abbreviation{"152921", U"阿左旗"},
    Abbreviation{"152922", U"阿右旗"}};

// Characters that start a smaller unit or a building after a place name (see
// Alias::needs_boundary; street words 路街道巷弄胡同大街 are deliberately absent).
constexpr std::u32string_view kBoundaryChars =
    U"镇乡村屯苏嘎社组小号栋楼幢座单室院工园开经高农牧林矿站省市区县旗盟州地";

bool ends_with(std::u32string_view s, std::u32string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool starts_with(std::u32string_view s, std::u32string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

template <size_t N>
bool contains(const std::array<const char32_t*, N>& list, std::u32string_view s) {
  return std::any_of(list.begin(), list.end(), [&](const char32_t* x) { return s == x; });
}

template <size_t N>
std::u32string_view strip_suffix(std::u32string_view s,
                                 const std::array<const char32_t*, N>& list) {
  for (std::u32string_view suffix : list) {
    if (ends_with(s, suffix) && s.size() >= suffix.size() + 2)
      return s.substr(0, s.size() - suffix.size());
  }
  return s;
}

class AliasList {
 public:
  void add(Alias alias) {
    if (alias.text.empty()) return;
    for (Alias& a : list_) {
      if (a.text == alias.text) {
        if (alias.strength > a.strength) a = std::move(alias);
        return;
      }
    }
    list_.push_back(std::move(alias));
  }
  void add(std::u32string_view text, int strength) { add({std::u32string(text), strength}); }
  std::vector<Alias> take() { return std::move(list_); }

 private:
  std::vector<Alias> list_;
};

// Adds a stem (a name without its suffix), and the stems left after removing ethnic names
// from its end, each when at least two characters remain and it is not generic.
void add_stems(AliasList& out, std::u32string_view stem, const std::string& level) {
  while (stem.size() >= 2) {
    if (contains(kGenericStems, stem)) return;
    if (stem.size() >= 3) {
      out.add(stem, kStrengthLongShort);
    } else if (level == "province") {
      out.add({std::u32string(stem), kStrengthProvinceShort, false, /*needs_clean_start=*/true});
    } else {
      out.add({std::u32string(stem), kStrengthShort, /*needs_boundary=*/true});
    }
    std::u32string_view next = stem;
    for (std::u32string_view ethnic : kEthnicNames) {
      if (ends_with(stem, ethnic) && stem.size() >= ethnic.size() + 2) {
        next = stem.substr(0, stem.size() - ethnic.size());
        break;
      }
    }
    if (next == stem && ends_with(stem, U"族") && stem.size() >= 3)
      next = stem.substr(0, stem.size() - 1);
    if (next == stem && ends_with(stem, U"联合") && stem.size() >= 4)
      next = stem.substr(0, stem.size() - 2);
    if (next == stem) return;
    stem = next;
  }
}

void add_zone_aliases(AliasList& out, std::u32string_view name) {
  std::u32string base(name);
  if (ends_with(base, U"管委会") && base.size() > 5) {
    base.resize(base.size() - 3);
    out.add(base, kStrengthFull);
  }
  std::vector<std::u32string> forms{base};
  for (std::u32string_view province : kProvinceShortForms) {
    if (starts_with(base, province) && base.size() >= province.size() + 4) {
      forms.emplace_back(base.substr(province.size()));
      break;
    }
  }
  for (const std::u32string& form : std::vector<std::u32string>(forms)) {
    out.add(form, kStrengthFull);
    if (ends_with(form, U"管理区")) {
      // 乌拉盖管理区 -> 乌拉盖; 怀化市洪江管理区 -> 洪江, too short to keep (and 怀化市洪江
      // would hide 怀化市 and 洪江市 in "怀化市洪江市").
      std::u32string_view stem = std::u32string_view(form).substr(0, form.size() - 3);
      if (auto city_end = stem.rfind(U'市'); city_end != std::u32string_view::npos) {
        stem = stem.substr(city_end + 1);
      }
      if (stem.size() >= 3) out.add(stem, kStrengthLongShort);
    }
    for (auto [long_form, short_form] :
         {std::pair{std::u32string_view(U"高新技术产业开发区"), std::u32string_view(U"高新区")},
          std::pair{std::u32string_view(U"经济技术开发区"), std::u32string_view(U"经开区")}}) {
      if (ends_with(form, long_form) && form.size() > long_form.size()) {
        out.add(form.substr(0, form.size() - long_form.size()) + std::u32string(short_form),
                kStrengthLongShort);
      }
    }
  }
}

}  // namespace

bool ends_word_before(char32_t next, bool next_is_name) {
  return next_is_name || !is_ideograph(next) ||
         kBoundaryChars.find(next) != std::u32string_view::npos;
}

bool starts_street(std::u32string_view rest) {
  constexpr std::u32string_view kStreetChars = U"路街道巷弄胡大";
  constexpr std::u32string_view kDirections = U"东西南北中";
  if (rest.empty()) return false;
  if (kStreetChars.find(rest[0]) != std::u32string_view::npos) return true;
  return rest.size() >= 2 && kDirections.find(rest[0]) != std::u32string_view::npos &&
         kStreetChars.find(rest[1]) != std::u32string_view::npos;
}

std::vector<Alias> aliases_of(const refdata::Division& d) {
  AliasList out;
  const std::u32string name = text::to_u32(d.name);
  const bool zone = d.level == "county" && d.code.size() == 6 && d.code[4] == '7';
  if (name.size() >= 3) {
    out.add(name, kStrengthFull);
  } else if (contains(kGenericNames, name)) {
    out.add({name, kStrengthGeneric, false, false, /*needs_ancestor=*/true});
  } else {
    out.add(name, kStrengthTwoCharFull);
  }
  if (zone) {
    add_zone_aliases(out, name);
  } else if (d.level == "province") {
    add_stems(out, strip_suffix(name, kProvinceSuffixes), d.level);
  } else if (d.level == "city") {
    add_stems(out, strip_suffix(name, kCitySuffixes), d.level);
  } else {
    std::u32string_view stem = strip_suffix(name, kCountySuffixes);
    if (stem.size() < name.size()) add_stems(out, stem, d.level);
  }
  for (const Abbreviation& a : kAbbreviations) {
    if (a.code == d.code) out.add(a.text, kStrengthLongShort);
  }
  return out.take();
}

}  // namespace lj::geo
