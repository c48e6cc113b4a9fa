// Fuzz target: whole requests through Api::Handle (routing, token, query
// parameters, every endpoint, report bodies) over the small test world.
//
// Input: "METHOD TARGET\nAUTHORIZATION\nCONTENT-TYPE\nBODY...". Besides not
// crashing, it checks that every answer is complete, that every JSON answer
// is valid JSON without a raw '<', '>' or '&', and that errors have the
// documented shape.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "api/api.h"
#include "api/api_test_world.h"

namespace {

using sitrep::api::Api;
using sitrep::api::ApiOptions;
using sitrep::api::ApiRequest;
using sitrep::api::ApiResponse;
using sitrep::api::testing::MemoryWorld;

struct Harness {
  std::unique_ptr<MemoryWorld> world;
  std::unique_ptr<Api> api;
};

// The world grows with every report the fuzzer posts: start afresh now and then.
constexpr int64_t kMaxReports = 200;

Harness& Get() {
  static Harness h;
  if (h.world) {
    auto stats = h.world->store->Stats();
    if (stats.ok() && stats->reports < kMaxReports) return h;
  }
  h.api.reset();
  auto world = MemoryWorld::Make();
  if (!world.ok()) std::abort();
  h.world = std::move(world).value();
  ApiOptions options;
  options.token = "fuzz-token-0123456789abcdef";
  h.api = std::make_unique<Api>(h.world->context(), options);
  return h;
}

std::string_view NextLine(std::string_view* in) {
  size_t nl = in->find('\n');
  std::string_view line = in->substr(0, nl);
  *in = nl == std::string_view::npos ? std::string_view() : in->substr(nl + 1);
  return line;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  std::string_view request_line = NextLine(&in);
  std::string_view authorization = NextLine(&in);
  std::string_view content_type = NextLine(&in);
  size_t space = request_line.find(' ');
  std::string_view method = request_line.substr(0, space);
  std::string_view target =
      space == std::string_view::npos ? std::string_view("/") : request_line.substr(space + 1);

  Harness& h = Get();
  ApiResponse r = h.api->Handle(ApiRequest{method, target, authorization, content_type, in});
  if (r.status < 200 || r.status > 599 || !r.body) std::abort();
  const std::string& body = *r.body;
  const bool json =
      r.content_type == "application/json" || r.content_type == "application/geo+json";
  if (json || r.content_type == "application/x-ndjson") {
    if (body.find_first_of("<>&") != std::string::npos) std::abort();
  }
  if (json) {
    auto parsed = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (parsed.is_discarded()) std::abort();
    if (r.status >= 400) {
      if (!parsed.contains("error") || !parsed["error"].contains("kind") ||
          !parsed["error"]["kind"].is_string() || !parsed["error"].contains("message")) {
        std::abort();
      }
    }
  }
  return 0;
}
