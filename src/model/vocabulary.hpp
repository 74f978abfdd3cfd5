// The codes in force (special actions, product categories, violations, lead sources, statuses),
// read from the store's reference data. Validation of input names the field and the valid codes.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/status.hpp"
#include "model/model.hpp"

namespace lj {

class Vocabulary {
 public:
  Vocabulary() = default;
  explicit Vocabulary(const std::vector<CodeEntry>& codes);

  bool has(const std::string& kind, const std::string& code) const;
  // kInvalidArgument naming `field` when `code` is not of `kind`.
  Status check(const std::string& kind, const std::string& code, const std::string& field) const;
  Status check_all(const std::string& kind, const std::vector<std::string>& codes,
                   const std::string& field) const;
  bool empty() const { return codes_.empty(); }

 private:
  std::map<std::string, std::set<std::string>> codes_;
};

}  // namespace lj
