// Attachment bytes on disk, addressed by their sha256: DIR/ab/cd/abcd…; identical content is
// stored once. Writes go to a temporary file first and are renamed into place, so a crash never
// leaves a partial file under a content address. For several servers, DIR is a shared mount.
#pragma once

#include <string>

#include "core/status.hpp"

namespace lj {

class AttachmentFiles {
 public:
  explicit AttachmentFiles(std::string dir) : dir_(std::move(dir)) {}
  // Stores `bytes`; returns their sha256 (hex).
  Result<std::string> put(const std::string& bytes);
  Result<std::string> get(const std::string& sha256) const;
  std::string path_of(const std::string& sha256) const;

 private:
  std::string dir_;
};

}  // namespace lj
