// What each role may do. Data scope (which records) is the store's job; this is which verbs.
#pragma once

#include "core/status.hpp"
#include "model/model.hpp"

namespace lj {

enum class Permission {
  kReadRecords,      // leads, cases, enterprises, units, codes
  kWriteRecords,     // create and change leads, enterprises; open cases; timeline notes; attachments
  kReadUsers,
  kManageUsers,      // create and change users, reset passwords, API tokens
  kReadAudit,
  kSeePersonalData,  // reporter names and phones unmasked
};

bool allowed(Role role, Permission p);
// kForbidden naming the role when not allowed.
Status require(const Actor& actor, Permission p);

}  // namespace lj
