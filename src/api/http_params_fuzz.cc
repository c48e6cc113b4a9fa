// Fuzz target: any bytes as a query string, through every parameter parser.
// Besides not crashing, it checks that the canonical form of a query parses
// back to itself (the response cache relies on it).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "api/http_params.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace sitrep::api;  // NOLINT(google-build-using-namespace)
  std::string_view input(reinterpret_cast<const char*>(data), size);
  (void)DecodePathSegment(input);
  auto params = QueryParams::Parse(input);
  if (!params.ok()) return 0;

  std::string canonical = params->Canonical();
  auto again = QueryParams::Parse(canonical);
  if (!again.ok() || again->Canonical() != canonical) std::abort();

  ParamLimits limits;
  (void)ParseEventFilter(*params, limits, 1000);
  (void)params->CheckAllowed({"as_of", "window", "kind"});
  for (const auto& [name, value] : params->items()) {
    (void)ParseDateParam(name, value);
    (void)ParseWindowParam(name, value, limits.max_window_days);
    (void)ParseIntParam(name, value, -1000, 1000);
    (void)ParseDistanceKmParam(name, value, limits.max_radius_km);
    (void)ParseKindParam(name, value);
    (void)ParseClaimParam(name, value);
    (void)ParseFamilyParam(name, value);
    (void)ParseTextParam(name, value, limits.max_text_bytes);
    (void)ParseBoolParam(name, value);
    (void)ParseFormatParam(name, value, {OutputFormat::kJson, OutputFormat::kCsv});
    auto text = ParseTextParam(name, value, limits.max_text_bytes);
    if (text.ok() && !IsValidUtf8(*text)) std::abort();
  }
  return 0;
}
