#include "store/attachment_files.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "core/crypto.hpp"

namespace lj {

namespace fs = std::filesystem;

std::string AttachmentFiles::path_of(const std::string& sha) const {
  return dir_ + "/" + sha.substr(0, 2) + "/" + sha.substr(2, 2) + "/" + sha;
}

Result<std::string> AttachmentFiles::put(const std::string& bytes) {
  const std::string sha = sha256_hex(bytes);
  const std::string path = path_of(sha);
  std::error_code ec;
  if (fs::exists(path, ec)) return sha;
  fs::create_directories(fs::path(path).parent_path(), ec);
  if (ec) return Status::Internal("cannot create attachment folder: " + ec.message());
  const std::string tmp = path + ".tmp" + std::to_string(::getpid()) + random_token(6);
  {
    std::ofstream out(tmp, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) {
      fs::remove(tmp, ec);
      return Status::Internal("cannot write attachment " + tmp);
    }
  }
  fs::rename(tmp, path, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return Status::Internal("cannot store attachment: " + ec.message());
  }
  return sha;
}

Result<std::string> AttachmentFiles::get(const std::string& sha) const {
  if (sha.size() != 64 || sha.find_first_not_of("0123456789abcdef") != std::string::npos)
    return Status::NotFound("no attachment content " + sha);
  std::ifstream in(path_of(sha), std::ios::binary);
  if (!in) return Status::NotFound("attachment content " + sha + " is missing from the store");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace lj
