// Rewriting of the shared layer's `?` placeholders into PostgreSQL's numbered `$1..$n`.
#pragma once

#include <string>
#include <string_view>

namespace lj::sql {

struct RewrittenSql {
  std::string text;
  int params = 0;  // how many placeholders were numbered
};

// Numbers each `?` of `sql` in order of appearance. A `?` inside a single-quoted literal
// ('it''s?'), a double-quoted identifier, a `-- line` comment or a `/* block */` comment is left
// as written. Requires standard-conforming strings (backslash is not an escape), which
// PostgreSQL has on by default; dollar-quoted bodies are not recognised.
inline RewrittenSql rewrite_placeholders(std::string_view sql) {
  RewrittenSql out;
  out.text.reserve(sql.size() + 16);
  size_t i = 0;
  // Copies sql[i..end) verbatim, where `end` is just past the first `close` at or after `from`
  // (or the end of the text when it never closes).
  auto copy_through = [&](size_t from, std::string_view close) {
    size_t end = sql.find(close, from);
    end = end == std::string_view::npos ? sql.size() : end + close.size();
    out.text.append(sql.substr(i, end - i));
    i = end;
  };
  while (i < sql.size()) {
    char c = sql[i];
    if (c == '?') {
      out.text += '$';
      out.text += std::to_string(++out.params);
      ++i;
    } else if (c == '\'') {
      copy_through(i + 1, "'");  // a doubled '' closes and reopens: same result
    } else if (c == '"') {
      copy_through(i + 1, "\"");
    } else if (c == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      copy_through(i + 2, "\n");
    } else if (c == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      copy_through(i + 2, "*/");
    } else {
      out.text += c;
      ++i;
    }
  }
  return out;
}

}  // namespace lj::sql
