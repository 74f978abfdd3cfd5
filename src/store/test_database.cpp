#include "store/test_database.hpp"

#include <cstdlib>
#include <filesystem>
#include <stdexcept>

#include "core/crypto.hpp"

namespace lj::testing {

TestDatabase::TestDatabase(const std::string& backend) : backend_(backend) {
  std::string suffix = random_token(6);
  for (char& c : suffix)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = 'x';
  if (backend == "sqlite") {
    dir_ = (std::filesystem::temp_directory_path() / ("lijian-test-" + suffix)).string();
    std::filesystem::create_directories(dir_);
    url_ = "sqlite://" + dir_ + "/test.db";
    return;
  }
  const char* pg = std::getenv("LIJIAN_TEST_PG");
  if (!pg || !*pg) return;
  admin_ = pg;
  schema_ = "t_" + suffix;
  for (char& c : schema_) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto db = sql::open_database(admin_, 1);
  if (!db.ok()) throw std::runtime_error("cannot reach the test PostgreSQL: " + db.status().message());
  auto conn = (*db)->acquire(true);
  Status st = (*conn)->exec_script("CREATE SCHEMA " + schema_);
  if (!st.ok()) throw std::runtime_error("cannot create test schema: " + st.message());
  url_ = admin_ + (admin_.find('?') == std::string::npos ? "?" : "&") +
         "options=-csearch_path%3D" + schema_;
}

TestDatabase::~TestDatabase() {
  if (!dir_.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  if (!schema_.empty()) {
    auto db = sql::open_database(admin_, 1);
    if (db.ok()) {
      auto conn = (*db)->acquire(true);
      if (conn.ok()) (void)(*conn)->exec_script("DROP SCHEMA " + schema_ + " CASCADE");
    }
  }
}

}  // namespace lj::testing
