// The subcommands of `lijian` (CONTRACTS.md). Each returns the process exit status:
// 0 success, 1 bad input or a failed check (message on stderr), 2 usage errors (CLI11).
#pragma once

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace lj::cli {

struct Common {
  std::string db = "sqlite://lijian.db";
  std::string data_dir;        // reference data; found automatically when empty
  std::string province = "150000";
};

struct ServeOptions {
  std::string listen = "127.0.0.1:8080";
  std::string static_dir;       // the built web app; default: <data>/../web/dist when present
  std::string attachments_dir;  // default: attachments/ beside a SQLite database, else ./attachments
  std::string import_dir;       // upload spool; default: imports/ beside a SQLite database, else ./imports
  uint64_t import_max_mib = 512;  // the largest import upload
  int assistance_answer_days = 15;  // working days to answer an assistance request (RULES.md)
  int threads = 0;  // I/O threads; 0: one per core
  int workers = 0;  // handler threads (database work); 0: two per core
  bool secure_cookie = false;
  std::vector<std::string> trusted_proxies;
};

struct DemoOptions {
  int leads = 3000;
  int enterprises = 800;
  std::string attachments_dir;  // where the demo keeps its documents (default: as serve's)
};

struct UserAddOptions {
  std::string username, password, unit, role, display_name;
};

// Adds --db, --data-dir and --province (bound to `c`, which must outlive parsing) to `sub`.
void add_common_options(CLI::App* sub, Common& c);

int run_serve(const Common& c, const ServeOptions& o);
int run_migrate(const Common& c);
int run_demo(const Common& c, const DemoOptions& o);
int run_user_add(const Common& c, const UserAddOptions& o);
int run_audit_verify(const Common& c);
int run_backup(const Common& c, const std::string& to);

}  // namespace lj::cli
