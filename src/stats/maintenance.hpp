// Periodic work of the statistics, called from the server's housekeeping thread.
#pragma once

#include "store/store.hpp"

namespace lj::stats {

// Builds the roll-ups once when migration 15 found existing data (stats_state
// 'rebuild_pending'); otherwise does nothing. Logs and swallows errors (the next round retries).
void rebuild_if_pending(Store& store);

}  // namespace lj::stats
