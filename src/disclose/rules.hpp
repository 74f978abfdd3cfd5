// The configuration of disclosure and the public portal (data/disclosure/disclosure.json):
// publication deadlines of SAMR Order 45, who may create and review publications, the public
// API's paging limits, the rate limits of /api/public/ and the report form's anti-abuse rules.
// Immutable after loading: safe to share between threads.
#pragma once

#include <string>
#include <vector>

#include "core/status.hpp"
#include "model/model.hpp"

namespace lj::disclose {

struct RateLimitRules {
  int requests_per_minute = 60;  // token refill per client address
  int burst = 30;                // bucket size
  int reports_per_hour = 5;      // POST /api/public/v1/reports per client address
};

struct ReportFormRules {
  int min_age_seconds = 5;     // a form token younger than this is refused (filled by a bot)
  int max_age_seconds = 7200;  // an older one has expired
  std::string honeypot_field = "website";                  // must be absent or empty
  size_t text_max = 2000, title_max = 100, name_max = 40;  // code points
};

struct PublicApiRules {
  int limit_default = 10, limit_max = 100;  // results per page
  int skip_max = 5000;                      // deepest page start
  int count_max = 1000;                     // buckets of a count answer
};

struct DisclosureRules {
  int publish_within_working_days = 20;  // from the decision day, that day not counted
  int withdraw_within_working_days = 3;  // from the revocation
  std::vector<std::string> publishable_procedures{"ordinary"};
  std::vector<std::string> not_published_when_only{"warning"};  // penalty kinds
  std::vector<Role> creator_roles{Role::kOfficer, Role::kLeader};
  std::vector<Role> reviewer_roles{Role::kLeader};  // secrecy review (保密审查)
  std::string source;
  PublicApiRules public_api;
  RateLimitRules rate_limit;
  ReportFormRules report_form;

  bool may_create(Role r) const;
  bool may_review(Role r) const;

  // Parses the document; errors name the key ("rate_limit.burst: must be 1..100000").
  static Result<DisclosureRules> parse(const Json& doc);
  // Reads DATA_DIR/disclosure/disclosure.json.
  static Result<DisclosureRules> load(const std::string& data_dir);
};

}  // namespace lj::disclose
