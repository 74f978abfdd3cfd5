#include "api/app.hpp"

#include <gtest/gtest.h>

#include "store/test_database.hpp"

namespace lj::api {
namespace {

TEST(AppClientAddress, ForwardedForCountsOnlyFromATrustedProxy) {
  testing::TestDatabase db("sqlite");
  auto store = open_store(db.url(), 1);
  ASSERT_TRUE(store.ok());
  AppConfig cfg;
  cfg.trusted_proxies = {"10.0.0.5"};
  App app(**store, system_clock(), cfg);
  http::Request req;
  req.remote_addr = "203.0.113.9";
  req.headers["x-forwarded-for"] = "1.1.1.1";
  EXPECT_EQ(app.client_address(req), "203.0.113.9") << "an untrusted peer cannot choose its address";
  req.remote_addr = "10.0.0.5";
  req.headers["x-forwarded-for"] = "6.6.6.6, 198.51.100.7";
  EXPECT_EQ(app.client_address(req), "198.51.100.7") << "the proxy's own entry is the last one";
  req.headers.erase("x-forwarded-for");
  EXPECT_EQ(app.client_address(req), "10.0.0.5");
}

}  // namespace
}  // namespace lj::api
