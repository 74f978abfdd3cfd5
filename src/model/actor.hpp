// Building the Actor for a user acting from a unit.
#pragma once

#include "model/model.hpp"

namespace lj {

inline Actor make_actor(const User& user, const Unit& unit, std::string via) {
  Actor a;
  a.user_id = user.id;
  a.username = user.username;
  a.role = user.role;
  a.unit_code = unit.code;
  a.unit_path = unit.path;
  a.via = std::move(via);
  return a;
}

}  // namespace lj
