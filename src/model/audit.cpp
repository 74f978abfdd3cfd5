#include "model/audit.hpp"

#include <string_view>

#include "core/crypto.hpp"

namespace lj {

std::string audit_entry_hash(const AuditEntry& e) {
  return audit_entry_hash(e, e.before.dump(), e.after.dump());
}

std::string audit_entry_hash(const AuditEntry& e, const std::string& before_json,
                             const std::string& after_json) {
  constexpr char kSep = '\x1f';
  const std::string id = std::to_string(e.id);
  const std::string actor_id = std::to_string(e.actor_id);
  const std::string_view parts[] = {e.prev_hash, id,        e.at,        actor_id,
                                    e.actor_name, e.unit_code, e.action,    e.entity,
                                    e.entity_id,  before_json, after_json, e.request_id};
  std::string buf;
  size_t size = 0;
  for (std::string_view part : parts) size += part.size() + 1;
  buf.reserve(size);
  for (std::string_view part : parts) {
    buf += part;
    buf += kSep;
  }
  return sha256_hex(buf);
}

AuditVerdict verify_audit_chain(
    const std::function<Status(const std::function<bool(const AuditEntry&)>&)>& scan) {
  AuditVerdict v;
  std::string prev = kAuditGenesis;
  int64_t last_id = 0;
  Status st = scan([&](const AuditEntry& e) {
    ++v.entries;
    if (e.prev_hash != prev) {
      v.intact = false;
      v.first_broken_id = e.id;
      v.reason = last_id == 0 ? "the first entry does not start the chain"
                              : "prev_hash does not match entry " + std::to_string(last_id) +
                                    " (an entry was deleted, inserted or edited)";
      return false;
    }
    if (audit_entry_hash(e) != e.hash) {
      v.intact = false;
      v.first_broken_id = e.id;
      v.reason = "the content does not match its hash (the entry was edited)";
      return false;
    }
    prev = e.hash;
    last_id = e.id;
    return true;
  });
  if (!st.ok()) {
    v.intact = false;
    v.reason = "cannot read the audit log: " + st.message();
  }
  return v;
}

}  // namespace lj
