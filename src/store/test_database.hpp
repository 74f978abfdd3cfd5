// Test support: a fresh, empty database per test for either backend. SQLite gets a file in a
// temporary folder; PostgreSQL (the server in $LIJIAN_TEST_PG, started by scripts/test.sh) gets
// a schema of its own, dropped afterwards, so tests may run concurrently against one server.
#pragma once

#include <string>

#include "store/store.hpp"

namespace lj::testing {

class TestDatabase {
 public:
  // backend: "sqlite" or "postgres". available() is false when postgres is asked for and
  // LIJIAN_TEST_PG is unset; the caller then skips with skip_reason().
  explicit TestDatabase(const std::string& backend);
  ~TestDatabase();
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  bool available() const { return !url_.empty(); }
  const std::string& url() const { return url_; }
  std::string skip_reason() const { return "LIJIAN_TEST_PG is not set (scripts/test.sh sets it)"; }

 private:
  std::string backend_;
  std::string url_;
  std::string dir_;     // sqlite
  std::string admin_;   // postgres: the server URL without the schema option
  std::string schema_;  // postgres
};

}  // namespace lj::testing
