#include "leads/lead_input.hpp"

#include <algorithm>

#include "api/input.hpp"
#include "core/clock.hpp"
#include "model/lead_rules.hpp"

namespace lj {

using api::opt_string;

const std::initializer_list<const char*> kLeadCreateFields = {
    "source", "source_id", "received_at", "text", "title", "channel", "enterprise_name",
    "enterprise_uscc", "enterprise_address", "region_code", "product_name", "product_category",
    "special_actions", "violations", "platform", "shop_name", "listing_url", "price",
    "sales_volume", "sample_result", "failed_items", "standard", "batch_no", "amount_involved",
    "reporter_name", "reporter_phone", "unit_code", "enterprise_id"};

const std::initializer_list<const char*> kLeadPatchFields = {
    "title", "text", "status", "unit_code", "product_category", "product_name", "channel",
    "region_code", "special_actions", "violations", "enterprise_id", "version"};

namespace {
Status check_channel(const std::string& channel) {
  if (channel == "online" || channel == "offline") return Status::Ok();
  return Status::Invalid("channel", "channel must be 'online' or 'offline'");
}
Status check_region(const std::string& code) {
  if (code.size() == 6 && std::all_of(code.begin(), code.end(), ::isdigit)) return Status::Ok();
  return Status::Invalid("region_code", "region_code must be a 6-digit GB/T 2260 code");
}
}  // namespace

Result<Lead> lead_from_json(const Json& j, const Vocabulary& vocab) {
  Lead l;
  LJ_ASSIGN_OR_RETURN(l.source, api::req_string(j, "source", 64));
  LJ_RETURN_IF_ERROR(vocab.check("lead_source", l.source, "source"));
  LJ_ASSIGN_OR_RETURN(l.source_id, api::req_string(j, "source_id", 200));
  LJ_ASSIGN_OR_RETURN(std::string received, api::req_string(j, "received_at", 40));
  auto t = parse_time(received);
  if (!t) return Status::Invalid("received_at", "received_at must be an ISO 8601 date or date-time");
  l.received_at = format_time(*t);
  LJ_ASSIGN_OR_RETURN(l.text, api::req_string(j, "text", 20000));
  auto str = [&](const char* name, std::string& out, size_t max = 500) -> Status {
    LJ_ASSIGN_OR_RETURN(auto v, opt_string(j, name, max));
    if (v) out = *v;
    return Status::Ok();
  };
  LJ_RETURN_IF_ERROR(str("title", l.title));
  LJ_RETURN_IF_ERROR(str("channel", l.channel, 16));
  if (l.channel.empty()) l.channel = "offline";
  LJ_RETURN_IF_ERROR(check_channel(l.channel));
  LJ_RETURN_IF_ERROR(str("enterprise_name", l.enterprise_name));
  LJ_RETURN_IF_ERROR(str("enterprise_uscc", l.enterprise_uscc, 18));
  LJ_RETURN_IF_ERROR(str("enterprise_address", l.enterprise_address));
  LJ_RETURN_IF_ERROR(str("region_code", l.region_code, 6));
  if (!l.region_code.empty()) LJ_RETURN_IF_ERROR(check_region(l.region_code));
  LJ_RETURN_IF_ERROR(str("product_name", l.product_name));
  LJ_RETURN_IF_ERROR(str("product_category", l.product_category, 64));
  if (!l.product_category.empty())
    LJ_RETURN_IF_ERROR(vocab.check("product_category", l.product_category, "product_category"));
  LJ_ASSIGN_OR_RETURN(auto actions, api::opt_string_list(j, "special_actions"));
  if (actions) l.special_actions = *actions;
  LJ_RETURN_IF_ERROR(vocab.check_all("special_action", l.special_actions, "special_actions"));
  apply_channel_rule(l);
  LJ_ASSIGN_OR_RETURN(auto violations, api::opt_string_list(j, "violations"));
  if (violations) l.violations = *violations;
  LJ_RETURN_IF_ERROR(vocab.check_all("violation", l.violations, "violations"));
  LJ_ASSIGN_OR_RETURN(l.amount_involved_fen, api::opt_yuan(j, "amount_involved"));
  LJ_RETURN_IF_ERROR(str("reporter_name", l.reporter_name, 100));
  LJ_RETURN_IF_ERROR(str("reporter_phone", l.reporter_phone, 40));
  LJ_RETURN_IF_ERROR(str("unit_code", l.unit_code, 6));
  LJ_ASSIGN_OR_RETURN(l.enterprise_id, api::opt_int(j, "enterprise_id"));
  for (const char* name : {"platform", "shop_name", "listing_url", "price", "sales_volume",
                           "sample_result", "failed_items", "standard", "batch_no"}) {
    auto it = j.find(name);
    if (it == j.end() || it->is_null()) continue;
    if (!it->is_string() && !it->is_number())
      return Status::Invalid(name, std::string(name) + " must be a string or a number");
    l.extra[name] = *it;
  }
  if (l.extra.contains("sample_result")) {
    const auto& r = l.extra["sample_result"];
    if (!r.is_string() || (r != "pass" && r != "fail"))
      return Status::Invalid("sample_result", "sample_result must be 'pass' or 'fail'");
  }
  return l;
}

Result<LeadPatch> lead_patch_from_json(const Json& j, const Vocabulary& vocab) {
  LeadPatch p;
  LJ_ASSIGN_OR_RETURN(p.title, opt_string(j, "title", 500));
  LJ_ASSIGN_OR_RETURN(p.text, opt_string(j, "text", 20000));
  LJ_ASSIGN_OR_RETURN(p.status, opt_string(j, "status", 32));
  if (p.status) LJ_RETURN_IF_ERROR(vocab.check("lead_status", *p.status, "status"));
  if (p.status && *p.status == "case_opened")
    return Status::Invalid("status", "a lead becomes case_opened by opening a case (POST /api/v1/cases)");
  LJ_ASSIGN_OR_RETURN(p.unit_code, opt_string(j, "unit_code", 6));
  LJ_ASSIGN_OR_RETURN(p.product_category, opt_string(j, "product_category", 64));
  if (p.product_category)
    LJ_RETURN_IF_ERROR(vocab.check("product_category", *p.product_category, "product_category"));
  LJ_ASSIGN_OR_RETURN(p.product_name, opt_string(j, "product_name", 500));
  LJ_ASSIGN_OR_RETURN(p.channel, opt_string(j, "channel", 16));
  if (p.channel) LJ_RETURN_IF_ERROR(check_channel(*p.channel));
  LJ_ASSIGN_OR_RETURN(p.region_code, opt_string(j, "region_code", 6));
  if (p.region_code) LJ_RETURN_IF_ERROR(check_region(*p.region_code));
  LJ_ASSIGN_OR_RETURN(p.special_actions, api::opt_string_list(j, "special_actions"));
  if (p.special_actions)
    LJ_RETURN_IF_ERROR(vocab.check_all("special_action", *p.special_actions, "special_actions"));
  LJ_ASSIGN_OR_RETURN(p.violations, api::opt_string_list(j, "violations"));
  if (p.violations) LJ_RETURN_IF_ERROR(vocab.check_all("violation", *p.violations, "violations"));
  if (j.contains("enterprise_id")) {
    LJ_ASSIGN_OR_RETURN(auto eid, api::opt_int(j, "enterprise_id"));
    p.enterprise_id = eid;
  }
  LJ_ASSIGN_OR_RETURN(p.expected_version, api::opt_int(j, "version"));
  return p;
}

}  // namespace lj
