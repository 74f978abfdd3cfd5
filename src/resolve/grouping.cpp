#include "resolve/grouping.hpp"

#include <algorithm>
#include <set>

#include "text/normalize.hpp"

namespace lj::resolve {

std::map<int64_t, int64_t> assign_groups(std::vector<GroupMember> members, int window_days) {
  std::sort(members.begin(), members.end(), [](const GroupMember& a, const GroupMember& b) {
    return a.day != b.day ? a.day < b.day : a.lead_id < b.lead_id;
  });
  struct Matter {
    int64_t id;
    int32_t first_day;
    std::set<std::string> violations;
  };
  std::vector<Matter> matters;
  std::map<int64_t, int64_t> out;
  // No violation named (e.g. an import without classification) reads as one label of its own:
  // such leads group with each other, never with leads that name a violation.
  for (GroupMember& m : members)
    if (m.violations.empty()) m.violations.push_back(std::string());
  for (const GroupMember& m : members) {
    Matter* joined = nullptr;
    for (Matter& g : matters) {
      if (m.day - g.first_day > window_days) continue;
      bool overlap = false;
      for (const auto& v : m.violations) overlap = overlap || g.violations.count(v) > 0;
      if (overlap) {
        joined = &g;
        break;
      }
    }
    if (!joined) {
      matters.push_back(Matter{m.lead_id, m.day, {}});
      joined = &matters.back();
    }
    joined->violations.insert(m.violations.begin(), m.violations.end());
    out[m.lead_id] = joined->id;
  }
  return out;
}

int32_t civil_day(std::string_view iso) {
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') return -1;
  auto num = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (iso[i] < '0' || iso[i] > '9') return -1;
      v = v * 10 + (iso[i] - '0');
    }
    return v;
  };
  int y = num(0, 4), m = num(5, 2), d = num(8, 2);
  if (y < 0 || m < 0 || d < 0 || !text::valid_civil_date(y, m, d)) return -1;
  // Howard Hinnant's days_from_civil.
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy =
      (153 * static_cast<unsigned>(m + (m > 2 ? -3 : 9)) + 2) / 5 + static_cast<unsigned>(d) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int32_t>(doe) - 719468;
}

std::string subject_key(const int64_t* enterprise_id, const std::string& core_name) {
  if (enterprise_id) return "e:" + std::to_string(*enterprise_id);
  if (!core_name.empty()) return "n:" + core_name;
  return "";
}

}  // namespace lj::resolve
