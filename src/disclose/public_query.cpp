#include "disclose/public_query.hpp"

#include <algorithm>
#include <regex>

#include "calendar/work_calendar.hpp"

namespace lj::disclose {
namespace {

bool is_code(const std::string& s) {
  return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
  });
}

Status check_date(const std::string& s) {
  auto d = calendar::parse_date(s, "search");
  if (!d.ok())
    return Status::Invalid("search",
                           "search: decided_on needs dates as YYYY-MM-DD, not '" + s + "'");
  return Status::Ok();
}

}  // namespace

Status parse_public_search(const std::string& search, PublicQuery& q) {
  if (search.size() > 500) return Status::Invalid("search", "search: at most 500 bytes");
  std::string rest = search;
  // decided_on:[A TO B] spans several words: take it out first.
  static const std::regex kRange(R"(decided_on:\[\s*(\S+)\s+TO\s+(\S+)\s*\])");
  std::smatch m;
  while (std::regex_search(rest, m, kRange)) {
    const std::string from = m[1].str(), to = m[2].str();
    if (from != "*") {
      LJ_RETURN_IF_ERROR(check_date(from));
      q.from = from;
    }
    if (to != "*") {
      LJ_RETURN_IF_ERROR(check_date(to));
      q.to = to;
    }
    rest = m.prefix().str() + " " + m.suffix().str();
  }
  std::string text;
  size_t i = 0;
  while (i < rest.size()) {
    while (i < rest.size() && rest[i] == ' ') ++i;
    size_t j = rest.find(' ', i);
    if (j == std::string::npos) j = rest.size();
    const std::string word = rest.substr(i, j - i);
    i = j;
    if (word.empty() || word == "AND") continue;
    const size_t colon = word.find(':');
    if (colon == std::string::npos) {
      text += (text.empty() ? "" : " ") + word;
      continue;
    }
    const std::string field = word.substr(0, colon), value = word.substr(colon + 1);
    if (value.empty()) return Status::Invalid("search", "search: " + field + ": needs a value");
    if (field == "region") {
      if (value.size() > 6 ||
          !std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return Status::Invalid("search", "search: region: a GB/T 2260 code or its prefix (digits)");
      q.region_prefix = value;
    } else if (field == "product_category" || field == "violation") {
      if (!is_code(value))
        return Status::Invalid("search", "search: " + field + ": not a code: '" + value + "'");
      (field == "violation" ? q.violation : q.product_category) = value;
    } else if (field == "party") {
      q.party = value;
    } else if (field == "decision_no") {
      q.decision_no = value;
    } else if (field == "decided_on") {
      LJ_RETURN_IF_ERROR(check_date(value));
      q.from = q.to = value;
    } else {
      return Status::Invalid(
          "search", "search: unknown field '" + field +
                        "' (region, product_category, violation, party, decision_no, decided_on)");
    }
  }
  q.text = text;
  return Status::Ok();
}

bool countable(const std::string& f) {
  return f == "region_code" || f == "product_category" || f == "violation" || f == "authority" ||
         f == "decided_year" || f == "decided_month";
}

std::vector<std::pair<std::string, int64_t>> count_by(const std::vector<Publication>& items,
                                                      const std::string& field, int max,
                                                      bool& truncated) {
  std::map<std::string, int64_t> counts;
  for (const auto& p : items) {
    if (field == "violation") {
      for (const auto& v : p.violations) ++counts[v];
      continue;
    }
    std::string term;
    if (field == "region_code")
      term = p.region_code;
    else if (field == "product_category")
      term = p.product_category;
    else if (field == "authority")
      term = p.authority;
    else if (field == "decided_year")
      term = p.decided_on.substr(0, 4);
    else if (field == "decided_month")
      term = p.decided_on.substr(0, 7);
    if (!term.empty()) ++counts[term];
  }
  std::vector<std::pair<std::string, int64_t>> out(counts.begin(), counts.end());
  std::stable_sort(out.begin(), out.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  truncated = out.size() > static_cast<size_t>(max);
  if (truncated) out.resize(static_cast<size_t>(max));
  return out;
}

}  // namespace lj::disclose
