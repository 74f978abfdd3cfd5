#include "api/app.hpp"

#include <sodium.h>

#include <algorithm>

#include <spdlog/spdlog.h>

#include "api/errors.hpp"
#include "disclose/public_gate.hpp"
#include "disclose/rules.hpp"

namespace lj::api {

App::App(Store& store, const Clock& clock, AppConfig cfg)
    : store_(store),
      clock_(clock),
      cfg_(std::move(cfg)),
      accounts_(store, clock, cfg_.auth),
      list_cache_(cfg_.list_cache_entries, cfg_.list_cache_max_body),
      imports_(std::make_unique<ImportJobs>(store, cfg_.gazetteer, cfg_.imports)),
      public_gate_(std::make_unique<disclose::PublicGate>(
          cfg_.disclosure ? cfg_.disclosure->rate_limit : disclose::RateLimitRules{})) {
  add_auth_routes(router_);
  add_unit_user_routes(router_);
  add_lead_routes(router_);
  add_case_routes(router_);
  add_procedure_routes(router_);
  add_case_facts_routes(router_);
  add_system_routes(router_);
  add_screen_routes(router_);
  add_import_routes(router_);
  add_classify_routes(router_);
  add_resolve_routes(router_);
  add_supervision_routes(router_);
  add_cooperation_routes(router_);
  add_document_routes(router_);
  add_review_routes(router_);
  add_evaluation_routes(router_);
  add_campaign_routes(router_);
  add_disclosure_routes(router_);
  add_public_routes(router_);
  add_dishonesty_routes(router_);
  add_stats_routes(router_);
}

App::~App() = default;

std::shared_ptr<const Vocabulary> App::vocabulary() {
  std::lock_guard lock(vocab_mu_);
  const int64_t now = clock_.now();
  if (!vocab_ || now - vocab_loaded_at_ >= cfg_.vocabulary_ttl.count()) {
    auto codes = store_.list_codes("");
    if (codes.ok()) {
      vocab_ = std::make_shared<const Vocabulary>(*codes);
      vocab_loaded_at_ = now;
    } else if (!vocab_) {
      spdlog::error("cannot load reference codes: {}", codes.status().to_string());
      vocab_ = std::make_shared<const Vocabulary>();
    }
  }
  return vocab_;
}

Result<http::Response> ok_json(const Json& body, int status) { return json_response(status, body); }

http::Response rate_limited(int64_t retry_after_seconds, const std::string& message) {
  http::Response r = error_response(Status{Code::kRateLimited, message + "; retry after " +
                                                                   std::to_string(retry_after_seconds) + " s"});
  r.headers.emplace_back("Retry-After", std::to_string(retry_after_seconds));
  r.headers.emplace_back("Cache-Control", "no-store");
  r.route = "rate_limited";
  return r;
}

Json page_json(Json items, const std::string& next_cursor) {
  return Json{{"items", std::move(items)},
              {"next_cursor", next_cursor.empty() ? Json(nullptr) : Json(next_cursor)}};
}

namespace {
bool safe_method(const std::string& m) { return m == "GET" || m == "HEAD" || m == "OPTIONS"; }

bool constant_time_equal(const std::string& a, const std::string& b) {
  return a.size() == b.size() && sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}
}  // namespace

// The client's address: the TCP peer, or for a trusted proxy the last hop it appended to
// X-Forwarded-For (earlier entries come from the client and prove nothing).
std::string App::client_address(const http::Request& req) const {
  const auto& proxies = cfg_.trusted_proxies;
  if (std::find(proxies.begin(), proxies.end(), req.remote_addr) == proxies.end()) return req.remote_addr;
  const std::string* xff = req.header("x-forwarded-for");
  if (!xff) return req.remote_addr;
  std::string last = xff->substr(xff->rfind(',') == std::string::npos ? 0 : xff->rfind(',') + 1);
  last.erase(0, last.find_first_not_of(' '));
  last.erase(last.find_last_not_of(' ') + 1);
  return last.empty() || last.size() > 45 ? req.remote_addr : last;
}

Result<http::Response> App::dispatch(http::Request& req) {
  auto m = router_.match(req.method, req.path);
  if (!m.route) {
    if (m.path_matched) {
      http::Response r = json_response(405, Json{{"error", {{"code", "method_not_allowed"},
                                                            {"message", "method " + req.method + " is not allowed on " + req.path}}}});
      r.route = "method_not_allowed";
      return r;
    }
    return Status::NotFound("no such resource: " + req.path);
  }
  Context ctx{*this, req, Actor{}, "", std::move(m.params)};
  ctx.actor.request_id = req.request_id;
  if (m.route->authenticated) {
    const std::string* auth = req.header("authorization");
    if (auth && auth->rfind("Bearer ", 0) == 0) {
      LJ_ASSIGN_OR_RETURN(ctx.actor, accounts_.authenticate_token(auth->substr(7)));
    } else {
      LJ_ASSIGN_OR_RETURN(auto session, accounts_.authenticate_session(req.cookie(kSessionCookie)));
      ctx.actor = session.actor;
      ctx.csrf_token = session.csrf_token;
      // Cookies ride along with cross-site requests; the CSRF header proves the page is ours.
      const std::string* csrf = req.header("x-csrf-token");
      if (!safe_method(req.method) && (!csrf || !constant_time_equal(*csrf, ctx.csrf_token)))
        return Status::Forbidden("missing or wrong X-CSRF-Token header");
      // A password set by an administrator (or at first start) must be replaced before work.
      if (session.must_change_password && m.route->pattern != "/api/v1/auth/me" &&
          m.route->pattern != "/api/v1/auth/password" && m.route->pattern != "/api/v1/auth/logout")
        return Status::Forbidden("change your password first (POST /api/v1/auth/password)");
    }
    ctx.actor.request_id = req.request_id;
  }
  LJ_ASSIGN_OR_RETURN(http::Response resp, m.route->handler(ctx));
  resp.route = m.route->pattern;
  return resp;
}

http::Response App::handle(http::Request& req) {
  http::Response resp;
  try {
    if (disclose::PublicGate::covers(req.path)) {
      // Every public path, whichever route serves it, shares one bucket per client address.
      const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::steady_clock::now().time_since_epoch()).count();
      if (int64_t wait = public_gate_->admit(client_address(req), ms); wait > 0)
        return rate_limited(wait, "too many requests to the public API from your address");
    }
    auto r = dispatch(req);
    if (r.ok()) {
      resp = std::move(r).value();
    } else {
      if (r.status().code() == Code::kInternal || r.status().code() == Code::kUnavailable)
        spdlog::error("request {} {} failed: {}", req.request_id, req.path, r.status().to_string());
      resp = error_response(r.status());
      auto m = router_.match(req.method, req.path);
      resp.route = m.route ? m.route->pattern : "";
    }
  } catch (const std::exception& e) {
    spdlog::error("request {} {} threw: {}", req.request_id, req.path, e.what());
    resp = error_response(Status::Internal(e.what()));
  }
  if (req.method == "HEAD") resp.body.clear();
  resp.headers.emplace_back("Cache-Control", "no-store");
  return resp;
}

}  // namespace lj::api
