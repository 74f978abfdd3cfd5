#include "geo/name_trie.hpp"

namespace lj::geo {

uint32_t NameTrie::child(uint32_t node, char32_t cp) const {
  auto it = edges_.find(edge_key(node, cp));
  return it == edges_.end() ? kNone : it->second;
}

uint32_t NameTrie::add(std::u32string_view name) {
  uint32_t node = 0;
  for (char32_t cp : name) {
    auto [it, inserted] =
        edges_.try_emplace(edge_key(node, cp), static_cast<uint32_t>(terminal_.size()));
    if (inserted) terminal_.push_back(kNone);
    node = it->second;
  }
  if (terminal_[node] == kNone) terminal_[node] = static_cast<uint32_t>(name_count_++);
  return terminal_[node];
}

void NameTrie::find_all(std::u32string_view text, std::vector<Match>& out) const {
  const auto n = static_cast<uint32_t>(text.size());
  for (uint32_t start = 0; start < n; ++start) {
    uint32_t node = 0;
    for (uint32_t i = start; i < n; ++i) {
      node = child(node, text[i]);
      if (node == kNone) break;
      if (terminal_[node] != kNone) out.push_back({start, i + 1 - start, terminal_[node]});
    }
  }
}

}  // namespace lj::geo
