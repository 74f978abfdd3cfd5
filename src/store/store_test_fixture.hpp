// The fixture of the shared Store suite (store_test.cpp, store_intake_test.cpp): a fresh
// database per test on each backend, with a small unit tree and actors at its levels.
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "model/audit.hpp"
#include "model/json.hpp"
#include "store/sql/connection.hpp"
#include "store/store.hpp"
#include "store/test_database.hpp"

namespace lj::store_testing {

inline Actor actor_at(const std::string& code, const std::string& path, Role role = Role::kOfficer,
               int64_t id = 1) {
  Actor a;
  a.user_id = id;
  a.username = "u" + code;
  a.role = role;
  a.unit_code = code;
  a.unit_path = path;
  a.via = "test";
  return a;
}

inline const Actor kRegion = actor_at("150000", "/150000/", Role::kLeader, 1);
inline const Actor kLeague = actor_at("150400", "/150000/150400/", Role::kLeader, 2);
inline const Actor kSongshan = actor_at("150404", "/150000/150400/150404/", Role::kOfficer, 3);
inline const Actor kHongshan = actor_at("150402", "/150000/150400/150402/", Role::kOfficer, 4);

inline Lead make_lead(const std::string& source_id, const std::string& unit, const std::string& received) {
  Lead l;
  l.source = "hotline_12365";
  l.source_id = source_id;
  l.received_at = received;
  l.text = "群众举报某农资店销售的复合肥有效含量不足";
  l.unit_code = unit;
  l.product_category = "fertilizer";
  l.special_actions = {"agri_inputs"};
  l.violations = {"insufficient_content"};
  l.reporter_name = "张三";
  l.reporter_phone = "13812345678";
  return l;
}

class StoreTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    db_ = std::make_unique<testing::TestDatabase>(GetParam());
    if (!db_->available()) GTEST_SKIP() << db_->skip_reason();
    auto s = open_store(db_->url(), 3, clock_);
    ASSERT_TRUE(s.ok()) << s.status().to_string();
    store_ = std::move(*s);
    ASSERT_TRUE(store_->migrate().ok());
    std::vector<Unit> units = {
        {"150000", "内蒙古自治区市场监督管理局", "", "province", "/150000/"},
        {"150400", "赤峰市市场监督管理局", "150000", "city", "/150000/150400/"},
        {"150402", "红山区市场监督管理局", "150400", "county", "/150000/150400/150402/"},
        {"150404", "松山区市场监督管理局", "150400", "county", "/150000/150400/150404/"},
    };
    ASSERT_TRUE(store_->upsert_units(Actor::system("test"), units).ok());
  }

  Lead add_lead(const Actor& who, const std::string& source_id, const std::string& received) {
    auto r = store_->insert_lead(who, make_lead(source_id, who.unit_code, received));
    EXPECT_TRUE(r.ok()) << r.status().to_string();
    auto l = store_->get_lead(who, r->id);
    EXPECT_TRUE(l.ok());
    return *l;
  }

  FixedClock clock_{1525132800};  // 2018-05-01T08:00:00+08:00
  std::unique_ptr<testing::TestDatabase> db_;
  std::unique_ptr<Store> store_;
};

}  // namespace lj::store_testing
