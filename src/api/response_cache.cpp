#include "api/response_cache.hpp"

namespace lj::api {

std::optional<std::string> ResponseCache::get(const std::string& key, int64_t generation) {
  std::lock_guard lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.generation != generation) {
    ++misses_;
    return std::nullopt;
  }
  ++hits_;
  lru_.splice(lru_.begin(), lru_, it->second.lru);
  return it->second.body;
}

void ResponseCache::put(const std::string& key, int64_t generation, const std::string& body) {
  if (max_entries_ == 0 || body.size() > max_body_bytes_) return;
  std::lock_guard lock(mu_);
  auto it = entries_.find(key);
  if (it != entries_.end()) {
    // Never replace a newer generation's entry with an older one (a slow request finishing late).
    if (it->second.generation > generation) return;
    it->second.generation = generation;
    it->second.body = body;
    lru_.splice(lru_.begin(), lru_, it->second.lru);
    return;
  }
  lru_.push_front(key);
  entries_.emplace(key, Entry{generation, body, lru_.begin()});
  while (entries_.size() > max_entries_) {
    entries_.erase(lru_.back());
    lru_.pop_back();
  }
}

ResponseCache::Stats ResponseCache::stats() const {
  std::lock_guard lock(mu_);
  return Stats{hits_, misses_, entries_.size()};
}

}  // namespace lj::api
