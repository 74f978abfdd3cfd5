// The case procedure's scheduled work (cases/schedule.hpp) for `lijian serve`'s housekeeping
// thread: one call per round.
#pragma once

#include "store/store.hpp"

namespace lj::cli {

// Loads the procedure, calendar and integrity rules from the data directory found as
// refdata::data_dir() finds it ($LIJIAN_DATA_DIR, beside the binary, ./data), runs the schedule
// as the system and logs what it changed. Failures are logged, never thrown: the next round
// tries again. Safe on several servers at once.
void run_case_housekeeping(Store& store);

}  // namespace lj::cli
