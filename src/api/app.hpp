// The application behind the HTTP server: authentication, CSRF, routing to the API handlers.
// Thread-safe: handle() runs on many worker threads at once; it keeps no per-request state.
#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "api/import_jobs.hpp"
#include "api/response_cache.hpp"
#include "api/router.hpp"
#include "auth/accounts.hpp"
#include "calendar/work_calendar.hpp"
#include "cases/procedure.hpp"
#include "geo/gazetteer.hpp"
#include "http/types.hpp"
#include "model/vocabulary.hpp"
#include "screen/hotspots.hpp"
#include "screen/risk.hpp"
#include "store/store.hpp"

namespace lj::documents {
class EvidencePolicy;
}
namespace lj::cases {
struct IntegrityRules;  // cases/integrity.hpp
struct DishonestyRules;  // cases/dishonesty.hpp
class ReviewChecklist;
}
namespace lj::disclose {
struct DisclosureRules;  // disclose/rules.hpp
class PublicGate;
}

namespace lj::evaluate {
struct Scheme;  // evaluate/scheme.hpp
}

namespace lj::stats {
struct SummaryDefinition;  // stats/summary.hpp
}

namespace lj::api {

struct AppConfig {
  AuthConfig auth;
  bool secure_cookie = false;              // set the Secure flag (behind HTTPS)
  std::string attachments_dir = "attachments";
  int64_t attachment_max_bytes = 20 * 1024 * 1024;
  std::chrono::seconds vocabulary_ttl{60};  // how long reference codes are cached
  // Peers whose X-Forwarded-For is believed (the load balancer); the client address used for
  // login throttling is then the last address they appended.
  std::vector<std::string> trusted_proxies;
  // Places leads that systems send without a unit (null: they go to the regional bureau).
  std::shared_ptr<const geo::Gazetteer> gazetteer;
  // The case procedure (data/procedure/penalty-procedure.json; null: its routes answer 503).
  std::shared_ptr<const cases::Procedure> procedure;
  // The official working-day calendar (data/calendar/cn-holidays.json), for deadlines.
  std::shared_ptr<const calendar::WorkCalendar> calendar;
  // Thresholds, discretion tiers and major-case criteria (data/procedure/integrity-rules.json;
  // null: the facts and flags routes answer 503).
  std::shared_ptr<const cases::IntegrityRules> integrity;
  size_t list_cache_entries = 512;          // rendered list pages kept (0 turns the cache off)
  size_t list_cache_max_body = 2 * 1024 * 1024;
  screen::RiskConfig risk;          // factor weights and half-life of the risk score
  screen::HotspotConfig hotspots;   // flag level and rate unit of the hotspot screen
  ImportJobsConfig imports;  // uploads to POST /api/v1/imports and their worker
  // Working days to answer an assistance request (协查) that names no period of its own
  // (RULES.md: 15, 市场监督管理行政处罚程序规定); `lijian serve --assistance-answer-days`.
  int assistance_answer_working_days = 15;
  // Evidence types, magic bytes and size limits (data/documents/evidence-types.json; null: the
  // table compiled into src/documents/evidence.cpp).
  std::shared_ptr<const documents::EvidencePolicy> evidence;
  // The case-file review checklist (data/review/checklist.json; null: the review routes answer 503).
  std::shared_ptr<const cases::ReviewChecklist> review_checklist;
  // The evaluation scheme of units (data/evaluation/scheme-2018.json; null: the evaluation and
  // report routes answer 503).
  std::shared_ptr<const evaluate::Scheme> evaluation_scheme;
  // The campaign document (data/campaign-2018.json; null: the campaign routes answer 503).
  std::shared_ptr<const Json> campaign;
  // Publication deadlines, reviewer roles, public API and rate limits
  // (data/disclosure/disclosure.json; null: the disclosure and public routes answer 503).
  std::shared_ptr<const disclose::DisclosureRules> disclosure;
  // The serious-dishonesty list's periods and grounds (data/dishonesty/dishonesty-rules.json;
  // null: its workflow routes answer 503).
  std::shared_ptr<const cases::DishonestyRules> dishonesty;
  // The campaign's special summary (data/stats/campaign-summary.json; null: its route answers 503).
  std::shared_ptr<const stats::SummaryDefinition> stats_summary;
};

inline constexpr const char* kSessionCookie = "lijian_session";

class App {
 public:
  App(Store& store, const Clock& clock, AppConfig cfg = {});
  ~App();

  http::Response handle(http::Request& req);

  Store& store() { return store_; }
  Accounts& accounts() { return accounts_; }
  const AppConfig& config() const { return cfg_; }
  const Clock& clock() const { return clock_; }
  const Router& router() const { return router_; }
  ResponseCache& list_cache() { return list_cache_; }
  ImportJobs& imports() { return *imports_; }
  // The rate limits of /api/public/ (disclose/public_gate.hpp).
  disclose::PublicGate& public_gate() { return *public_gate_; }
  // The reference codes, refreshed from the store after vocabulary_ttl.
  std::shared_ptr<const Vocabulary> vocabulary();

 private:
  Result<http::Response> dispatch(http::Request& req);

 public:
  std::string client_address(const http::Request& req) const;

 private:

  Store& store_;
  const Clock& clock_;
  AppConfig cfg_;
  Accounts accounts_;
  Router router_;
  ResponseCache list_cache_;
  std::unique_ptr<ImportJobs> imports_;
  std::unique_ptr<disclose::PublicGate> public_gate_;
  std::mutex vocab_mu_;
  std::shared_ptr<const Vocabulary> vocab_;
  int64_t vocab_loaded_at_ = 0;
};

// Route registration, one function per resource (api/routes_*.cpp).
// 429 with Retry-After (seconds).
http::Response rate_limited(int64_t retry_after_seconds, const std::string& message);
void add_auth_routes(Router& r);
void add_unit_user_routes(Router& r);
void add_lead_routes(Router& r);
void add_case_routes(Router& r);
void add_procedure_routes(Router& r);
// Stores a case's statutory periods after it was opened (api/routes_procedure.cpp).
Status refresh_case_deadlines(App& app, const Actor& actor, int64_t case_id);
// Case facts and integrity flags (api/routes_case_facts.cpp).
void add_case_facts_routes(Router& r);
// Re-evaluates a case's integrity flags after a procedure step (no-op without the rules).
Status refresh_case_integrity(App& app, const Actor& actor, int64_t case_id);
void add_system_routes(Router& r);
void add_screen_routes(Router& r);
void add_import_routes(Router& r);

// The routes whose request body the server spools to a file (Request::body_file) with the
// upload limit instead of reading it into memory: POST /api/v1/imports.
bool spooled_upload_route(const std::string& method, const std::string& path);
void add_classify_routes(Router& r);
void add_resolve_routes(Router& r);
void add_supervision_routes(Router& r);
void add_cooperation_routes(Router& r);
void add_document_routes(Router& r);  // api/routes_documents.cpp
void add_review_routes(Router& r);    // api/routes_review.cpp
void add_evaluation_routes(Router& r);  // api/routes_evaluation.cpp
void add_campaign_routes(Router& r);  // api/routes_campaign.cpp
void add_disclosure_routes(Router& r);  // api/routes_disclosure.cpp
void add_public_routes(Router& r);      // api/routes_public.cpp
// Creates a decided case's publication, or withdraws a revoked case's, after a procedure step.
Status refresh_case_disclosure(App& app, const Actor& actor, int64_t case_id);
void add_dishonesty_routes(Router& r);  // api/routes_dishonesty.cpp
void add_stats_routes(Router& r);     // api/routes_stats.cpp

// The OpenAPI 3.1 document (api/openapi.json, compiled in).
const std::string& openapi_document();

// Common response helpers for handlers.
Result<http::Response> ok_json(const Json& body, int status = 200);
Json page_json(Json items, const std::string& next_cursor);

}  // namespace lj::api
