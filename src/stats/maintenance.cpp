#include "stats/maintenance.hpp"

#include <spdlog/spdlog.h>

#include "store/sql/stats_repo.hpp"

namespace lj::stats {

void rebuild_if_pending(Store& store) {
  StatsRepo repo(store.sql());
  auto pending = repo.rebuild_pending();
  if (!pending.ok()) {
    spdlog::warn("statistics: cannot read the roll-up state: {}", pending.status().to_string());
    return;
  }
  if (!*pending) return;
  auto r = repo.rebuild(Actor::system("housekeeping"));
  if (!r.ok()) {
    spdlog::warn("statistics: rebuilding the roll-ups failed: {}", r.status().to_string());
    return;
  }
  spdlog::info("statistics: roll-ups built ({} lead rows, {} cases)", r->lead_rows, r->case_rows);
}

}  // namespace lj::stats
