// Sampling-result rows of `lijian import --kind sampling` (docs/screening.md, "Sampling
// records"): the columns and the validation of one row.
#pragma once

#include <map>
#include <string>

#include "core/status.hpp"
#include "intake/rows.hpp"
#include "model/vocabulary.hpp"
#include "screen/sampling.hpp"

namespace lj::intake {

const FieldSet& sampling_fields();

// Validates one row: source_id (report no., up to 100 characters), sampled_on (ISO date or
// date-time, kept as the Shanghai date), enterprise_name, product_name, product_category (a
// code), result (pass|fail) are required; failed_items is required when result is fail;
// enterprise_uscc normalised and of 18 characters when present; region_code 6 digits;
// sampling_level national|provincial|city|county (default provincial); special_actions codes
// separated by ';' (default: the special action the category belongs to, from
// `category_action`). Errors name the field. Unit and enterprise are left for routing/linking.
Result<screen::SamplingResult> sampling_from_row(
    const Json& row, const Vocabulary& vocab,
    const std::map<std::string, std::string>& category_action);

}  // namespace lj::intake
