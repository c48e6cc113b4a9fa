#include "api/http_params.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <system_error>

namespace sitrep::api {

namespace {

// "name=value" with the value cut short, for Status::input().
std::string Echo(std::string_view name, std::string_view value, size_t max_bytes) {
  std::string out(name);
  out += '=';
  if (value.size() <= max_bytes) {
    out += value;
  } else {
    // Cut at a character boundary so the echo stays valid UTF-8.
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) --cut;
    out += value.substr(0, cut);
    out += "...";
  }
  return out;
}

constexpr size_t kDefaultEcho = ParamLimits{}.max_echo_bytes;

Status Invalid(std::string_view name, std::string_view value, std::string message) {
  return Status(ErrorKind::kInvalidArgument, std::string(name) + ": " + message,
                Echo(name, value, kDefaultEcho));
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool HasControlChars(std::string_view s) {
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) return true;
  }
  return false;
}

// Decodes %XX escapes (and '+' as space when plus_is_space). The message
// names what went wrong; `what` says which part of the URL it was.
Result<std::string> PercentDecode(std::string_view in, bool plus_is_space, std::string_view what) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '%') {
      int hi = i + 2 < in.size() ? HexValue(in[i + 1]) : -1;
      int lo = i + 2 < in.size() ? HexValue(in[i + 2]) : -1;
      if (hi < 0 || lo < 0) {
        return Status(ErrorKind::kInvalidArgument,
                      std::string(what) + ": a '%' escape must be followed by two hex digits",
                      std::string(in.substr(0, std::min(in.size(), kDefaultEcho))));
      }
      out += static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      out += ' ';
    } else {
      out += c;
    }
  }
  if (!IsValidUtf8(out) || HasControlChars(out)) {
    return Status(ErrorKind::kInvalidArgument,
                  std::string(what) + ": not valid UTF-8 text (or has control characters)",
                  std::string(in.substr(0, std::min(in.size(), kDefaultEcho))));
  }
  return out;
}

void PercentEncode(std::string_view in, std::string* out) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char c : in) {
    auto u = static_cast<unsigned char>(c);
    bool plain = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                 u == '-' || u == '_' || u == '.' || u == '~';
    if (plain) {
      *out += c;
    } else {
      *out += '%';
      *out += kHex[u >> 4];
      *out += kHex[u & 15];
    }
  }
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len = 0;
    uint32_t cp = 0;
    if ((c & 0xE0) == 0xC0) {
      len = 2;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (size_t k = 1; k < len; ++k) {
      auto cc = static_cast<unsigned char>(text[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) {
      return false;  // overlong
    }
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

Result<QueryParams> QueryParams::Parse(std::string_view query, const ParamLimits& limits) {
  if (query.size() > limits.max_query_bytes) {
    return Status(ErrorKind::kTooLarge,
                  "query string longer than " + std::to_string(limits.max_query_bytes) + " bytes",
                  std::string(query.substr(0, limits.max_echo_bytes)) + "...");
  }
  QueryParams params;
  size_t pos = 0;
  while (pos <= query.size()) {
    size_t amp = query.find('&', pos);
    if (amp == std::string_view::npos) amp = query.size();
    std::string_view pair = query.substr(pos, amp - pos);
    pos = amp + 1;
    if (pair.empty()) continue;
    if (params.items_.size() >= limits.max_params) {
      return Status(ErrorKind::kInvalidArgument,
                    "more than " + std::to_string(limits.max_params) + " query parameters",
                    std::string(pair.substr(0, limits.max_echo_bytes)));
    }
    size_t eq = pair.find('=');
    std::string_view raw_name = pair.substr(0, eq);
    std::string_view raw_value =
        eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1);
    SITREP_ASSIGN_OR_RETURN(std::string name, PercentDecode(raw_name, true, "parameter name"));
    SITREP_ASSIGN_OR_RETURN(std::string value,
                            PercentDecode(raw_value, true, "value of parameter"));
    if (name.empty()) {
      return Status(ErrorKind::kInvalidArgument, "a query parameter has no name",
                    Echo(name, value, limits.max_echo_bytes));
    }
    for (const auto& [n, v] : params.items_) {
      if (n == name) {
        return Status(ErrorKind::kInvalidArgument, name + ": parameter given more than once",
                      Echo(name, value, limits.max_echo_bytes));
      }
    }
    params.items_.emplace_back(std::move(name), std::move(value));
  }
  return params;
}

std::optional<std::string_view> QueryParams::Get(std::string_view name) const {
  for (const auto& [n, v] : items_) {
    if (n == name) {
      if (v.empty()) return std::nullopt;
      return std::string_view(v);
    }
  }
  return std::nullopt;
}

Status QueryParams::CheckAllowed(std::initializer_list<std::string_view> allowed) const {
  for (const auto& [n, v] : items_) {
    if (std::find(allowed.begin(), allowed.end(), std::string_view(n)) == allowed.end()) {
      std::string known;
      for (std::string_view a : allowed) {
        if (!known.empty()) known += ", ";
        known += a;
      }
      return Status(ErrorKind::kInvalidArgument,
                    n + ": unknown parameter (this endpoint takes: " +
                        (known.empty() ? std::string("none") : known) + ")",
                    Echo(n, v, kDefaultEcho));
    }
  }
  return Status::Ok();
}

std::string QueryParams::Canonical() const {
  std::vector<const std::pair<std::string, std::string>*> sorted;
  sorted.reserve(items_.size());
  for (const auto& item : items_) {
    if (!item.second.empty()) sorted.push_back(&item);
  }
  std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->first < b->first; });
  std::string out;
  for (const auto* item : sorted) {
    if (!out.empty()) out += '&';
    PercentEncode(item->first, &out);
    out += '=';
    PercentEncode(item->second, &out);
  }
  return out;
}

Result<std::string> DecodePathSegment(std::string_view segment) {
  return PercentDecode(segment, false, "path");
}

Result<Date> ParseDateParam(std::string_view name, std::string_view value) {
  Result<Date> date = Date::Parse(value);
  if (!date.ok()) {
    return Status(ErrorKind::kBadDate, std::string(name) + ": " + date.status().message(),
                  Echo(name, value, kDefaultEcho));
  }
  return date;
}

Result<int> ParseWindowParam(std::string_view name, std::string_view value, int max_days) {
  std::string_view digits = value;
  int unit = 1;
  if (!digits.empty()) {
    char last = AsciiLower(digits.back());
    if (last == 'd') {
      digits.remove_suffix(1);
    } else if (last == 'w') {
      unit = 7;
      digits.remove_suffix(1);
    } else if (last == 'm' || last == 'y') {
      return Invalid(name, value,
                     "months and years are not a fixed number of days; give days (\"30d\") or "
                     "weeks (\"4w\")");
    }
  }
  if (!AllDigits(digits) || digits.size() > 9) {
    return Invalid(name, value, "not a window: give days (\"8d\", or \"8\") or weeks (\"2w\")");
  }
  int64_t n = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), n);
  n *= unit;
  if (n < 1 || n > max_days) {
    return Invalid(name, value,
                   "window must be between 1 and " + std::to_string(max_days) + " days");
  }
  return static_cast<int>(n);
}

Result<int64_t> ParseIntParam(std::string_view name, std::string_view value, int64_t min,
                              int64_t max) {
  std::string_view digits = value;
  bool negative = false;
  if (!digits.empty() && digits.front() == '-' && min < 0) {
    negative = true;
    digits.remove_prefix(1);
  }
  if (!AllDigits(digits) || digits.size() > 18) {
    return Invalid(name, value, "not a whole number");
  }
  int64_t n = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (ec != std::errc() || ptr != digits.data() + digits.size()) {
    return Invalid(name, value, "not a whole number");
  }
  if (negative) n = -n;
  if (n < min || n > max) {
    return Invalid(name, value,
                   "must be between " + std::to_string(min) + " and " + std::to_string(max));
  }
  return n;
}

Result<double> ParseDistanceKmParam(std::string_view name, std::string_view value, double max_km) {
  std::string_view number = value;
  if (number.size() > 2 && AsciiLower(number[number.size() - 2]) == 'k' &&
      AsciiLower(number.back()) == 'm') {
    number.remove_suffix(2);
  }
  // Digits with at most one decimal point: no signs, exponents, "inf" or "nan".
  bool seen_point = false;
  bool seen_digit = false;
  for (char c : number) {
    if (c == '.' && !seen_point) {
      seen_point = true;
    } else if (c >= '0' && c <= '9') {
      seen_digit = true;
    } else {
      seen_digit = false;
      break;
    }
  }
  if (!seen_digit || number.size() > 32) {
    return Invalid(name, value, "not a distance in kilometres (e.g. \"50\" or \"12.5km\")");
  }
  double km = 0;
  auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), km);
  if (ec != std::errc() || ptr != number.data() + number.size() || !std::isfinite(km)) {
    return Invalid(name, value, "not a distance in kilometres (e.g. \"50\" or \"12.5km\")");
  }
  if (km < 0 || km > max_km) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f", max_km);
    return Invalid(name, value, std::string("distance must be between 0 and ") + buf + " km");
  }
  return km;
}

Result<PlaceKind> ParseKindParam(std::string_view name, std::string_view value) {
  std::string folded;
  folded.reserve(value.size());
  for (char c : value) folded += c == '_' ? '-' : AsciiLower(c);
  Result<PlaceKind> kind = ParsePlaceKind(folded);
  if (!kind.ok() || *kind == PlaceKind::kUnknown) {
    std::string names;
    for (PlaceKind k :
         {PlaceKind::kNationalCapital, PlaceKind::kProvincialCapital, PlaceKind::kDistrictSeat,
          PlaceKind::kCity, PlaceKind::kAdmin1, PlaceKind::kCountry}) {
      if (!names.empty()) names += ", ";
      names += PlaceKindName(k);
    }
    return Invalid(name, value, "unknown place kind (one of: " + names + ")");
  }
  return kind;
}

Result<ClaimStatus> ParseClaimParam(std::string_view name, std::string_view value) {
  std::string folded;
  for (char c : value) folded += AsciiLower(c);
  Result<ClaimStatus> claim = ParseClaimStatus(folded);
  if (!claim.ok()) {
    return Invalid(name, value,
                   "unknown claim status (one of: reported, attributed, claimed, denied)");
  }
  return claim;
}

Result<std::string> ParseFamilyParam(std::string_view name, std::string_view value) {
  if (!AllDigits(value) || value.size() < 2 || value.size() > 4) {
    return Invalid(name, value,
                   "not a CAMEO code or prefix (2 to 4 digits, e.g. \"19\" or \"192\")");
  }
  return std::string(value);
}

Result<std::string> ParseTextParam(std::string_view name, std::string_view value,
                                   size_t max_bytes) {
  std::string_view trimmed = Trim(value);
  if (trimmed.empty()) return Invalid(name, value, "must not be blank");
  if (trimmed.size() > max_bytes) {
    return Invalid(name, value, "longer than " + std::to_string(max_bytes) + " bytes");
  }
  if (!IsValidUtf8(trimmed) || HasControlChars(trimmed)) {
    return Invalid(name, value, "not valid UTF-8 text");
  }
  return std::string(trimmed);
}

Result<bool> ParseBoolParam(std::string_view name, std::string_view value) {
  std::string folded;
  for (char c : value) folded += AsciiLower(c);
  if (folded == "true" || folded == "1" || folded == "yes") return true;
  if (folded == "false" || folded == "0" || folded == "no") return false;
  return Invalid(name, value, "not a yes/no value (true, false, 1, 0)");
}

std::string_view OutputFormatName(OutputFormat format) {
  switch (format) {
    case OutputFormat::kJson:
      return "json";
    case OutputFormat::kJsonl:
      return "jsonl";
    case OutputFormat::kGeoJson:
      return "geojson";
    case OutputFormat::kCsv:
      return "csv";
  }
  return "json";
}

Result<OutputFormat> ParseFormatParam(std::string_view name, std::string_view value,
                                      std::initializer_list<OutputFormat> allowed) {
  std::string folded;
  for (char c : value) folded += AsciiLower(c);
  std::string names;
  for (OutputFormat f : allowed) {
    if (OutputFormatName(f) == folded) return f;
    if (!names.empty()) names += ", ";
    names += OutputFormatName(f);
  }
  return Invalid(name, value, "unknown format (one of: " + names + ")");
}

Result<EventFilter> ParseEventFilter(const QueryParams& params, const ParamLimits& limits,
                                     size_t default_limit) {
  EventFilter filter;
  if (auto v = params.Get("since")) {
    SITREP_ASSIGN_OR_RETURN(filter.since, ParseDateParam("since", *v));
  }
  if (auto v = params.Get("until")) {
    SITREP_ASSIGN_OR_RETURN(filter.until, ParseDateParam("until", *v));
  }
  if (filter.since.IsValid() && filter.until.IsValid() && filter.until < filter.since) {
    return Status(ErrorKind::kInvalidArgument, "until: is before since",
                  "since=" + filter.since.ToString() + "&until=" + filter.until.ToString());
  }
  if (auto v = params.Get("place")) {
    SITREP_ASSIGN_OR_RETURN(filter.place, ParseTextParam("place", *v, limits.max_text_bytes));
  }
  if (auto v = params.Get("actor")) {
    SITREP_ASSIGN_OR_RETURN(filter.actor, ParseTextParam("actor", *v, limits.max_text_bytes));
  }
  if (auto v = params.Get("family")) {
    SITREP_ASSIGN_OR_RETURN(filter.family, ParseFamilyParam("family", *v));
  }
  if (auto v = params.Get("claim")) {
    SITREP_ASSIGN_OR_RETURN(filter.claim, ParseClaimParam("claim", *v));
  }
  if (auto v = params.Get("min_corroboration")) {
    SITREP_ASSIGN_OR_RETURN(int64_t n, ParseIntParam("min_corroboration", *v, 0, 1000000));
    filter.min_corroboration = static_cast<int>(n);
  }
  filter.limit = std::min<size_t>(default_limit, static_cast<size_t>(limits.max_limit));
  if (auto v = params.Get("limit")) {
    SITREP_ASSIGN_OR_RETURN(int64_t n, ParseIntParam("limit", *v, 1, limits.max_limit));
    filter.limit = static_cast<size_t>(n);
  }
  return filter;
}

}  // namespace sitrep::api
