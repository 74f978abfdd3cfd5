// The audit chain: each entry's hash covers its content and the previous entry's hash, so an
// edited, inserted or deleted entry breaks the chain from that point on.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "core/status.hpp"
#include "model/model.hpp"

namespace lj {

// The hash of the genesis position (what the first entry's prev_hash holds).
inline constexpr const char* kAuditGenesis =
    "0000000000000000000000000000000000000000000000000000000000000000";

// sha256 over prev_hash and every field of `e` except `hash` (before/after in canonical JSON).
std::string audit_entry_hash(const AuditEntry& e);
// The same, with before/after already serialised (their dump()), for writers that store the text.
std::string audit_entry_hash(const AuditEntry& e, const std::string& before_json,
                             const std::string& after_json);

struct AuditVerdict {
  bool intact = true;
  int64_t entries = 0;
  int64_t first_broken_id = 0;  // 0 when intact
  std::string reason;
};

// Checks a sequence of entries given in id order by `scan` (which calls its visitor per entry).
AuditVerdict verify_audit_chain(
    const std::function<Status(const std::function<bool(const AuditEntry&)>&)>& scan);

}  // namespace lj
