#include "refdata/demo.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "core/crypto.hpp"
#include "refdata/campaign.hpp"
#include "refdata/data_dir.hpp"
#include "refdata/demo_data.hpp"
#include "refdata/divisions.hpp"

namespace lj::refdata {
namespace {

std::string dir() {
  auto d = data_dir();
  EXPECT_TRUE(d.ok()) << d.status().to_string();
  return d.ok() ? *d : std::string();
}

demo::DemoData generate(const DemoOptions& opts) {
  auto units = load_units(dir(), "15");
  auto divisions = load_divisions(dir(), "15");
  EXPECT_TRUE(units.ok() && divisions.ok());
  return demo::generate_demo(*units, *divisions, opts);
}

TEST(DemoData, DeterministicForASeed) {
  DemoOptions opts{300, 60, 2018};
  auto a = generate(opts), b = generate(opts);
  ASSERT_EQ(a.leads.size(), 300u);
  ASSERT_EQ(a.enterprises.size(), 60u);
  for (size_t i = 0; i < a.leads.size(); ++i) {
    EXPECT_EQ(a.leads[i].lead.source_id, b.leads[i].lead.source_id);
    EXPECT_EQ(a.leads[i].lead.text, b.leads[i].lead.text);
  }
  opts.seed = 7;
  auto c = generate(opts);
  EXPECT_NE(a.leads[0].lead.text + a.leads[1].lead.text, c.leads[0].lead.text + c.leads[1].lead.text);
}

TEST(DemoData, RealisticShape) {
  auto d = generate(DemoOptions{3000, 800, 2018});
  std::set<std::string> usccs;
  for (const auto& e : d.enterprises) {
    const std::string& u = e.enterprise.uscc;
    ASSERT_EQ(u.size(), 18u);
    EXPECT_EQ(demo::uscc_check(u.substr(0, 17)), u[17]) << u;
    EXPECT_EQ(u.substr(2, 6), e.enterprise.region_code);
    EXPECT_TRUE(u.rfind("91", 0) == 0 || u.rfind("92", 0) == 0) << u;
    EXPECT_TRUE(usccs.insert(u).second) << u;
    EXPECT_NE(e.enterprise.address.find(e.place.county_name), std::string::npos);
  }
  int chifeng = 0, linked = 0, cases = 0, spring_fert = 0, summer_fert = 0;
  std::set<std::string> sources, ids;
  for (const auto& l : d.leads) {
    chifeng += l.lead.unit_code.rfind("1504", 0) == 0;
    linked += l.enterprise >= 0;
    cases += l.open_case;
    sources.insert(l.lead.source);
    EXPECT_TRUE(ids.insert(l.lead.source + "/" + l.lead.source_id).second);
    EXPECT_GE(l.lead.received_at, "2017-04-01");
    EXPECT_LT(l.lead.received_at, "2019-04-01");
    if (l.lead.product_category == "fertilizer") {
      const std::string month = l.lead.received_at.substr(5, 2);
      spring_fert += month >= "03" && month <= "05";
      summer_fert += month >= "06" && month <= "08";
    }
    if (l.lead.source == "hotline_12365" && !l.lead.reporter_phone.empty()) {
      EXPECT_EQ(l.lead.reporter_phone.size(), 11u);
      EXPECT_TRUE(std::string("358").find(l.lead.reporter_phone[1]) != std::string::npos);
    }
    if (l.lead.channel == "online") {
      EXPECT_TRUE(l.lead.extra.contains("platform"));
    }
  }
  EXPECT_GT(chifeng, 1500);
  EXPECT_GT(linked, 1800);
  EXPECT_LT(linked, 2400);
  EXPECT_GT(cases, 80);
  EXPECT_EQ(sources.size(), 12u);
  EXPECT_GT(spring_fert, 2 * summer_fert);
}

// --- against a real store (SQLite in a temporary file)

class DemoStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = ::testing::TempDir() + "lijian_demo_test_" + std::to_string(::getpid()) + ".db";
    remove_files();
    auto s = open_store("sqlite://" + path_, 2);
    ASSERT_TRUE(s.ok()) << s.status().to_string();
    store_ = std::move(s).value();
    ASSERT_TRUE(store_->migrate().ok());
  }
  void TearDown() override {
    store_.reset();
    remove_files();
  }
  void remove_files() {
    for (const char* suffix : {"", "-wal", "-shm"}) std::remove((path_ + suffix).c_str());
  }
  int64_t audit_entries() {
    int64_t n = 0;
    EXPECT_TRUE(store_->scan_audit([&](const AuditEntry&) { return ++n, true; }).ok());
    return n;
  }
  std::vector<Lead> all_leads(const Actor& actor) {
    std::vector<Lead> out;
    LeadQuery q;
    q.limit = 200;
    do {
      auto page = store_->list_leads(actor, q);
      EXPECT_TRUE(page.ok()) << page.status().to_string();
      if (!page.ok()) break;
      out.insert(out.end(), page->items.begin(), page->items.end());
      q.cursor = page->next_cursor;
    } while (!q.cursor.empty());
    return out;
  }
  int64_t count_enterprises() {
    int64_t n = 0;
    EnterpriseQuery q;
    q.limit = 200;
    do {
      auto page = store_->list_enterprises(q);
      EXPECT_TRUE(page.ok());
      if (!page.ok()) break;
      n += static_cast<int64_t>(page->items.size());
      q.cursor = page->next_cursor;
    } while (!q.cursor.empty());
    return n;
  }
  int64_t count_cases() {
    CaseQuery q;
    q.limit = 200;
    int64_t n = 0;
    do {
      auto page = store_->list_cases(Actor::system("test"), q);
      EXPECT_TRUE(page.ok());
      if (!page.ok()) break;
      n += static_cast<int64_t>(page->items.size());
      q.cursor = page->next_cursor;
    } while (!q.cursor.empty());
    return n;
  }

  std::string path_;
  std::unique_ptr<Store> store_;
};

TEST_F(DemoStoreTest, RequiresTheReferenceData) {
  EXPECT_EQ(load_demo(*store_, dir(), DemoOptions{10, 5, 1}).status().code(), Code::kNotFound);
}

TEST_F(DemoStoreTest, LoadsOnceAndASecondRunAddsNothing) {
  ASSERT_TRUE(load_reference(*store_, dir(), "15").ok());
  auto units = store_->list_units("150000");
  ASSERT_TRUE(units.ok());
  EXPECT_EQ(units->size(), 121u);

  const DemoOptions opts{150, 40, 11, false};  // sampling: demo_sampling_test.cpp
  size_t expected_cases = 0;
  for (const auto& l : generate(opts).leads) expected_cases += l.open_case;
  ASSERT_GT(expected_cases, 0u);

  auto first = load_demo(*store_, dir(), opts);
  ASSERT_TRUE(first.ok()) << first.status().to_string();
  ASSERT_EQ(first->size(), 8u);
  for (const DemoAccount& a : *first) {
    EXPECT_TRUE(a.created) << a.username;
    EXPECT_EQ(a.password, kDemoPassword);
    EXPECT_FALSE(a.unit_name.empty());
    auto login = store_->find_login(a.username);
    ASSERT_TRUE(login.ok()) << a.username;
    EXPECT_TRUE(login->first.is_demo);
    EXPECT_EQ(login->first.unit_code, a.unit_code);
    EXPECT_TRUE(verify_password(login->second, kDemoPassword));
  }
  EXPECT_EQ(*store_->count_users(), 8);
  EXPECT_EQ(*store_->count_leads(), 150);
  EXPECT_EQ(count_enterprises(), 40);
  EXPECT_EQ(count_cases(), static_cast<int64_t>(expected_cases));

  const int64_t audit_before = audit_entries();
  ASSERT_TRUE(load_reference(*store_, dir(), "15").ok());
  auto second = load_demo(*store_, dir(), opts);
  ASSERT_TRUE(second.ok()) << second.status().to_string();
  for (const DemoAccount& a : *second) EXPECT_FALSE(a.created) << a.username;
  EXPECT_EQ(*store_->count_users(), 8);
  EXPECT_EQ(*store_->count_leads(), 150);
  EXPECT_EQ(count_enterprises(), 40);
  EXPECT_EQ(count_cases(), static_cast<int64_t>(expected_cases));
  EXPECT_EQ(audit_entries(), audit_before);
}

TEST_F(DemoStoreTest, EveryLeadUsesTheCampaignCodes) {
  ASSERT_TRUE(load_reference(*store_, dir(), "15").ok());
  ASSERT_TRUE(load_demo(*store_, dir(), DemoOptions{200, 50, 2018, false}).ok());
  auto codes = load_codes(dir());
  ASSERT_TRUE(codes.ok());
  std::map<std::string, std::set<std::string>> valid;
  for (const CodeEntry& c : *codes) valid[c.kind].insert(c.code);
  std::map<std::string, Unit> units;
  auto listed = store_->list_units("150000");
  ASSERT_TRUE(listed.ok());
  for (const Unit& u : *listed) units[u.code] = u;

  auto leads = all_leads(Actor::system("test"));
  ASSERT_EQ(leads.size(), 200u);
  int case_opened = 0;
  for (const Lead& l : leads) {
    EXPECT_TRUE(valid["lead_source"].count(l.source)) << l.source;
    EXPECT_TRUE(valid["lead_status"].count(l.status)) << l.status;
    EXPECT_TRUE(valid["product_category"].count(l.product_category)) << l.product_category;
    for (const auto& a : l.special_actions) EXPECT_TRUE(valid["special_action"].count(a)) << a;
    for (const auto& v : l.violations) EXPECT_TRUE(valid["violation"].count(v)) << v;
    EXPECT_FALSE(l.violations.empty());
    EXPECT_EQ(units[l.unit_code].level, "county") << l.unit_code;
    EXPECT_EQ(l.unit_path, units[l.unit_code].path);
    const bool ecommerce =
        std::find(l.special_actions.begin(), l.special_actions.end(), "ecommerce") != l.special_actions.end();
    EXPECT_EQ(l.channel == "online", ecommerce) << l.source_id;
    case_opened += l.status == "case_opened";
  }
  EXPECT_GT(case_opened, 0);

  // A county officer sees the leads of the county and nothing of its sibling.
  auto login = store_->find_login("demo_songshan_officer");
  ASSERT_TRUE(login.ok());
  Actor officer;
  officer.user_id = login->first.id;
  officer.username = login->first.username;
  officer.role = login->first.role;
  officer.unit_code = "150404";
  officer.unit_path = units["150404"].path;
  officer.via = "session";
  auto own = all_leads(officer);
  EXPECT_FALSE(own.empty());
  for (const Lead& l : own) EXPECT_EQ(l.unit_code, "150404");
}

}  // namespace
}  // namespace lj::refdata
