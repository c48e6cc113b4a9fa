#include "api/response_cache.h"

#include <mutex>

namespace sitrep::api {

namespace {
size_t SizeOf(const std::string& key, const CachedResponse& r) {
  return key.size() + r.body.size() + r.content_type.size() + 64;
}
}  // namespace

std::shared_ptr<const CachedResponse> ResponseCache::Find(const std::string& key,
                                                          uint64_t generation) const {
  std::shared_lock lock(mu_);
  auto it = entries_.find(key);
  if (it == entries_.end() || it->second.generation != generation) return nullptr;
  return it->second.response;
}

void ResponseCache::Insert(const std::string& key, uint64_t generation,
                           std::shared_ptr<const CachedResponse> response) {
  if (!response) return;
  size_t size = SizeOf(key, *response);
  if (size > max_bytes_) return;
  std::unique_lock lock(mu_);
  uint64_t current = generation_.load(std::memory_order_acquire);
  if (generation != current) return;  // computed from data that has changed since
  // Drop entries of older generations before growing.
  if (bytes_ + size > max_bytes_ / 2) {
    for (auto it = entries_.begin(); it != entries_.end();) {
      if (it->second.generation != current) {
        bytes_ -= SizeOf(it->first, *it->second.response);
        it = entries_.erase(it);
      } else {
        ++it;
      }
    }
  }
  if (bytes_ + size > max_bytes_) {
    entries_.clear();
    bytes_ = 0;
  }
  auto [it, inserted] = entries_.try_emplace(key);
  if (!inserted) bytes_ -= SizeOf(it->first, *it->second.response);
  it->second = Entry{generation, std::move(response)};
  bytes_ += size;
}

size_t ResponseCache::bytes() const {
  std::shared_lock lock(mu_);
  return bytes_;
}

size_t ResponseCache::entries() const {
  std::shared_lock lock(mu_);
  return entries_.size();
}

}  // namespace sitrep::api
