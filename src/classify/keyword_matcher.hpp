// Multi-pattern keyword matching for classification: every keyword of data/classify/rules.json
// in one Hyperscan database of UTF-8 literals, compiled once and scanned in one pass.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.hpp"
#include "model/model.hpp"

namespace lj::classify {

enum class LabelKind { kCategory, kViolation };

struct Keyword {
  LabelKind kind;
  std::string code;     // product category or violation code
  std::string text;     // normalised (search_normalize) literal
  double weight = 1.0;  // the vote; by default the keyword's length in characters
};

// Where a keyword matched, in code points of the normalised text.
struct KeywordHit {
  const Keyword* keyword = nullptr;
  size_t start = 0;
  size_t end = 0;
};

// The keyword rules: parsed from the JSON document of data/classify/rules.json. kInvalidArgument
// naming the entry when a code is unknown to `known_codes`' kinds, or a keyword is empty.
Result<std::vector<Keyword>> parse_rules(const Json& doc,
                                         const std::vector<CodeEntry>& known_codes);
// Reads <data_dir>/classify/rules.json and parses it.
Result<std::vector<Keyword>> load_rules(const std::string& data_dir,
                                        const std::vector<CodeEntry>& known_codes);

// Immutable after construction; match() is thread-safe (each call borrows a scratch space from
// a small pool).
class KeywordMatcher {
 public:
  static Result<std::shared_ptr<const KeywordMatcher>> compile(std::vector<Keyword> keywords);
  ~KeywordMatcher();
  KeywordMatcher(const KeywordMatcher&) = delete;
  KeywordMatcher& operator=(const KeywordMatcher&) = delete;

  // The hits in `normalized` (text already through text::search_normalize), in order of start.
  // A hit lying inside a longer hit of the same kind is dropped.
  std::vector<KeywordHit> match(std::string_view normalized) const;
  const std::vector<Keyword>& keywords() const { return keywords_; }

 private:
  KeywordMatcher() = default;
  struct Impl;
  std::vector<Keyword> keywords_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lj::classify
