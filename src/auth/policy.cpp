#include "auth/policy.hpp"

namespace lj {

bool allowed(Role role, Permission p) {
  switch (p) {
    case Permission::kReadRecords: return true;
    case Permission::kWriteRecords: return role == Role::kLeader || role == Role::kOfficer;
    case Permission::kReadUsers: return role == Role::kAdmin || role == Role::kLeader;
    case Permission::kManageUsers: return role == Role::kAdmin;
    case Permission::kReadAudit: return role == Role::kAdmin || role == Role::kLeader;
    case Permission::kSeePersonalData: return role == Role::kLeader || role == Role::kOfficer;
  }
  return false;
}

Status require(const Actor& actor, Permission p) {
  if (allowed(actor.role, p)) return Status::Ok();
  return Status::Forbidden(std::string("the role '") + role_name(actor.role) + "' may not do this");
}

}  // namespace lj
