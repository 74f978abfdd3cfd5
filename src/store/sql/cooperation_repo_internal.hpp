// Helpers shared by the two halves of the cooperation repository (cooperation_repo.cpp:
// parties, referrals, consultations; cooperation_repo_assistance.cpp: assistance requests).
#pragma once

#include <string>

#include "store/sql/cooperation_repo.hpp"

namespace lj::cooperation_detail {

inline Json opt_text(const std::string& v) {
  return v.empty() ? Json(nullptr) : Json(v);
}
inline Json opt_id(int64_t v) {
  return v ? Json(v) : Json(nullptr);
}

// Whether `path` (a unit path) lies in the actor's subtree.
inline bool under(const std::string& path, const Actor& actor) {
  return !path.empty() && path.rfind(actor.unit_path, 0) == 0;
}

// Cooperation is done by officers and leaders.
inline Status require_actor(const Actor& actor) {
  if (actor.role != Role::kLeader && actor.role != Role::kOfficer)
    return Status::Forbidden("only officers and leaders take part in cooperation");
  return Status::Ok();
}

// An external party by id; kInvalidArgument naming external_party_id when there is none.
Result<ExternalParty> load_party(sql::Connection& c, int64_t id);

}  // namespace lj::cooperation_detail
