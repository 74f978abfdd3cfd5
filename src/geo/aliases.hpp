// The names a division is written under in addresses, derived from its official name:
//  - the full name (松山区, 锡林郭勒盟, 内蒙古自治区);
//  - the name without its administrative suffix and autonomous-area ethnic names (松山,
//    锡林郭勒, 内蒙古, 广西, 延边, 莫力达瓦, 鄂伦春), kept only when at least two characters
//    remain and the stem is not a generic word (城关, 市中, ...);
//  - for development zones and management areas (xx71/xx72/...): the full name, the name without
//    a trailing 管委会 or leading province short form, and 高新区/经开区 contractions;
//  - a short table of abbreviations in everyday use in Inner Mongolia (土左旗, 科右前旗, 阿左旗).
//
// Each alias carries how much it proves (strength) and when it counts at all; see Alias.
#pragma once

#include <string>
#include <vector>

#include "refdata/divisions.hpp"

namespace lj::geo {

// Evidence weights, compared and summed by the gazetteer. A full name outweighs any short form,
// so that a street named after a place (鄂尔多斯大街 in 呼和浩特) loses to the full names around
// it.
inline constexpr int kStrengthFull = 6;           // full names of 3+ characters
inline constexpr int kStrengthLongShort = 5;      // short forms and abbreviations of 3+ characters
inline constexpr int kStrengthTwoCharFull = 4;    // 2-character full names (赵县, 芒市)
inline constexpr int kStrengthProvinceShort = 4;  // 2-character province short forms (新疆, 北京)
inline constexpr int kStrengthShort = 3;    // 2-character city and county stems (赤峰, 东胜)
inline constexpr int kStrengthGeneric = 2;  // generic county names (城区, 郊区, 东区)

struct Alias {
  std::u32string text;
  int strength = kStrengthFull;
  // A weak alias (2-character stem of a city or county) counts only where a place name can
  // end: at the end of the text, before a non-ideograph, before another name, or before a
  // character that starts a smaller unit or a building (镇, 乡, 村, 苏木, 社区, 号, 楼, 开发区...;
  // not 路/街/道/巷: a stem followed by those is a street name, found in every city) -- or right
  // after a name of one of its ancestors unless a street word follows (the gazetteer checks
  // that). So 东胜 counts in "东胜", "东胜12号" and "鄂尔多斯东胜" but not in "东胜利街",
  // "东胜路" or "鄂尔多斯东胜路"; 义乌 counts in "浙江义乌稠州北路"; 解放 (解放区 of 焦作)
  // not in "解放路", 新华 (新华区 of 石家庄) not in "石家庄市新华大街".
  bool needs_boundary = false;
  // A 2-character province short form (山西, 江西) does not count where a name starting before
  // it overlaps its first character: 山西 in "中山西路" is not Shanxi, 江西 in "浙江西路" is not
  // Jiangxi. (Stems have needs_boundary instead.)
  bool needs_clean_start = false;
  // A generic name (城区 exists three times, 东区 reads as "the east district") counts only when
  // an ancestor of the division is named as well.
  bool needs_ancestor = false;
};

// The aliases of `d`, each text once (the strongest reading kept).
std::vector<Alias> aliases_of(const refdata::Division& d);

// Whether a weak alias may end before `next` (see Alias::needs_boundary), ancestors aside;
// `next_is_name` tells whether another name starts at that position.
bool ends_word_before(char32_t next, bool next_is_name);

// Whether `rest` starts with a street word (路, 街, 道, 巷, 弄, 胡同, 大街/大道) or a direction
// and a street word (西路, 南大街): after a stem, it makes the stem part of a street name.
bool starts_street(std::u32string_view rest);

}  // namespace lj::geo
