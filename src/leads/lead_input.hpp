// Turning a lead as sent by a person or a system (CONTRACTS.md, Lead import fields) into a Lead,
// with errors naming the field.
#pragma once

#include "core/status.hpp"
#include "model/model.hpp"
#include "model/vocabulary.hpp"

namespace lj {

// The JSON fields a lead may carry on creation.
extern const std::initializer_list<const char*> kLeadCreateFields;
extern const std::initializer_list<const char*> kLeadPatchFields;

// Validates and normalises: codes against `vocab`, received_at to Shanghai ISO time, amounts to
// fen, channel online/offline (online adds the special action "ecommerce").
Result<Lead> lead_from_json(const Json& j, const Vocabulary& vocab);
Result<LeadPatch> lead_patch_from_json(const Json& j, const Vocabulary& vocab);

}  // namespace lj
