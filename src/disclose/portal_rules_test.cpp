// The public portal's building blocks: token buckets, the signed form token, the query language
// and counting, and the rules file.
#include <gtest/gtest.h>

#include <cstdlib>

#include "disclose/form_token.hpp"
#include "disclose/public_gate.hpp"
#include "disclose/public_query.hpp"
#include "disclose/rate_limiter.hpp"
#include "disclose/rules.hpp"

namespace lj::disclose {
namespace {

TEST(RateLimiter, BurstThenRefillPerKeyWithRetryAfter) {
  RateLimiter limiter(60, 3);  // one token a second, three at most
  for (int i = 0; i < 3; ++i) EXPECT_EQ(limiter.take("a", 1000), 0) << i;
  EXPECT_EQ(limiter.take("a", 1000), 1) << "empty: wait a second";
  EXPECT_EQ(limiter.take("b", 1000), 0) << "another address has its own bucket";
  EXPECT_EQ(limiter.take("a", 1500), 1);
  EXPECT_EQ(limiter.take("a", 2100), 0) << "a token came back after a second";
  EXPECT_EQ(limiter.take("a", 2100), 1);
  RateLimiter hourly(5 / 60.0, 5);
  for (int i = 0; i < 5; ++i) EXPECT_EQ(hourly.take("x", 0), 0);
  EXPECT_NEAR(hourly.take("x", 0), 720, 1) << "5 an hour: the next in 12 minutes";
}

TEST(PublicGate, CoversEveryPathUnderThePublicPrefix) {
  EXPECT_TRUE(PublicGate::covers("/api/public/v1/decisions"));
  EXPECT_TRUE(PublicGate::covers("/api/public/v1/dishonesty"));
  EXPECT_TRUE(PublicGate::covers("/api/public/"));
  EXPECT_FALSE(PublicGate::covers("/api/public"));
  EXPECT_FALSE(PublicGate::covers("/api/v1/leads"));
}

TEST(FormToken, SignedAgedAndUnforgeable) {
  const std::string key(32, 'k');
  const std::string t = issue_form_token(key, 1000);
  auto ok = verify_form_token(key, t, 1010, 5, 60);
  ASSERT_TRUE(ok.ok()) << ok.status().to_string();
  EXPECT_EQ(ok->issued_at, 1000);
  EXPECT_FALSE(ok->nonce.empty());
  EXPECT_NE(issue_form_token(key, 1000), t) << "every token has its own nonce";
  auto soon = verify_form_token(key, t, 1002, 5, 60);
  EXPECT_EQ(soon.status().field(), "form_token");
  EXPECT_NE(soon.status().message().find("too soon"), std::string::npos);
  EXPECT_NE(verify_form_token(key, t, 1061, 5, 60).status().message().find("expired"),
            std::string::npos);
  EXPECT_FALSE(verify_form_token(std::string(32, 'x'), t, 1010, 5, 60).ok())
      << "another server key";
  std::string older = t;
  older.replace(3, 4, "0900");  // an earlier time under the same MAC
  EXPECT_FALSE(verify_form_token(key, older, 1010, 5, 60).ok());
  EXPECT_FALSE(verify_form_token(key, "garbage", 1010, 5, 60).ok());
}

TEST(PublicQuery, WordsAndFieldsAndRanges) {
  PublicQuery q;
  ASSERT_TRUE(
      parse_public_search(
          "电线 AND region:1504 violation:substandard decided_on:[2018-01-01 TO 2018-12-31] 电缆",
          q)
          .ok());
  EXPECT_EQ(q.text, "电线 电缆");
  EXPECT_EQ(q.region_prefix, "1504");
  EXPECT_EQ(q.violation, "substandard");
  EXPECT_EQ(q.from, "2018-01-01");
  EXPECT_EQ(q.to, "2018-12-31");
  PublicQuery open;
  ASSERT_TRUE(parse_public_search("decided_on:[* TO 2018-06-30]", open).ok());
  EXPECT_EQ(open.from, "");
  EXPECT_EQ(open.to, "2018-06-30");
  PublicQuery bad;
  EXPECT_EQ(parse_public_search("colour:red", bad).field(), "search");
  EXPECT_EQ(parse_public_search("region:15a", bad).field(), "search");
  EXPECT_EQ(parse_public_search("decided_on:2018-02-30", bad).field(), "search");
  EXPECT_EQ(parse_public_search(std::string(501, 'a'), bad).field(), "search");
}

TEST(PublicQuery, CountsByFieldLargestFirstAndSaysWhenCut) {
  std::vector<Publication> items(3);
  items[0].region_code = "150404", items[0].violations = {"a", "b"},
  items[0].decided_on = "2018-03-01";
  items[1].region_code = "150404", items[1].violations = {"b"}, items[1].decided_on = "2018-04-01";
  items[2].region_code = "150102", items[2].violations = {"c"}, items[2].decided_on = "2019-01-01";
  bool cut = false;
  auto regions = count_by(items, "region_code", 10, cut);
  EXPECT_FALSE(cut);
  ASSERT_EQ(regions.size(), 2u);
  EXPECT_EQ(regions[0], (std::pair<std::string, int64_t>{"150404", 2}));
  auto violations = count_by(items, "violation", 1, cut);
  EXPECT_TRUE(cut);
  EXPECT_EQ(violations, (std::vector<std::pair<std::string, int64_t>>{{"b", 2}}));
  auto years = count_by(items, "decided_year", 10, cut);
  EXPECT_EQ(years[0], (std::pair<std::string, int64_t>{"2018", 2}));
  EXPECT_TRUE(countable("decided_month"));
  EXPECT_FALSE(countable("party"));
}

TEST(DisclosureRules, TheShippedFileLoadsAndBadValuesNameTheirKey) {
  const char* dir = std::getenv("LIJIAN_DATA_DIR");
  auto r = DisclosureRules::load(dir ? dir : "data");
  ASSERT_TRUE(r.ok()) << r.status().to_string();
  EXPECT_EQ(r->publish_within_working_days, 20);
  EXPECT_TRUE(r->may_review(Role::kLeader));
  EXPECT_FALSE(r->may_review(Role::kOfficer));
  EXPECT_TRUE(r->may_create(Role::kOfficer));
  EXPECT_EQ(r->public_api.limit_max, 100);
  auto bad = DisclosureRules::parse(Json{{"rate_limit", {{"burst", 0}}}});
  EXPECT_EQ(bad.status().field(), "rate_limit.burst");
  EXPECT_EQ(DisclosureRules::parse(Json{{"secrecy_reviewer_roles", {"boss"}}}).status().field(),
            "secrecy_reviewer_roles");
}

}  // namespace
}  // namespace lj::disclose
