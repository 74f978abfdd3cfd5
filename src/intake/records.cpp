#include "intake/records.hpp"

#include <algorithm>

#include "api/input.hpp"
#include "core/clock.hpp"
#include "intake/sampling_records.hpp"
#include "leads/lead_input.hpp"
#include "text/identifiers.hpp"

namespace lj::intake {

Result<Kind> parse_kind(const std::string& name) {
  if (name == "leads") return Kind::kLeads;
  if (name == "enterprises") return Kind::kEnterprises;
  if (name == "sampling") return Kind::kSampling;
  return Status::Invalid("kind",
                         "unknown --kind '" + name + "': expected leads, enterprises or sampling");
}

const FieldSet& lead_fields() {
  static const FieldSet kFields = {{"source",
                                    "source_id",
                                    "received_at",
                                    "text",
                                    "title",
                                    "channel",
                                    "enterprise_name",
                                    "enterprise_uscc",
                                    "enterprise_address",
                                    "region_code",
                                    "product_name",
                                    "product_category",
                                    "platform",
                                    "shop_name",
                                    "listing_url",
                                    "price",
                                    "sales_volume",
                                    "sample_result",
                                    "failed_items",
                                    "standard",
                                    "batch_no",
                                    "amount_involved",
                                    "reporter_name",
                                    "reporter_phone"},
                                   {"source", "source_id", "received_at", "text"}};
  return kFields;
}

const FieldSet& enterprise_fields() {
  static const FieldSet kFields = {
      {"uscc", "name", "former_names", "address", "region_code", "legal_representative",
       "industry_code", "established_on", "status"},
      {"name"}};
  return kFields;
}

const FieldSet& fields_of(Kind kind) {
  switch (kind) {
    case Kind::kLeads: return lead_fields();
    case Kind::kEnterprises: return enterprise_fields();
    case Kind::kSampling: return sampling_fields();
  }
  return lead_fields();
}

Result<Lead> lead_from_row(const Json& row, const Vocabulary& vocab) {
  return lead_from_json(row, vocab);
}

namespace {
size_t utf8_length(const std::string& s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool is_iso_date(const std::string& s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') return false;
  return parse_time(s).has_value();
}
}  // namespace

Result<Enterprise> enterprise_from_row(const Json& row) {
  Enterprise e;
  LJ_ASSIGN_OR_RETURN(e.name, api::req_string(row, "name", 300));
  if (e.name.find_first_not_of(" \t") == std::string::npos)
    return Status::Invalid("name", "name must not be blank");
  for (auto [name, field] : std::initializer_list<std::pair<const char*, std::string*>>{
           {"uscc", &e.uscc},
           {"former_names", &e.former_names},
           {"address", &e.address},
           {"region_code", &e.region_code},
           {"legal_representative", &e.legal_representative},
           {"industry_code", &e.industry_code},
           {"established_on", &e.established_on},
           {"status", &e.status}}) {
    LJ_ASSIGN_OR_RETURN(auto v, api::opt_string(row, name, 500));
    if (v) *field = *v;
  }
  if (!e.uscc.empty()) {
    text::UsccCheck check = text::check_uscc(e.uscc);
    if (utf8_length(check.normalized) != 18)
      return Status::Invalid(
          "uscc", "a unified social credit code has 18 characters (" + check.reason + ")");
    e.uscc = check.normalized;
    e.uscc_valid = check.valid;
  }
  if (!e.region_code.empty() &&
      (e.region_code.size() != 6 ||
       !std::all_of(e.region_code.begin(), e.region_code.end(), ::isdigit)))
    return Status::Invalid("region_code", "region_code must be a 6-digit GB/T 2260 code");
  if (!e.established_on.empty() && !is_iso_date(e.established_on))
    return Status::Invalid("established_on",
                           "established_on must be an ISO 8601 date (YYYY-MM-DD)");
  return e;
}

}  // namespace lj::intake
