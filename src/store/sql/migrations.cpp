#include "store/sql/migrations.hpp"

namespace lj::sql {

Result<int> current_version(Connection& conn) {
  LJ_RETURN_IF_ERROR(conn.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT "
      "NULL, applied_at TEXT NOT NULL)"));
  LJ_ASSIGN_OR_RETURN(Rows rows, conn.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations"));
  return static_cast<int>(rows.at(0).int64(0));
}

Result<int> apply_migrations(Connection& conn, std::span<const Migration> migrations,
                             const std::string& now) {
  LJ_ASSIGN_OR_RETURN(int version, current_version(conn));
  const int known = migrations.empty() ? 0 : migrations.back().version;
  if (version > known)
    return Status{Code::kUnavailable, "the database schema is at version " + std::to_string(version) +
                                          ", newer than this binary knows (" + std::to_string(known) +
                                          "); run the newer lijian"};
  for (const Migration& m : migrations) {
    if (m.version <= version) continue;
    Status st = in_transaction(conn, true, [&]() -> Status {
      // Another process may have applied it since we looked: check inside the transaction.
      LJ_ASSIGN_OR_RETURN(Rows rows, conn.query("SELECT COUNT(*) FROM schema_migrations WHERE version = ?",
                                                {int64_t{m.version}}));
      if (rows.at(0).int64(0) > 0) return Status::Ok();
      LJ_RETURN_IF_ERROR(conn.exec_script(m.sql));
      return conn.exec("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                       {int64_t{m.version}, std::string(m.name), now});
    });
    if (!st.ok()) return Status::Internal("migration " + std::to_string(m.version) + " failed: " + st.message());
    version = m.version;
  }
  return version;
}

}  // namespace lj::sql
