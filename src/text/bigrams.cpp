#include "text/bigrams.hpp"

#include <unordered_set>

#include <utf8proc.h>

#include "text/normalize.hpp"

namespace lj::text {
namespace {

bool is_word_char(char32_t c) {
  if (c < 0x80) return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

bool is_space(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         (c >= 0x80 && utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_ZS);
}

std::string encode(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) append_utf8(out, c);
  return out;
}

}  // namespace

std::string search_normalize(std::string_view s) {
  std::string out = nfkc(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::vector<std::u32string> search_words(std::string_view normalized) {
  std::vector<std::u32string> words;
  std::u32string cur;
  for (char32_t c : to_u32(normalized)) {
    if (is_word_char(c)) {
      cur.push_back(c);
    } else if (!cur.empty()) {
      words.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) words.push_back(std::move(cur));
  return words;
}

namespace {
std::vector<std::string> tokens_of_normalized(std::string_view normalized) {
  std::vector<std::string> out;
  std::unordered_set<std::string> seen;
  auto add = [&](std::u32string_view t) {
    std::string u = encode(t);
    if (seen.insert(u).second) out.push_back(std::move(u));
  };
  for (const std::u32string& w : search_words(normalized)) {
    std::u32string_view v(w);
    for (size_t i = 0; i + 1 < v.size(); ++i) add(v.substr(i, 2));
    add(v.substr(v.size() - 1, 1));
  }
  return out;
}
}  // namespace

std::vector<std::string> bigram_tokens(std::string_view s) {
  return tokens_of_normalized(search_normalize(s));
}

std::string bigram_token_string_normalized(std::string_view normalized) {
  std::string out;
  for (const std::string& t : tokens_of_normalized(normalized)) {
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

std::string bigram_token_string(std::string_view s) {
  return bigram_token_string_normalized(search_normalize(s));
}

std::vector<SearchTerm> parse_search(std::string_view query) {
  std::vector<SearchTerm> terms;
  std::u32string q = to_u32(search_normalize(query));
  size_t i = 0;
  while (i < q.size()) {
    while (i < q.size() && is_space(q[i])) ++i;
    size_t j = i;
    while (j < q.size() && !is_space(q[j])) ++j;
    if (j == i) break;
    SearchTerm t;
    t.needle = encode(std::u32string_view(q).substr(i, j - i));
    auto words = search_words(t.needle);
    for (const std::u32string& w : words) {
      std::u32string_view v(w);
      if (v.size() == 1) {
        t.prefixes.push_back(encode(v));
      } else {
        for (size_t k = 0; k + 1 < v.size(); ++k) t.exact.push_back(encode(v.substr(k, 2)));
      }
    }
    // A lone character (the whole term) is decided by the index: some token starts with it.
    t.needs_recheck = !(words.size() == 1 && words[0].size() == 1 && j - i == 1);
    terms.push_back(std::move(t));
    i = j;
  }
  return terms;
}

}  // namespace lj::text
