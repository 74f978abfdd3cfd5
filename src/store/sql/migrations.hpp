// Versioned schema migrations, one list per backend. A migration is applied once, in order, in
// its own transaction, and recorded in schema_migrations(version, name, applied_at).
#pragma once

#include <span>
#include <string_view>

#include "store/sql/connection.hpp"

namespace lj::sql {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

std::span<const Migration> sqlite_migrations();
std::span<const Migration> postgres_migrations();

// Applies what `conn` lacks of `migrations`; returns the version now in place.
Result<int> apply_migrations(Connection& conn, std::span<const Migration> migrations,
                             const std::string& now);
Result<int> current_version(Connection& conn);

}  // namespace lj::sql
