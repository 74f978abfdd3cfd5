#pragma once

#include <memory>
#include <string>

#include "store/sql/connection.hpp"

namespace lj::sql {

// Opens (creating when absent) the SQLite file at `path` in WAL mode: one writer connection and
// `readers` reader connections.
Result<std::unique_ptr<Database>> open_sqlite(const std::string& path, int readers);

}  // namespace lj::sql
