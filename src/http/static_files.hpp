// Serves the built web app (Vite output) from a directory, with SPA fallback to index.html.
// No Boost here.
#pragma once

#include <filesystem>
#include <string>

#include "http/types.hpp"

namespace lj::http {

class StaticFiles {
 public:
  // `root` must name a directory; it is canonicalised once here.
  explicit StaticFiles(const std::string& root);

  // Whether a request goes to the static files rather than the handler: GET or HEAD on a path
  // outside /api/ that is neither /metrics nor /healthz.
  static bool applies(const std::string& method, const std::string& path);

  // Answers a request for which applies() holds. Never escapes the root: a path with a ".."
  // segment, or one resolving (through symlinks) outside the root, is a 404. A missing path
  // without an extension gets index.html (client-side routing); one with an extension is a 404.
  // Files under /assets/ are cached forever, others revalidated (ETag, If-None-Match → 304).
  // The body is filled for HEAD too; the caller drops it. Reads the file: call off I/O threads.
  // Thread-safe.
  Response serve(const Request& request) const;

 private:
  Response serve_file(const std::filesystem::path& file, const std::string& cache_control,
                      const Request& request) const;

  std::filesystem::path root_;
};

// The Content-Type for a file name, by extension; application/octet-stream when unknown.
std::string content_type_for(const std::string& filename);

}  // namespace lj::http
