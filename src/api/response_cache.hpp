// A small LRU cache of rendered list responses, valid for one change generation of the data
// (Store::change_generation). A request first reads the generation, then looks up its key: an
// entry made under the same generation holds exactly what the query would answer now, on any
// server, since every change anywhere raises the generation. Keys must include everything the
// response depends on: the caller's scope, what the role may see, and the query.
// Thread-safe.
#pragma once

#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace lj::api {

class ResponseCache {
 public:
  ResponseCache(size_t max_entries, size_t max_body_bytes)
      : max_entries_(max_entries), max_body_bytes_(max_body_bytes) {}

  std::optional<std::string> get(const std::string& key, int64_t generation);
  void put(const std::string& key, int64_t generation, const std::string& body);

  struct Stats {
    int64_t hits = 0;
    int64_t misses = 0;
    size_t entries = 0;
  };
  Stats stats() const;

 private:
  struct Entry {
    int64_t generation;
    std::string body;
    std::list<std::string>::iterator lru;
  };
  size_t max_entries_;
  size_t max_body_bytes_;
  mutable std::mutex mu_;
  std::list<std::string> lru_;  // most recently used first
  std::unordered_map<std::string, Entry> entries_;
  int64_t hits_ = 0;
  int64_t misses_ = 0;
};

}  // namespace lj::api
