#include "cli/commands.hpp"

#include <unistd.h>

#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <iostream>
#include <thread>

#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include "api/app.hpp"
#include "cli/case_schedule.hpp"
#include "auth/accounts.hpp"
#include "cases/dishonesty.hpp"
#include "cases/integrity.hpp"
#include "cases/review.hpp"
#include "core/crypto.hpp"
#include "documents/evaluation_reports.hpp"
#include "disclose/housekeeping.hpp"
#include "disclose/rules.hpp"
#include "documents/evidence.hpp"
#include "evaluate/scheme.hpp"
#include "documents/filing_forms.hpp"
#include "refdata/demo_campaign.hpp"
#include "http/server.hpp"
#include "model/audit.hpp"
#include "refdata/campaign.hpp"
#include "refdata/data_dir.hpp"
#include "refdata/demo.hpp"
#include "stats/maintenance.hpp"
#include "stats/summary.hpp"
#include "store/store.hpp"

namespace lj::cli {
namespace {

int fail(const std::string& what, const Status& st) {
  std::cerr << "lijian: " << what << ": " << st.to_string() << "\n";
  return 1;
}

int pool_size() { return static_cast<int>(std::max(2u, std::thread::hardware_concurrency()) * 2); }

// Opens the database, applies migrations and makes sure the reference data is loaded.
Result<std::unique_ptr<Store>> open_ready(const Common& c, std::string* data_dir_out = nullptr) {
  LJ_ASSIGN_OR_RETURN(auto store, open_store(c.db, pool_size()));
  LJ_RETURN_IF_ERROR(store->migrate().status());
  LJ_ASSIGN_OR_RETURN(std::string dir, refdata::data_dir(c.data_dir));
  LJ_RETURN_IF_ERROR(refdata::load_reference(*store, dir, c.province));
  if (data_dir_out) *data_dir_out = dir;
  return store;
}

std::string sqlite_path(const std::string& url) {
  const std::string prefix = "sqlite://";
  return url.rfind(prefix, 0) == 0 ? url.substr(prefix.size()) : "";
}

std::string root_unit(const std::string& province) {
  return province.size() >= 2 ? province.substr(0, 2) + "0000" : province;
}

// One metric in the Prometheus text format.
void append_metric(std::string& out, const char* name, const char* type, const char* help,
                   int64_t value) {
  out += std::string("# HELP ") + name + " " + help + "\n# TYPE " + name + " " + type + "\n" +
         name + " " + std::to_string(value) + "\n";
}

std::string extra_metrics(Store& store, api::App& app) {
  auto s = store.pool_stats();
  auto c = app.list_cache().stats();
  std::string out;
  append_metric(out, "lijian_list_cache_hits_total", "counter",
                "List pages answered from the response cache.", c.hits);
  append_metric(out, "lijian_list_cache_misses_total", "counter",
                "List pages computed from the database.", c.misses);
  append_metric(out, "lijian_db_pool_connections", "gauge", "Database connections in the pool.", s.size);
  append_metric(out, "lijian_db_pool_in_use", "gauge", "Database connections handed out now.", s.in_use);
  append_metric(out, "lijian_db_pool_waits_total", "counter",
                "Acquisitions that had to wait for a connection.", s.waits);
  return out;
}

// Forgets expired sessions and old failed logins every ten minutes while the server runs. Safe
// on every server of a cluster at once: each step is an idempotent DELETE.
class Housekeeping {
 public:
  Housekeeping(Store& store, const AuthConfig& auth, std::string data_dir)
      : store_(store), auth_(auth), data_dir_(std::move(data_dir)) {
    thread_ = std::thread([this] { loop(); });
  }
  ~Housekeeping() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

 private:
  void loop() {
    std::unique_lock lock(mu_);
    while (!stop_) {
      const int64_t now = system_clock().now();
      auto sessions = store_.delete_expired_sessions(format_time(now));
      auto failures = store_.prune_login_failures(now - 2 * auth_.throttle_window_seconds);
      disclose::withdraw_revoked_publications(store_);
      stats::rebuild_if_pending(store_);
      if (!sessions.ok() || !failures.ok())
        spdlog::warn("housekeeping failed: {} {}", sessions.status().to_string(), failures.status().to_string());
      documents::run_scheduled_dispatch_reports(store_, now, data_dir_);
      run_case_housekeeping(store_, data_dir_);
      cv_.wait_for(lock, std::chrono::minutes(10), [this] { return stop_; });
    }
  }

  Store& store_;
  AuthConfig auth_;
  std::string data_dir_;  // the server's data directory (--data-dir)
  std::mutex mu_;
  std::condition_variable cv_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace

int run_serve(const Common& c, const ServeOptions& o) {
  auto colon = o.listen.rfind(':');
  if (colon == std::string::npos) return fail("--listen", Status::Invalid("listen", "expected HOST:PORT"));
  http::ServerConfig cfg;
  cfg.host = o.listen.substr(0, colon);
  try {
    int port = std::stoi(o.listen.substr(colon + 1));
    if (port < 0 || port > 65535) throw std::out_of_range("port");
    cfg.port = static_cast<unsigned short>(port);
  } catch (const std::exception&) {
    return fail("--listen", Status::Invalid("listen", "the port must be a number from 0 to 65535"));
  }
  cfg.io_threads = o.threads;
  cfg.worker_threads = o.workers;
  std::string data_dir;
  auto store = open_ready(c, &data_dir);
  if (!store.ok()) return fail("cannot open the database", store.status());
  auto admin = ensure_first_admin(**store, root_unit(c.province));
  if (!admin.ok()) return fail("cannot create the first administrator", admin.status());
  if (*admin) {
    std::cerr << "\n=== First start: created administrator '" << (*admin)->first.username
              << "' with password: " << (*admin)->second
              << "\n=== It is shown only now; change it after logging in.\n\n";
  }
  cfg.static_dir = o.static_dir;
  if (cfg.static_dir.empty()) {
    auto web = std::filesystem::path(data_dir) / ".." / "web" / "dist";
    std::error_code ec;
    if (std::filesystem::exists(web / "index.html", ec)) cfg.static_dir = web.lexically_normal().string();
  }
  api::AppConfig app_cfg;
  auto gazetteer = geo::Gazetteer::load(data_dir, c.province);
  if (!gazetteer.ok()) return fail("reference data", gazetteer.status());
  app_cfg.gazetteer = std::make_shared<const geo::Gazetteer>(std::move(*gazetteer));
  auto procedure = cases::Procedure::load(data_dir);
  if (!procedure.ok()) return fail("case procedure", procedure.status());
  app_cfg.procedure = std::make_shared<const cases::Procedure>(std::move(*procedure));
  auto work_calendar = calendar::WorkCalendar::load(data_dir);
  if (!work_calendar.ok()) return fail("working-day calendar", work_calendar.status());
  app_cfg.calendar = std::make_shared<const calendar::WorkCalendar>(std::move(*work_calendar));
  auto integrity = cases::IntegrityRules::load(data_dir);
  if (!integrity.ok()) return fail("integrity rules", integrity.status());
  app_cfg.integrity = std::make_shared<const cases::IntegrityRules>(std::move(*integrity));
  auto evidence = documents::EvidencePolicy::load(data_dir);
  if (!evidence.ok()) return fail("evidence types", evidence.status());
  app_cfg.evidence = std::make_shared<const documents::EvidencePolicy>(std::move(*evidence));
  auto checklist = cases::ReviewChecklist::load(data_dir);
  if (!checklist.ok()) return fail("case-file review checklist", checklist.status());
  app_cfg.review_checklist = std::make_shared<const cases::ReviewChecklist>(std::move(*checklist));
  auto scheme = evaluate::Scheme::load(data_dir);
  if (!scheme.ok()) return fail("evaluation scheme", scheme.status());
  app_cfg.evaluation_scheme = std::make_shared<const evaluate::Scheme>(std::move(*scheme));
  auto campaign = refdata::load_campaign(data_dir);
  if (!campaign.ok()) return fail("campaign", campaign.status());
  app_cfg.campaign = std::make_shared<const Json>(std::move(*campaign));
  auto disclosure = disclose::DisclosureRules::load(data_dir);
  if (!disclosure.ok()) return fail("disclosure rules", disclosure.status());
  app_cfg.disclosure = std::make_shared<const disclose::DisclosureRules>(std::move(*disclosure));
  auto dishonesty = cases::DishonestyRules::load(data_dir);
  if (!dishonesty.ok()) return fail("dishonesty rules", dishonesty.status());
  app_cfg.dishonesty = std::make_shared<const cases::DishonestyRules>(std::move(*dishonesty));
  auto stats_summary = stats::SummaryDefinition::load(data_dir);
  if (!stats_summary.ok()) return fail("statistics summary", stats_summary.status());
  app_cfg.stats_summary = std::make_shared<const stats::SummaryDefinition>(std::move(*stats_summary));
  app_cfg.secure_cookie = o.secure_cookie;
  app_cfg.trusted_proxies = o.trusted_proxies;
  app_cfg.attachments_dir = o.attachments_dir;
  if (app_cfg.attachments_dir.empty()) {
    std::string path = sqlite_path(c.db);
    app_cfg.attachments_dir = path.empty() ? "attachments" : path + ".attachments";
  }
  // The server admits bodies up to the attachment limit; JSON bodies are held to 1 MiB by the API.
  cfg.body_limit = static_cast<size_t>(app_cfg.attachment_max_bytes) + 64 * 1024;
  // Import uploads go to a spool file instead, up to their own limit (docs/import.md).
  app_cfg.imports.spool_dir = o.import_dir;
  if (app_cfg.imports.spool_dir.empty()) {
    std::string path = sqlite_path(c.db);
    app_cfg.imports.spool_dir = path.empty() ? "imports" : path + ".imports";
  }
  {
    std::error_code ec;
    std::filesystem::create_directories(app_cfg.imports.spool_dir, ec);
    if (ec)
      return fail("--import-dir", Status{Code::kUnavailable, "cannot create " +
                                                                 app_cfg.imports.spool_dir + ": " +
                                                                 ec.message()});
  }
  app_cfg.imports.max_upload_bytes = o.import_max_mib << 20;
  app_cfg.assistance_answer_working_days = o.assistance_answer_days;
  char host[256] = {};
  gethostname(host, sizeof host - 1);
  app_cfg.imports.runner = std::string(host) + " " + o.listen;
  cfg.spool_route = api::spooled_upload_route;
  cfg.spool_dir = app_cfg.imports.spool_dir;
  cfg.spool_body_limit = app_cfg.imports.max_upload_bytes;
  api::App app(**store, system_clock(), app_cfg);
  Store* raw = store->get();
  http::Server server(cfg, [&app](http::Request& req) { return app.handle(req); },
                      [raw, &app] { return extra_metrics(*raw, app); });
  auto port = server.start();
  if (!port.ok()) return fail("cannot listen on " + o.listen, port.status());
  Housekeeping housekeeping(*raw, app_cfg.auth, data_dir);
  spdlog::info("lijian serving http://{}:{} (database {}, web app {})", cfg.host, *port,
               (*store)->dialect() == sql::Dialect::kSqlite ? "SQLite" : "PostgreSQL",
               cfg.static_dir.empty() ? "not built" : cfg.static_dir);
  server.wait();
  return 0;
}

int run_migrate(const Common& c) {
  auto store = open_ready(c);
  if (!store.ok()) return fail("migration failed", store.status());
  auto v = (*store)->schema_version();
  std::cout << "schema version " << (v.ok() ? *v : 0) << "\n";
  return 0;
}

int run_demo(const Common& c, const DemoOptions& o) {
  std::string dir;
  auto store = open_ready(c, &dir);
  if (!store.ok()) return fail("cannot open the database", store.status());
  refdata::DemoOptions opts;
  opts.leads = o.leads;
  opts.enterprises = o.enterprises;
  auto accounts = refdata::load_demo(**store, dir, opts);
  if (!accounts.ok()) return fail("demo data", accounts.status());
  // The procedure's `file` step needs the 立案审批表 on file: keep one for each demo case.
  std::string attachments = o.attachments_dir;
  if (attachments.empty()) {
    std::string path = sqlite_path(c.db);
    attachments = path.empty() ? "attachments" : path + ".attachments";
  }
  auto forms = documents::keep_filing_forms(**store, Actor::system("demo"), attachments);
  if (!forms.ok()) return fail("demo documents", forms.status());
  // A share of the 2018 cases taken through the procedure (docs/evaluation.md, "The demo").
  auto campaign = refdata::run_demo_campaign(c.db, dir, attachments, opts.seed);
  if (!campaign.ok()) return fail("demo campaign", campaign.status());
  const auto& y = *campaign;
  std::cout << "Demo cases of 2018 taken through the procedure: " << y.filed << " filed, "
            << y.not_filed << " not filed, " << y.decided << " decided, " << y.closed
            << " closed, " << y.transferred << " transferred, " << y.published
            << " decisions published, " << y.supervised << " supervised, " << y.listed
            << " listed, " << y.typical_cases << " typical case\n";
  std::cout << "Demo accounts (DEMO ONLY — fixed passwords, never use in production):\n";
  for (const auto& a : *accounts) {
    std::cout << "  " << a.username << "  password " << a.password << "  role " << role_name(a.role)
              << "  unit " << a.unit_code << " " << a.unit_name << "\n";
  }
  return 0;
}

int run_user_add(const Common& c, const UserAddOptions& o) {
  auto store = open_ready(c);
  if (!store.ok()) return fail("cannot open the database", store.status());
  Status policy = check_password_policy(o.password, o.username);
  if (!policy.ok()) return fail("--password", policy);
  User u;
  u.username = o.username;
  u.display_name = o.display_name.empty() ? o.username : o.display_name;
  u.unit_code = o.unit;
  u.role = *parse_role(o.role);
  auto created = (*store)->create_user(Actor::system("cli"), u, hash_password(o.password));
  if (!created.ok()) return fail("cannot create user " + o.username, created.status());
  std::cout << "created user " << created->username << " (id " << created->id << ", " << o.role
            << " at " << o.unit << ")\n";
  return 0;
}

int run_audit_verify(const Common& c) {
  auto store = open_store(c.db, 2);
  if (!store.ok()) return fail("cannot open the database", store.status());
  AuditVerdict v = verify_audit_chain([&](const auto& visit) { return (*store)->scan_audit(visit); });
  if (!v.intact) {
    std::cerr << "audit chain BROKEN at entry " << v.first_broken_id << ": " << v.reason << "\n";
    return 1;
  }
  std::cout << "audit chain intact: " << v.entries << " entries\n";
  return 0;
}

int run_backup(const Common& c, const std::string& to) {
  auto store = open_store(c.db, 2);
  if (!store.ok()) return fail("cannot open the database", store.status());
  std::error_code ec;
  if (std::filesystem::exists(to, ec)) return fail("--to", Status::Invalid("to", to + " exists already"));
  Status st = (*store)->backup(to);
  if (!st.ok()) return fail("backup failed", st);
  std::cout << "backup written to " << to << "\n";
  return 0;
}

void add_common_options(CLI::App* sub, Common& c) {
  sub->add_option("--db", c.db, "database URL: sqlite://FILE or postgresql://user:pass@host:port/db")
      ->capture_default_str();
  sub->add_option("--data-dir", c.data_dir, "reference data folder (default: found beside the binary)");
  sub->add_option("--province", c.province, "GB/T 2260 code of the province the unit tree covers")
      ->capture_default_str();
}

}  // namespace lj::cli
