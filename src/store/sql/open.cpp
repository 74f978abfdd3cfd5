#include "store/postgres/postgres_database.hpp"
#include "store/sqlite/sqlite_database.hpp"

namespace lj::sql {

Result<std::unique_ptr<Database>> open_database(const std::string& url, int pool_size) {
  if (pool_size < 1) pool_size = 1;
  constexpr std::string_view kSqlite = "sqlite://";
  if (url.rfind(kSqlite, 0) == 0) {
    std::string path = url.substr(kSqlite.size());
    if (path.empty()) return Status::Invalid("db", "sqlite URL names no file: " + url);
    return open_sqlite(path, pool_size);
  }
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    return open_postgres(url, pool_size);
  }
  return Status::Invalid("db", "unsupported database URL (use sqlite://FILE or postgresql://...): " + url);
}

}  // namespace lj::sql
