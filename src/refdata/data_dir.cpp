#include "refdata/data_dir.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <vector>

namespace lj::refdata {
namespace fs = std::filesystem;

Result<std::string> data_dir(const std::string& override_dir) {
  std::vector<fs::path> candidates;
  if (!override_dir.empty()) candidates.emplace_back(override_dir);
  if (const char* env = std::getenv("LIJIAN_DATA_DIR"); env != nullptr && *env != '\0') {
    candidates.emplace_back(env);
  }
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    candidates.push_back(exe.parent_path().parent_path() / "data");
    candidates.push_back(exe.parent_path() / "data");
  }
  candidates.emplace_back("data");

  std::string tried;
  for (const fs::path& dir : candidates) {
    std::error_code exists_ec;
    if (fs::is_regular_file(dir / kDataMarker, exists_ec)) {
      return dir.lexically_normal().string();
    }
    if (!tried.empty()) tried += ", ";
    tried += dir.string();
  }
  return Status::NotFound(std::string("no data directory with ") + kDataMarker +
                          " (set LIJIAN_DATA_DIR or --data-dir); tried: " + tried);
}

}  // namespace lj::refdata
