#include "cli/case_schedule.hpp"

#include <spdlog/spdlog.h>

#include "cases/schedule.hpp"

namespace lj::cli {

void run_case_housekeeping(Store& store, const std::string& data_dir) {
  auto procedure = cases::Procedure::load(data_dir);
  auto calendar = calendar::WorkCalendar::load(data_dir);
  auto rules = cases::IntegrityRules::load(data_dir);
  if (!procedure.ok() || !calendar.ok() || !rules.ok()) {
    spdlog::warn("case schedule skipped: {} {} {}", procedure.status().to_string(),
                 calendar.status().to_string(), rules.status().to_string());
    return;
  }
  auto run =
      cases::run_schedule(store.sql(), *procedure, *calendar, *rules, Actor::system("schedule"));
  if (!run.ok()) {
    spdlog::warn("case schedule failed: {}", run.status().to_string());
    return;
  }
  if (run->raised || run->resolved || run->escalated || run->listings_removed)
    spdlog::info("case schedule: {}", cases::to_json(*run).dump());
}

}  // namespace lj::cli
