#include "geo/gazetteer.hpp"

#include <algorithm>
#include <climits>

#include "geo/address_text.hpp"
#include "geo/aliases.hpp"

namespace lj::geo {
namespace {

// What lying on the hinted division's path adds to a candidate's score: enough to settle a tie
// between equal readings, less than one more full name in the address.
constexpr int kHintBonus = 3;
// For a candidate off that path but in the hinted province (新城区 with hint 150404 松山区: the
// 新城区 of Inner Mongolia).
constexpr int kHintProvinceBonus = 1;

// One name occurrence kept after the boundary and overlap rules.
struct Occurrence {
  uint32_t start;
  uint32_t length;
  uint32_t name_id;
  int strength;  // of its strongest surviving reading
};

struct Evidence {
  uint32_t division;
  int strength;
  uint32_t start;
  bool needs_ancestor;
};

}  // namespace

Result<Gazetteer> Gazetteer::load(const std::string& data_dir, const std::string& province) {
  LJ_ASSIGN_OR_RETURN(auto divisions, refdata::load_divisions(data_dir, province));
  return from_divisions(std::move(divisions));
}

Result<Gazetteer> Gazetteer::from_divisions(std::vector<refdata::Division> divisions) {
  Gazetteer g;
  g.divisions_ = std::move(divisions);
  g.parent_.reserve(g.divisions_.size());
  for (uint32_t i = 0; i < g.divisions_.size(); ++i) {
    const refdata::Division& d = g.divisions_[i];
    if (!g.index_of_.emplace(d.code, i).second) {
      return Status::Invalid("code", "division code " + d.code + " appears twice");
    }
    uint32_t parent = kNoParent;
    if (!d.parent_code.empty()) {
      auto it = g.index_of_.find(d.parent_code);
      if (it == g.index_of_.end()) {
        return Status::Invalid("parent_code",
                               "division " + d.code + " comes before its parent " + d.parent_code);
      }
      parent = it->second;
    }
    g.parent_.push_back(parent);
    for (const Alias& a : aliases_of(d)) {
      const uint32_t id = g.trie_.add(a.text);
      if (id >= g.entries_.size()) g.entries_.resize(id + 1);
      g.entries_[id].push_back({i, static_cast<uint8_t>(a.strength), a.needs_boundary,
                                a.needs_clean_start, a.needs_ancestor});
    }
  }
  return g;
}

const refdata::Division* Gazetteer::find(std::string_view code) const {
  auto it = index_of_.find(std::string(code));
  return it == index_of_.end() ? nullptr : &divisions_[it->second];
}

int Gazetteer::level_rank(uint32_t division) const {
  const std::string& level = divisions_[division].level;
  return level == "province" ? 0 : level == "city" ? 1 : 2;
}

bool Gazetteer::is_ancestor_or_self(uint32_t ancestor, uint32_t division) const {
  for (uint32_t d = division; d != kNoParent; d = parent_[d]) {
    if (d == ancestor) return true;
  }
  return false;
}

Place Gazetteer::place_of(uint32_t division, double confidence) const {
  const refdata::Division& d = divisions_[division];
  return {d.code, d.level, d.name, confidence};
}

Place Gazetteer::locate(std::string_view address) const {
  return locate(address, {});
}

Place Gazetteer::locate(std::string_view address, std::string_view region_hint) const {
  uint32_t hint = kNoParent;
  if (!region_hint.empty()) {
    auto it = index_of_.find(std::string(region_hint));
    if (it != index_of_.end()) hint = it->second;
  }
  const std::u32string text = match_form(address);
  const auto n = static_cast<uint32_t>(text.size());

  // 1. Every occurrence of every alias.
  std::vector<NameTrie::Match> raw;
  raw.reserve(32);
  trie_.find_all(text, raw);
  std::vector<bool> name_starts(n + 1, false);
  for (const auto& m : raw) name_starts[m.start] = true;

  // 2. Boundary rule for weak readings, then overlaps settled longest (and strongest) first.
  std::vector<Occurrence> occurrences;
  occurrences.reserve(raw.size());
  // Whether a weak reading counts here (aliases.hpp: Alias::needs_boundary, needs_clean_start).
  auto weak_counts = [&](const NameTrie::Match& m, const Entry& e) {
    if (e.needs_clean_start) {
      for (const auto& other : raw) {
        if (other.start < m.start && other.start + other.length > m.start) return false;
      }
    }
    if (!e.needs_boundary) return true;
    const uint32_t end = m.start + m.length;
    if (end == n || ends_word_before(text[end], name_starts[end])) return true;
    if (starts_street(std::u32string_view(text).substr(end))) return false;
    for (const auto& before : raw) {
      if (before.start + before.length != m.start) continue;
      for (const Entry& a : entries_[before.name_id]) {
        if (a.division != e.division && is_ancestor_or_self(a.division, e.division)) return true;
      }
    }
    return false;
  };
  for (const auto& m : raw) {
    int best = 0;
    for (const Entry& e : entries_[m.name_id]) {
      if (weak_counts(m, e)) best = std::max<int>(best, e.strength);
    }
    if (best > 0) occurrences.push_back({m.start, m.length, m.name_id, best});
  }
  std::sort(occurrences.begin(), occurrences.end(), [](const Occurrence& a, const Occurrence& b) {
    if (a.length != b.length) return a.length > b.length;
    if (a.strength != b.strength) return a.strength > b.strength;
    return a.start < b.start;
  });
  std::vector<bool> taken(n, false);
  std::vector<Evidence> evidence;
  for (const Occurrence& o : occurrences) {
    if (std::any_of(taken.begin() + o.start, taken.begin() + o.start + o.length,
                    [](bool t) { return t; })) {
      continue;
    }
    std::fill(taken.begin() + o.start, taken.begin() + o.start + o.length, true);
    const NameTrie::Match m{o.start, o.length, o.name_id};
    for (const Entry& e : entries_[o.name_id]) {
      if (!weak_counts(m, e)) continue;
      auto it = std::find_if(evidence.begin(), evidence.end(),
                             [&](const Evidence& x) { return x.division == e.division; });
      if (it == evidence.end()) {
        evidence.push_back({e.division, e.strength, o.start, e.needs_ancestor});
      } else if (e.strength > it->strength || (e.strength == it->strength && o.start < it->start)) {
        *it = {e.division, e.strength, o.start, e.needs_ancestor};
      }
    }
  }

  // 3. Scores: own evidence + named ancestors + hint.
  auto evidence_of = [&](uint32_t division) -> const Evidence* {
    for (const Evidence& x : evidence) {
      if (x.division == division) return &x;
    }
    return nullptr;
  };
  struct Scored {
    const Evidence* ev;
    int score;
    int ancestors_named;
  };
  std::vector<Scored> scored;
  for (const Evidence& e : evidence) {
    int score = e.strength;
    int ancestors_named = 0;
    for (uint32_t p = parent_[e.division]; p != kNoParent; p = parent_[p]) {
      // One occurrence naming both (承德: 承德市 and its 承德县) is no evidence of the pair.
      if (const Evidence* a = evidence_of(p); a != nullptr && a->start != e.start) {
        score += a->strength;
        ++ancestors_named;
      }
    }
    if (e.needs_ancestor && ancestors_named == 0) continue;
    if (hint != kNoParent) {
      if (is_ancestor_or_self(e.division, hint) || is_ancestor_or_self(hint, e.division)) {
        score += kHintBonus;
      } else if (divisions_[e.division].code.compare(0, 2, divisions_[hint].code, 0, 2) == 0) {
        score += kHintProvinceBonus;
      }
    }
    scored.push_back({&e, score, ancestors_named});
  }

  // 4. The best score; ties go to the earliest name, then to the common ancestor.
  uint32_t result = kNoParent;
  double confidence = 0;
  if (!scored.empty()) {
    const int top =
        std::max_element(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
          return a.score < b.score;
        })->score;
    uint32_t first = UINT32_MAX;
    for (const Scored& s : scored) {
      if (s.score == top) first = std::min(first, s.ev->start);
    }
    // Readings of one name at different levels: the larger division is meant (西安 is 西安市,
    // not a 西安区; 海南 is the province, not 乌海's 海南区).
    int largest = INT32_MAX;
    for (const Scored& s : scored) {
      if (s.score == top && s.ev->start == first)
        largest = std::min(largest, level_rank(s.ev->division));
    }
    std::vector<const Scored*> tied;
    for (const Scored& s : scored) {
      if (s.score == top && s.ev->start == first && level_rank(s.ev->division) == largest) {
        tied.push_back(&s);
      }
    }
    if (tied.size() == 1) {
      result = tied[0]->ev->division;
      confidence = std::min(0.99, 0.45 + 0.4 * tied[0]->ev->strength / kStrengthFull +
                                      0.05 * tied[0]->ancestors_named);
    } else {
      // The deepest division that is an ancestor (or self) of every tied candidate.
      for (uint32_t a = tied[0]->ev->division; a != kNoParent; a = parent_[a]) {
        if (std::all_of(tied.begin(), tied.end(),
                        [&](const Scored* s) { return is_ancestor_or_self(a, s->ev->division); })) {
          result = a;
          confidence = 0.4;
          break;
        }
      }
    }
  }

  // 5. The hint refines what the address leaves open.
  if (hint != kNoParent &&
      (result == kNoParent || (result != hint && is_ancestor_or_self(result, hint)))) {
    return place_of(hint, result == kNoParent ? 0.5 : 0.6);
  }
  if (result == kNoParent) return {"", "none", "", 0};
  return place_of(result, confidence);
}

}  // namespace lj::geo
