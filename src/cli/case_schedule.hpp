// The case procedure's scheduled work (cases/schedule.hpp) for `lijian serve`'s housekeeping
// thread: one call per round.
#pragma once

#include <string>

#include "store/store.hpp"

namespace lj::cli {

// Loads the procedure, calendar and integrity rules from `data_dir` (the server's, as its
// --data-dir chose it), runs the schedule as the system and logs what it changed. Failures are
// logged, never thrown: the next round tries again. Safe on several servers at once.
void run_case_housekeeping(Store& store, const std::string& data_dir);

}  // namespace lj::cli
