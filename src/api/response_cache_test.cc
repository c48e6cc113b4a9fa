#include "api/response_cache.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

namespace sitrep::api {
namespace {

std::shared_ptr<const CachedResponse> Make(std::string body) {
  auto r = std::make_shared<CachedResponse>();
  r->content_type = "application/json";
  r->body = std::move(body);
  return r;
}

TEST(ResponseCacheTest, HitsAtTheSameGenerationOnly) {
  ResponseCache cache(1 << 20);
  uint64_t g = cache.generation();
  EXPECT_EQ(cache.Find("a", g), nullptr);
  cache.Insert("a", g, Make("{\"x\":1}"));
  auto hit = cache.Find("a", g);
  ASSERT_NE(hit, nullptr);
  EXPECT_EQ(hit->body, "{\"x\":1}");
  EXPECT_EQ(cache.Find("b", g), nullptr);

  cache.Invalidate();
  EXPECT_NE(cache.generation(), g);
  EXPECT_EQ(cache.Find("a", cache.generation()), nullptr);
}

TEST(ResponseCacheTest, RefusesAnswersComputedBeforeAnInvalidation) {
  ResponseCache cache(1 << 20);
  uint64_t before = cache.generation();
  cache.Invalidate();  // an ingest finished while the answer was computed
  cache.Insert("a", before, Make("stale"));
  EXPECT_EQ(cache.Find("a", before), nullptr);
  EXPECT_EQ(cache.Find("a", cache.generation()), nullptr);
  EXPECT_EQ(cache.entries(), 0u);
}

TEST(ResponseCacheTest, StaysWithinItsByteBound) {
  const size_t bound = 10000;
  ResponseCache cache(bound);
  uint64_t g = cache.generation();
  for (int i = 0; i < 100; ++i) {
    cache.Insert("key" + std::to_string(i), g, Make(std::string(900, 'x')));
    EXPECT_LE(cache.bytes(), bound);
  }
  EXPECT_GT(cache.entries(), 0u);
  // One response larger than the whole bound is not kept.
  cache.Insert("huge", g, Make(std::string(bound + 1, 'y')));
  EXPECT_EQ(cache.Find("huge", g), nullptr);
}

TEST(ResponseCacheTest, DropsStaleEntriesAsNewOnesComeIn) {
  ResponseCache cache(4000);
  uint64_t g = cache.generation();
  for (int i = 0; i < 3; ++i)
    cache.Insert("old" + std::to_string(i), g, Make(std::string(500, 'o')));
  cache.Invalidate();
  uint64_t g2 = cache.generation();
  cache.Insert("new", g2, Make(std::string(500, 'n')));
  EXPECT_EQ(cache.entries(), 1u);
  EXPECT_NE(cache.Find("new", g2), nullptr);
}

TEST(ResponseCacheTest, ReplacingAKeyKeepsTheByteCountRight) {
  ResponseCache cache(1 << 20);
  uint64_t g = cache.generation();
  cache.Insert("a", g, Make(std::string(100, 'a')));
  size_t one = cache.bytes();
  cache.Insert("a", g, Make(std::string(100, 'b')));
  EXPECT_EQ(cache.bytes(), one);
  EXPECT_EQ(cache.Find("a", g)->body, std::string(100, 'b'));
}

TEST(ResponseCacheTest, ConcurrentReadersWritersAndInvalidations) {
  ResponseCache cache(64 * 1024);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&cache, t] {
      for (int i = 0; i < 2000; ++i) {
        std::string key = "k" + std::to_string((i * 7 + t) % 50);
        uint64_t g = cache.generation();
        auto hit = cache.Find(key, g);
        if (hit) {
          EXPECT_EQ(hit->body, key);
        } else {
          cache.Insert(key, g, Make(key));
        }
        if (t == 0 && i % 100 == 0) cache.Invalidate();
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_LE(cache.bytes(), 64u * 1024u);
}

}  // namespace
}  // namespace sitrep::api
