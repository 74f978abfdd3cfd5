// Where Lijian's reference data lives (data/ of the repository: campaign JSON files and the
// npm-installed division tables under node_modules/).
#pragma once

#include <string>

#include "core/status.hpp"

namespace lj::refdata {

// The marker file a data directory must contain.
inline constexpr const char* kDataMarker = "campaign-2018.json";

// Returns the first of these directories that contains kDataMarker: `override_dir` (when not
// empty), $LIJIAN_DATA_DIR, <directory of the executable>/../data, <directory of the
// executable>/data, ./data. An explicit override or $LIJIAN_DATA_DIR that lacks the marker is
// still only one candidate among the others. kNotFound names every directory tried.
Result<std::string> data_dir(const std::string& override_dir = "");

}  // namespace lj::refdata
