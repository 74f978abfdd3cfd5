// A multi-pattern scanner over Unicode code points: a trie of names, walked from every position
// of a text to report every occurrence of every name (overlapping ones included).
//
// Names are short (division names: at most ~20 code points) and texts are addresses, so a walk
// from each start position costs O(text length x longest partial match), usually one or two
// steps; no failure links (Aho-Corasick) are needed at this size.
#pragma once

#include <cstdint>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lj::geo {

class NameTrie {
 public:
  // One occurrence: code points [start, start + length) of the text spell the name whose id
  // add() returned.
  struct Match {
    uint32_t start;
    uint32_t length;
    uint32_t name_id;
  };

  // Adds `name` (not empty) and returns its id: 0, 1, 2, ... for distinct names; adding a name
  // again returns its existing id.
  uint32_t add(std::u32string_view name);

  // Every occurrence of every name in `text`, ordered by start and then by length. Appends to
  // `out`. Thread-safe for concurrent calls once all names are added.
  void find_all(std::u32string_view text, std::vector<Match>& out) const;

  size_t name_count() const { return name_count_; }
  size_t node_count() const { return terminal_.size(); }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  static uint64_t edge_key(uint32_t node, char32_t cp) {
    return (static_cast<uint64_t>(node) << 21) | static_cast<uint64_t>(cp & 0x1FFFFF);
  }
  uint32_t child(uint32_t node, char32_t cp) const;

  std::unordered_map<uint64_t, uint32_t> edges_;  // (node, code point) -> node
  std::vector<uint32_t> terminal_{kNone};         // per node: the name id ending here, or kNone
  size_t name_count_ = 0;
};

}  // namespace lj::geo
