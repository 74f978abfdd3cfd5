#include "model/model.hpp"

namespace lj {

const char* role_name(Role role) {
  switch (role) {
    case Role::kAdmin: return "admin";
    case Role::kLeader: return "leader";
    case Role::kOfficer: return "officer";
    case Role::kAnalyst: return "analyst";
  }
  return "analyst";
}

std::optional<Role> parse_role(std::string_view name) {
  if (name == "admin") return Role::kAdmin;
  if (name == "leader") return Role::kLeader;
  if (name == "officer") return Role::kOfficer;
  if (name == "analyst") return Role::kAnalyst;
  return std::nullopt;
}

Actor Actor::system(std::string what) {
  Actor a;
  a.user_id = 0;
  a.username = "system:" + what;
  a.role = Role::kAdmin;
  a.unit_code = "";
  a.unit_path = "/";
  a.via = "system";
  return a;
}

}  // namespace lj
