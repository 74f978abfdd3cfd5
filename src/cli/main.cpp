// lijian — the command line of CONTRACTS.md.
#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "cli/calendar_command.hpp"
#include "cli/check_uscc_command.hpp"
#include "cli/classify_command.hpp"
#include "cli/commands.hpp"
#include "cli/deadlines_command.hpp"
#include "cli/evaluate_command.hpp"
#include "cli/flags_command.hpp"
#include "cli/geocode_command.hpp"
#include "cli/import_command.hpp"
#include "cli/report_command.hpp"
#include "cli/mask_command.hpp"
#include "cli/resolve_command.hpp"
#include "cli/screen_command.hpp"
#include "cli/stats_command.hpp"
#include "cli/train_command.hpp"

int main(int argc, char** argv) {
  using namespace lj::cli;
  // Logs go to stderr; stdout carries only command output (JSON, NDJSON, summaries).
  spdlog::set_default_logger(spdlog::stderr_color_mt("lijian"));
  CLI::App app{"Lijian (利剑): market-regulation enforcement campaigns"};
  app.require_subcommand(1);
  Common common;
  auto add_common = [&](CLI::App* sub) { add_common_options(sub, common); };

  ServeOptions serve;
  auto* s = app.add_subcommand("serve", "run the HTTP server (API under /api/v1, web app at /)");
  add_common(s);
  s->add_option("--listen", serve.listen, "HOST:PORT to listen on")->capture_default_str();
  s->add_option("--static-dir", serve.static_dir, "folder of the built web app");
  s->add_option("--attachments-dir", serve.attachments_dir, "folder of attachment files (shared by all servers)");
  s->add_option("--import-dir", serve.import_dir,
                "folder where uploaded import files wait for their job (local to this server)");
  s->add_option("--import-max-mib", serve.import_max_mib, "the largest import upload, in MiB")
      ->capture_default_str();
  s->add_option("--assistance-answer-days", serve.assistance_answer_days,
                "working days to answer an assistance request (协查) that names no period (RULES.md)")
      ->check(CLI::Range(1, 90))
      ->capture_default_str();
  s->add_option("--threads", serve.threads, "I/O threads (default: one per core)");
  s->add_option("--workers", serve.workers, "handler threads for database work (default: two per core)");
  s->add_flag("--secure-cookie", serve.secure_cookie, "mark the session cookie Secure (when served over HTTPS)");
  s->add_option("--trusted-proxy", serve.trusted_proxies,
                "address of a load balancer whose X-Forwarded-For is believed (repeatable)");

  auto* m = app.add_subcommand("migrate", "apply pending schema migrations and load the reference data");
  add_common(m);

  DemoOptions demo;
  auto* d = app.add_subcommand("demo", "load reference data and the demo data set; prints the demo accounts");
  add_common(d);
  d->add_option("--leads", demo.leads, "number of demo leads")->capture_default_str();
  d->add_option("--enterprises", demo.enterprises, "number of demo enterprises")->capture_default_str();
  d->add_option("--attachments-dir", demo.attachments_dir,
                "folder of attachment files for the documents the demo keeps (default: as serve's)");

  auto* user = app.add_subcommand("user", "manage users");
  user->require_subcommand(1);
  UserAddOptions ua;
  auto* add = user->add_subcommand("add", "create a user");
  add_common(add);
  add->add_option("--username", ua.username, "login name")->required();
  add->add_option("--password", ua.password, "password (10+ characters, three character classes)")->required();
  add->add_option("--unit", ua.unit, "6-digit GB/T 2260 code of the user's unit")->required();
  add->add_option("--role", ua.role, "admin, leader, officer or analyst")
      ->required()
      ->check(CLI::IsMember({"admin", "leader", "officer", "analyst"}));
  add->add_option("--display-name", ua.display_name, "name shown in the application");

  auto* audit = app.add_subcommand("audit", "the tamper-evident audit log");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", "check the hash chain; exit 1 at the first broken entry");
  add_common(verify);

  std::string backup_to;
  auto* b = app.add_subcommand("backup", "write a consistent copy of the database while it runs");
  add_common(b);
  b->add_option("--to", backup_to, "file to write")->required();

  int callback_exit = -1;  // set by subcommands that run in their own CLI11 callback
  add_calendar_command(app, callback_exit);
  add_check_uscc_command(app, callback_exit);
  add_deadlines_command(app, callback_exit);
  add_evaluate_command(app, callback_exit);
  add_flags_command(app, callback_exit);
  add_geocode_command(app, callback_exit);
  add_import_command(app, callback_exit);
  add_screen_command(app, callback_exit);
  add_stats_command(app, callback_exit);
  add_classify_command(app, callback_exit);
  add_train_command(app, callback_exit);
  add_resolve_command(app, callback_exit);
  add_report_command(app, callback_exit);
  add_mask_command(app, callback_exit);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int rc = app.exit(e);
    return rc == 0 ? 0 : 2;
  }
  if (callback_exit >= 0) return callback_exit;
  if (s->parsed()) return run_serve(common, serve);
  if (m->parsed()) return run_migrate(common);
  if (d->parsed()) return run_demo(common, demo);
  if (add->parsed()) return run_user_add(common, ua);
  if (verify->parsed()) return run_audit_verify(common);
  if (b->parsed()) return run_backup(common, backup_to);
  return 2;
}
