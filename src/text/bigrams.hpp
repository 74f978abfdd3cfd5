// Search tokens for Chinese (and mixed) text: overlapping two-code-point bigrams.
//
// Text is normalised (NFKC, ASCII lower-cased) and split into words: maximal runs of letters
// and digits (Unicode categories L* and N*); everything else separates words. A word of n >= 2
// code points gives its n-1 bigrams plus its last code point alone; a one-character word gives
// that character. So every character of the text starts at least one token, and a search for a
// single character is a prefix query ("X*") over the tokens, while a longer search needs all
// of its bigrams (then a substring recheck removes bigrams that matched in other places).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lj::text {

// NFKC, then ASCII letters lower-cased; the form both the index and the queries see.
std::string search_normalize(std::string_view s);

// The words (letter/digit runs) of already-normalised text, as code-point strings.
std::vector<std::u32string> search_words(std::string_view normalized);

// The distinct tokens of `s` (normalised here), in first-seen order.
std::vector<std::string> bigram_tokens(std::string_view s);

// The same tokens joined by single spaces.
std::string bigram_token_string(std::string_view s);
// As bigram_token_string, for text already passed through search_normalize.
std::string bigram_token_string_normalized(std::string_view normalized);

// One term of a search query, split for the index: `exact` tokens must all be present and each
// of `prefixes` must start some token. `needle` is the normalised term for the substring
// recheck; `needs_recheck` is false when the index alone decides (a lone character).
struct SearchTerm {
  std::vector<std::string> exact;
  std::vector<std::string> prefixes;
  std::string needle;
  bool needs_recheck = true;
};

// Splits a query on whitespace into terms (all must match). Empty terms are dropped.
std::vector<SearchTerm> parse_search(std::string_view query);

}  // namespace lj::text
