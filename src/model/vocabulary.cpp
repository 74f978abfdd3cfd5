#include "model/vocabulary.hpp"

namespace lj {

Vocabulary::Vocabulary(const std::vector<CodeEntry>& codes) {
  for (const auto& c : codes) codes_[c.kind].insert(c.code);
}

bool Vocabulary::has(const std::string& kind, const std::string& code) const {
  auto it = codes_.find(kind);
  return it != codes_.end() && it->second.count(code) > 0;
}

Status Vocabulary::check(const std::string& kind, const std::string& code, const std::string& field) const {
  if (has(kind, code)) return Status::Ok();
  std::string list;
  if (auto it = codes_.find(kind); it != codes_.end()) {
    int n = 0;
    for (const auto& c : it->second) {
      if (n++ == 30) {
        list += ", ...";
        break;
      }
      list += (list.empty() ? "" : ", ") + c;
    }
  }
  return Status::Invalid(field, "unknown " + kind + " code '" + code + "'" +
                                    (list.empty() ? "" : "; valid codes: " + list));
}

Status Vocabulary::check_all(const std::string& kind, const std::vector<std::string>& codes,
                             const std::string& field) const {
  for (const auto& c : codes) LJ_RETURN_IF_ERROR(check(kind, c, field));
  return Status::Ok();
}

}  // namespace lj
