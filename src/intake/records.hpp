// The record kinds an import file may hold (CONTRACTS.md, "Lead import fields" and "Enterprise
// registry fields"): the fields each admits, and the validation of one row's object.
#pragma once

#include "core/status.hpp"
#include "intake/rows.hpp"
#include "model/model.hpp"
#include "model/vocabulary.hpp"

namespace lj::intake {

enum class Kind { kLeads, kEnterprises, kSampling };

// "leads", "enterprises" or "sampling" (sampling results: intake/sampling_records.hpp);
// kInvalidArgument naming the kinds otherwise.
Result<Kind> parse_kind(const std::string& name);

// The columns of each kind, required ones included.
const FieldSet& lead_fields();
const FieldSet& enterprise_fields();
const FieldSet& fields_of(Kind kind);

// Validates one lead row exactly as POST /api/v1/leads validates its body (lead_from_json);
// errors name the field. The unit is left empty (route_lead decides it).
Result<Lead> lead_from_row(const Json& row, const Vocabulary& vocab);

// Validates one enterprise row: `name` required (up to 300 characters); `uscc` when present is
// normalised (full width, spaces, case: text::check_uscc) and must then have 18 characters —
// a code of 18 characters failing the GB 32100 check is kept with uscc_valid = false, not
// rejected; `region_code` 6 digits; `established_on` an ISO 8601 date (YYYY-MM-DD); the other
// fields text up to 500 characters.
Result<Enterprise> enterprise_from_row(const Json& row);

}  // namespace lj::intake
