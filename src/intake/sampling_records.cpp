#include "intake/sampling_records.hpp"

#include <algorithm>

#include "api/input.hpp"
#include "core/clock.hpp"
#include "text/identifiers.hpp"

namespace lj::intake {
namespace {

std::vector<std::string> split_list(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    const size_t end = std::min(s.find(';', start), s.find(',', start));
    std::string item = s.substr(start, end == std::string::npos ? std::string::npos : end - start);
    item.erase(0, item.find_first_not_of(" \t"));
    item.erase(item.find_last_not_of(" \t") + 1);
    if (!item.empty()) out.push_back(item);
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

bool blank(const std::string& s) {
  return s.find_first_not_of(" \t") == std::string::npos;
}

}  // namespace

const FieldSet& sampling_fields() {
  static const FieldSet kFields = {
      {"source_id", "sampled_on", "enterprise_name", "enterprise_uscc", "enterprise_address",
       "region_code", "product_name", "product_category", "batch_no", "standard", "result",
       "failed_items", "lab", "sampling_level", "special_actions"},
      {"source_id", "sampled_on", "enterprise_name", "product_name", "product_category", "result"}};
  return kFields;
}

Result<screen::SamplingResult> sampling_from_row(
    const Json& row, const Vocabulary& vocab,
    const std::map<std::string, std::string>& category_action) {
  screen::SamplingResult s;
  LJ_ASSIGN_OR_RETURN(s.source_id, api::req_string(row, "source_id", 100));
  if (blank(s.source_id)) return Status::Invalid("source_id", "source_id must not be blank");
  LJ_ASSIGN_OR_RETURN(std::string sampled_on, api::req_string(row, "sampled_on", 40));
  auto t = parse_time(sampled_on);
  if (!t) return Status::Invalid("sampled_on", "sampled_on must be an ISO 8601 date (YYYY-MM-DD)");
  s.sampled_on = format_time(*t).substr(0, 10);
  LJ_ASSIGN_OR_RETURN(s.enterprise_name, api::req_string(row, "enterprise_name", 300));
  if (blank(s.enterprise_name))
    return Status::Invalid("enterprise_name", "enterprise_name must not be blank");
  LJ_ASSIGN_OR_RETURN(s.product_name, api::req_string(row, "product_name", 300));
  if (blank(s.product_name))
    return Status::Invalid("product_name", "product_name must not be blank");
  LJ_ASSIGN_OR_RETURN(s.product_category, api::req_string(row, "product_category", 60));
  LJ_RETURN_IF_ERROR(vocab.check("product_category", s.product_category, "product_category"));
  LJ_ASSIGN_OR_RETURN(s.result, api::req_string(row, "result", 10));
  if (s.result != "pass" && s.result != "fail")
    return Status::Invalid("result", "result must be 'pass' or 'fail', not '" + s.result + "'");
  for (auto [name, field] : std::initializer_list<std::pair<const char*, std::string*>>{
           {"enterprise_uscc", &s.enterprise_uscc},
           {"enterprise_address", &s.enterprise_address},
           {"region_code", &s.region_code},
           {"batch_no", &s.batch_no},
           {"standard", &s.standard},
           {"failed_items", &s.failed_items},
           {"lab", &s.lab},
           {"sampling_level", &s.sampling_level}}) {
    LJ_ASSIGN_OR_RETURN(auto v, api::opt_string(row, name, 500));
    if (v) *field = *v;
  }
  if (s.failed() && blank(s.failed_items))
    return Status::Invalid("failed_items", "a failed sample names its failed items (failed_items)");
  if (!s.failed()) s.failed_items.clear();
  if (!s.enterprise_uscc.empty()) {
    text::UsccCheck check = text::check_uscc(s.enterprise_uscc);
    if (check.normalized.size() != 18)
      return Status::Invalid("enterprise_uscc", "a unified social credit code has 18 characters (" +
                                                    check.reason + ")");
    s.enterprise_uscc = check.normalized;
  }
  if (!s.region_code.empty() &&
      (s.region_code.size() != 6 ||
       !std::all_of(s.region_code.begin(), s.region_code.end(), ::isdigit)))
    return Status::Invalid("region_code", "region_code must be a 6-digit GB/T 2260 code");
  if (s.sampling_level.empty()) s.sampling_level = "provincial";
  if (s.sampling_level != "national" && s.sampling_level != "provincial" &&
      s.sampling_level != "city" && s.sampling_level != "county")
    return Status::Invalid("sampling_level",
                           "sampling_level must be national, provincial, city or county");
  const auto listed = row.find("special_actions");
  std::optional<std::vector<std::string>> actions;
  if (listed != row.end() && listed->is_array()) {
    LJ_ASSIGN_OR_RETURN(actions, api::opt_string_list(row, "special_actions"));
  } else {
    LJ_ASSIGN_OR_RETURN(auto text, api::opt_string(row, "special_actions", 500));
    if (text) actions = split_list(*text);
  }
  if (actions && !actions->empty()) {
    s.special_actions = *actions;
    LJ_RETURN_IF_ERROR(vocab.check_all("special_action", s.special_actions, "special_actions"));
  } else if (auto a = category_action.find(s.product_category); a != category_action.end()) {
    s.special_actions = {a->second};
  }
  return s;
}

}  // namespace lj::intake
