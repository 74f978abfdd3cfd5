#include "disclose/rules.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace lj::disclose {
namespace {

Status read_int(const Json& obj, const std::string& prefix, const char* key, int lo, int hi,
                int& out) {
  if (!obj.contains(key)) return Status::Ok();
  const Json& v = obj[key];
  const std::string name = prefix + key;
  if (!v.is_number_integer() || v.get<int64_t>() < lo || v.get<int64_t>() > hi)
    return Status::Invalid(name, name + ": must be an integer from " + std::to_string(lo) + " to " +
                                     std::to_string(hi));
  out = v.get<int>();
  return Status::Ok();
}

Status read_size(const Json& obj, const std::string& prefix, const char* key, size_t& out) {
  int v = static_cast<int>(out);
  LJ_RETURN_IF_ERROR(read_int(obj, prefix, key, 1, 100000, v));
  out = static_cast<size_t>(v);
  return Status::Ok();
}

Status read_strings(const Json& obj, const char* key, std::vector<std::string>& out) {
  if (!obj.contains(key)) return Status::Ok();
  const Json& v = obj[key];
  if (!v.is_array())
    return Status::Invalid(key, std::string(key) + ": must be an array of strings");
  out.clear();
  for (const Json& s : v) {
    if (!s.is_string())
      return Status::Invalid(key, std::string(key) + ": must be an array of strings");
    out.push_back(s.get<std::string>());
  }
  return Status::Ok();
}

Status read_roles(const Json& obj, const char* key, std::vector<Role>& out) {
  std::vector<std::string> names;
  if (!obj.contains(key)) return Status::Ok();
  LJ_RETURN_IF_ERROR(read_strings(obj, key, names));
  out.clear();
  for (const auto& n : names) {
    auto r = parse_role(n);
    if (!r) return Status::Invalid(key, std::string(key) + ": no role '" + n + "'");
    out.push_back(*r);
  }
  if (out.empty()) return Status::Invalid(key, std::string(key) + ": name at least one role");
  return Status::Ok();
}

const Json& section(const Json& doc, const char* key) {
  static const Json kEmpty = Json::object();
  return doc.contains(key) && doc[key].is_object() ? doc[key] : kEmpty;
}

}  // namespace

bool DisclosureRules::may_create(Role r) const {
  return std::find(creator_roles.begin(), creator_roles.end(), r) != creator_roles.end();
}
bool DisclosureRules::may_review(Role r) const {
  return std::find(reviewer_roles.begin(), reviewer_roles.end(), r) != reviewer_roles.end();
}

Result<DisclosureRules> DisclosureRules::parse(const Json& doc) {
  if (!doc.is_object()) return Status::Invalid("document", "the document must be a JSON object");
  DisclosureRules r;
  LJ_RETURN_IF_ERROR(
      read_int(doc, "", "publish_within_working_days", 1, 365, r.publish_within_working_days));
  LJ_RETURN_IF_ERROR(
      read_int(doc, "", "withdraw_within_working_days", 1, 365, r.withdraw_within_working_days));
  LJ_RETURN_IF_ERROR(read_strings(doc, "publishable_procedures", r.publishable_procedures));
  LJ_RETURN_IF_ERROR(read_strings(doc, "not_published_when_only", r.not_published_when_only));
  LJ_RETURN_IF_ERROR(read_roles(doc, "creator_roles", r.creator_roles));
  LJ_RETURN_IF_ERROR(read_roles(doc, "secrecy_reviewer_roles", r.reviewer_roles));
  if (doc.contains("source") && doc["source"].is_string())
    r.source = doc["source"].get<std::string>();
  const Json& api = section(doc, "public_api");
  LJ_RETURN_IF_ERROR(read_int(api, "public_api.", "limit_max", 1, 1000, r.public_api.limit_max));
  LJ_RETURN_IF_ERROR(read_int(api, "public_api.", "limit_default", 1, r.public_api.limit_max,
                              r.public_api.limit_default));
  LJ_RETURN_IF_ERROR(read_int(api, "public_api.", "skip_max", 0, 1000000, r.public_api.skip_max));
  LJ_RETURN_IF_ERROR(read_int(api, "public_api.", "count_max", 1, 100000, r.public_api.count_max));
  const Json& rl = section(doc, "rate_limit");
  LJ_RETURN_IF_ERROR(read_int(rl, "rate_limit.", "requests_per_minute", 1, 100000,
                              r.rate_limit.requests_per_minute));
  LJ_RETURN_IF_ERROR(read_int(rl, "rate_limit.", "burst", 1, 100000, r.rate_limit.burst));
  LJ_RETURN_IF_ERROR(
      read_int(rl, "rate_limit.", "reports_per_hour", 1, 100000, r.rate_limit.reports_per_hour));
  const Json& form = section(doc, "report_form");
  LJ_RETURN_IF_ERROR(
      read_int(form, "report_form.", "min_age_seconds", 0, 3600, r.report_form.min_age_seconds));
  LJ_RETURN_IF_ERROR(read_int(form, "report_form.", "max_age_seconds", 60, 86400 * 7,
                              r.report_form.max_age_seconds));
  if (form.contains("honeypot_field")) {
    if (!form["honeypot_field"].is_string() || form["honeypot_field"].get<std::string>().empty())
      return Status::Invalid("report_form.honeypot_field",
                             "report_form.honeypot_field: must be a non-empty string");
    r.report_form.honeypot_field = form["honeypot_field"].get<std::string>();
  }
  LJ_RETURN_IF_ERROR(read_size(form, "report_form.", "text_max", r.report_form.text_max));
  LJ_RETURN_IF_ERROR(read_size(form, "report_form.", "title_max", r.report_form.title_max));
  LJ_RETURN_IF_ERROR(read_size(form, "report_form.", "name_max", r.report_form.name_max));
  return r;
}

Result<DisclosureRules> DisclosureRules::load(const std::string& data_dir) {
  const std::string path = data_dir + "/disclosure/disclosure.json";
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  Json doc = Json::parse(ss.str(), nullptr, false);
  if (doc.is_discarded()) return Status::Invalid("document", path + ": not valid JSON");
  auto r = parse(doc);
  if (!r.ok()) return Status::Invalid(r.status().field(), path + ": " + r.status().message());
  return r;
}

}  // namespace lj::disclose
