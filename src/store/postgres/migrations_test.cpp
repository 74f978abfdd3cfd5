// The two migration lists must stay in step: a schema change lands on both engines at once.
#include "store/sql/migrations.hpp"

#include <gtest/gtest.h>

namespace lj::sql {
namespace {

TEST(MigrationsTest, PostgresListMatchesSqliteListInVersionsAndNames) {
  auto sqlite = sqlite_migrations();
  auto postgres = postgres_migrations();
  ASSERT_EQ(sqlite.size(), postgres.size()) << "add the PostgreSQL twin of every SQLite migration";
  for (size_t i = 0; i < sqlite.size(); ++i) {
    EXPECT_EQ(sqlite[i].version, postgres[i].version) << "migration #" << i;
    EXPECT_EQ(sqlite[i].name, postgres[i].name) << "migration " << sqlite[i].version;
    EXPECT_FALSE(postgres[i].sql.empty()) << "migration " << postgres[i].version;
  }
}

TEST(MigrationsTest, VersionsAscendFromOne) {
  for (auto list : {sqlite_migrations(), postgres_migrations()}) {
    ASSERT_FALSE(list.empty());
    EXPECT_EQ(list[0].version, 1);
    for (size_t i = 1; i < list.size(); ++i) EXPECT_GT(list[i].version, list[i - 1].version);
  }
}

}  // namespace
}  // namespace lj::sql
