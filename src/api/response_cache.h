// ResponseCache: serialized API responses kept in memory, keyed by the
// request (endpoint and canonical parameters) and the store generation.
//
// A response is valid only for the generation it was computed at; bumping
// the generation (after an ingest, or when the store is seen to change)
// makes every older entry a miss, and such entries are dropped as new ones
// come in. The total size is bounded by `max_bytes`: when an insert would
// go over, the cache is emptied first (simple, and a full rebuild is what
// happens after every ingest anyway).
//
// Thread-safety: all methods may be called concurrently; lookups share a
// lock, inserts take it exclusively.
#ifndef SITREP_API_RESPONSE_CACHE_H_
#define SITREP_API_RESPONSE_CACHE_H_

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <unordered_map>

namespace sitrep::api {

struct CachedResponse {
  int status = 200;
  std::string content_type;
  std::string body;
};

class ResponseCache {
 public:
  // REQUIRES: max_bytes > 0.
  explicit ResponseCache(size_t max_bytes) : max_bytes_(max_bytes) {}

  uint64_t generation() const { return generation_.load(std::memory_order_acquire); }
  // Makes every cached response stale.
  void Invalidate() { generation_.fetch_add(1, std::memory_order_acq_rel); }

  // The response cached for `key` at `generation`, or null.
  std::shared_ptr<const CachedResponse> Find(const std::string& key, uint64_t generation) const;
  // Caches `response` for `key` as computed at `generation` (ignored if the
  // generation has moved on meanwhile, or if it alone exceeds the bound).
  void Insert(const std::string& key, uint64_t generation,
              std::shared_ptr<const CachedResponse> response);

  size_t bytes() const;
  size_t entries() const;

 private:
  struct Entry {
    uint64_t generation = 0;
    std::shared_ptr<const CachedResponse> response;
  };

  const size_t max_bytes_;
  std::atomic<uint64_t> generation_{1};
  mutable std::shared_mutex mu_;
  std::unordered_map<std::string, Entry> entries_;
  size_t bytes_ = 0;
};

}  // namespace sitrep::api

#endif  // SITREP_API_RESPONSE_CACHE_H_
