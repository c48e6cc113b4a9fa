// HTTP query parameters: the query string decoded into name/value pairs,
// and each value parsed into the type an endpoint needs (a date, a window of
// days, a place kind, a number, a name), with a Status that names the
// parameter and the offending text when it is wrong.
//
// Everything here is pure: no I/O, no allocation beyond the values returned,
// and every input is treated as hostile (it is fuzzed by http_params_fuzz).
// Limits are ParamLimits fields with documented defaults.
//
// Errors: kBadDate for dates, kTooLarge for an over-long query, and
// kInvalidArgument for everything else. Status::input() is "name=value"
// (the value cut to ParamLimits::max_echo_bytes), so a 400 response can
// show the user exactly what was refused.
//
// Thread-safety: functions are reentrant; a QueryParams is a value.
#ifndef SITREP_API_HTTP_PARAMS_H_
#define SITREP_API_HTTP_PARAMS_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sitrep/date.h"
#include "sitrep/model.h"
#include "sitrep/status.h"
#include "sitrep/store.h"

namespace sitrep::api {

struct ParamLimits {
  // A query string longer than this is refused whole (kTooLarge).
  size_t max_query_bytes = 8192;
  // More name=value pairs than this are refused.
  size_t max_params = 32;
  // A free-text value (place, actor, holder, q) longer than this is refused.
  size_t max_text_bytes = 256;
  // The longest window a query may ask for ("8d", "2w"), in days.
  int max_window_days = 36600;
  // The largest `limit` a query may ask for.
  int64_t max_limit = 100000;
  // The largest radius a query may ask for, in kilometres (half the equator).
  double max_radius_km = 20040;
  // How much of a refused value is echoed back in Status::input().
  size_t max_echo_bytes = 120;
};

// A decoded query string: name/value pairs in the order given.
class QueryParams {
 public:
  QueryParams() = default;

  // Parses "a=1&b=x%20y": '&' separates pairs, '+' is a space, %XX escapes
  // are decoded; a pair with no '=' has an empty value; empty pairs ("a=1&&b=2")
  // are skipped. Names and values must decode to valid UTF-8 without control
  // characters, and a name may be given only once.
  static Result<QueryParams> Parse(std::string_view query, const ParamLimits& limits = {});

  // The value of `name`, or nullopt when absent. An empty value ("since=")
  // counts as absent, as HTML forms send empty fields.
  std::optional<std::string_view> Get(std::string_view name) const;
  bool Has(std::string_view name) const { return Get(name).has_value(); }

  // Refuses any parameter not named in `allowed`, so that a misspelt filter
  // ("sinse=") is an error rather than a silently different answer.
  Status CheckAllowed(std::initializer_list<std::string_view> allowed) const;

  // The pairs sorted by name and re-encoded: equal queries give equal
  // strings whatever their order or escaping (a cache key).
  std::string Canonical() const;

  const std::vector<std::pair<std::string, std::string>>& items() const { return items_; }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

// Percent-decodes one path segment ("%2F" stays a byte of the segment).
// Refuses bad escapes, invalid UTF-8 and control characters.
Result<std::string> DecodePathSegment(std::string_view segment);

// True if `text` is valid UTF-8 (no overlongs, no surrogates, <= U+10FFFF).
bool IsValidUtf8(std::string_view text);

// "YYYY-MM-DD".
Result<Date> ParseDateParam(std::string_view name, std::string_view value);

// A window of days: "8d", "2w" (14 days) or a bare number of days ("8").
// Must be between 1 and `max_days`. Months and years are refused: they are
// not a fixed number of days, so the caller must say what they mean.
Result<int> ParseWindowParam(std::string_view name, std::string_view value, int max_days);

// A decimal integer in [min, max]; no sign for min >= 0, no spaces, no
// leading '+'.
Result<int64_t> ParseIntParam(std::string_view name, std::string_view value, int64_t min,
                              int64_t max);

// A distance in kilometres: "50", "12.5", "50km". Must be in [0, max_km].
Result<double> ParseDistanceKmParam(std::string_view name, std::string_view value, double max_km);

// A place kind by its name (PlaceKindName: "provincial-capital", ...);
// case-insensitive, '_' taken for '-'.
Result<PlaceKind> ParseKindParam(std::string_view name, std::string_view value);

// A claim status by its name ("reported", "attributed", "claimed", "denied").
Result<ClaimStatus> ParseClaimParam(std::string_view name, std::string_view value);

// A CAMEO code or code prefix: 2 to 4 ASCII digits ("19", "192", "0874").
Result<std::string> ParseFamilyParam(std::string_view name, std::string_view value);

// A free-text name (a place, an actor, a search): surrounding spaces
// trimmed, non-empty, at most `max_bytes`.
Result<std::string> ParseTextParam(std::string_view name, std::string_view value, size_t max_bytes);

// "true"/"false"/"1"/"0"/"yes"/"no".
Result<bool> ParseBoolParam(std::string_view name, std::string_view value);

enum class OutputFormat : uint8_t { kJson, kJsonl, kGeoJson, kCsv };
std::string_view OutputFormatName(OutputFormat format);  // "json", "jsonl", "geojson", "csv"
// One of `allowed`, by name.
Result<OutputFormat> ParseFormatParam(std::string_view name, std::string_view value,
                                      std::initializer_list<OutputFormat> allowed);

// The filters of GET /api/events (the command line's): since, until, place,
// actor, family, claim, min_corroboration, limit. `limit` defaults to
// `default_limit` and may not exceed limits.max_limit; since <= until.
Result<EventFilter> ParseEventFilter(const QueryParams& params, const ParamLimits& limits,
                                     size_t default_limit);

}  // namespace sitrep::api

#endif  // SITREP_API_HTTP_PARAMS_H_
