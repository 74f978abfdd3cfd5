#pragma once

#include <memory>
#include <string>

#include "store/sql/connection.hpp"

namespace lj::sql {

// Connects a pool of `size` libpq connections to `conninfo` (a postgresql:// URI).
Result<std::unique_ptr<Database>> open_postgres(const std::string& conninfo, int size);

}  // namespace lj::sql
