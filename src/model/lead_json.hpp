// The API's JSON of a lead, written straight into a string (lists of leads are the busiest
// responses). Produces the same document as to_json(const Lead&, bool) in model/json.hpp, which
// the audit log uses; lead_json_test.cpp holds the two equal.
#pragma once

#include "model/json_writer.hpp"
#include "model/model.hpp"

namespace lj {

// Writes the lead's members (without the enclosing braces) into the current object.
void write_lead_members(JsonWriter& w, const Lead& l, bool with_personal_data);
void write_lead(JsonWriter& w, const Lead& l, bool with_personal_data);

}  // namespace lj
