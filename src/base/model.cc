#include "sitrep/model.h"

#include <openssl/evp.h>
#include <utf8proc.h>

#include <array>
#include <cstdlib>
#include <memory>
#include <set>

#include "sitrep/paths.h"

namespace sitrep {

namespace {

// Looks `name` up in a table of (value, name) pairs.
template <typename E, size_t N>
Result<E> ParseName(const std::array<std::pair<E, std::string_view>, N>& table,
                    std::string_view name, std::string_view what) {
  for (const auto& [value, n] : table) {
    if (n == name) return value;
  }
  std::string all;
  for (const auto& [value, n] : table) {
    if (!all.empty()) all += ", ";
    all += n;
  }
  return Status(ErrorKind::kInvalidArgument,
                "unknown " + std::string(what) + " (one of: " + all + ")", std::string(name));
}

template <typename E, size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [v, n] : table) {
    if (v == value) return n;
  }
  return table[0].second;
}

constexpr std::array<std::pair<PlaceKind, std::string_view>, 7> kPlaceKinds{{
    {PlaceKind::kUnknown, "unknown"},
    {PlaceKind::kNationalCapital, "national-capital"},
    {PlaceKind::kProvincialCapital, "provincial-capital"},
    {PlaceKind::kDistrictSeat, "district-seat"},
    {PlaceKind::kCity, "city"},
    {PlaceKind::kAdmin1, "admin1"},
    {PlaceKind::kCountry, "country"},
}};
constexpr std::array<std::pair<GeoPrecision, std::string_view>, 5> kGeoPrecisions{{
    {GeoPrecision::kFacility, "facility"},
    {GeoPrecision::kCity, "city"},
    {GeoPrecision::kAdmin1, "admin1"},
    {GeoPrecision::kCountry, "country"},
    {GeoPrecision::kUnresolved, "unresolved"},
}};
constexpr std::array<std::pair<ClaimStatus, std::string_view>, 4> kClaimStatuses{{
    {ClaimStatus::kReported, "reported"},
    {ClaimStatus::kAttributed, "attributed"},
    {ClaimStatus::kClaimed, "claimed"},
    {ClaimStatus::kDenied, "denied"},
}};
constexpr std::array<std::pair<ControlEffect, std::string_view>, 6> kControlEffects{{
    {ControlEffect::kNone, "none"},
    {ControlEffect::kCaptures, "captures"},
    {ControlEffect::kContests, "contests"},
    {ControlEffect::kBesieges, "besieges"},
    {ControlEffect::kWithdraws, "withdraws"},
    {ControlEffect::kRepels, "repels"},
}};
constexpr std::array<std::pair<ControlStatus, std::string_view>, 4> kControlStatuses{{
    {ControlStatus::kHeld, "held"},
    {ControlStatus::kContested, "contested"},
    {ControlStatus::kBesieged, "besieged"},
    {ControlStatus::kClaimed, "claimed"},
}};

bool IsSpaceCodepoint(utf8proc_int32_t c) {
  auto cat = utf8proc_category(c);
  return c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
         cat == UTF8PROC_CATEGORY_ZP;
}

// NFC, then every run of white space made one ASCII space, trimmed.
std::string NormalizeForId(std::string_view text) {
  std::string out;
  utf8proc_uint8_t* nfc = nullptr;
  auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                        static_cast<utf8proc_ssize_t>(text.size()), &nfc,
                        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  std::string_view src = text;
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> hold(nfc, &std::free);
  if (n >= 0) src = std::string_view(reinterpret_cast<const char*>(nfc), static_cast<size_t>(n));
  out.reserve(src.size());
  bool pending_space = false;
  size_t i = 0;
  while (i < src.size()) {
    utf8proc_int32_t c = 0;
    auto len = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(src.data() + i),
                                static_cast<utf8proc_ssize_t>(src.size() - i), &c);
    if (len <= 0) {  // invalid byte: keep it as is, it still identifies the text
      out.push_back(src[i]);
      ++i;
      continue;
    }
    if (IsSpaceCodepoint(c)) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.append(src.substr(i, static_cast<size_t>(len)));
    }
    i += static_cast<size_t>(len);
  }
  return out;
}

}  // namespace

std::string ReportId(std::string_view text) {
  std::string norm = NormalizeForId(text);
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_Digest(norm.data(), norm.size(), digest, &len, EVP_sha256(), nullptr);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id;
  for (unsigned i = 0; i < 8 && i < len; ++i) {
    id.push_back(kHex[digest[i] >> 4]);
    id.push_back(kHex[digest[i] & 15]);
  }
  return id;
}

std::string_view PlaceKindName(PlaceKind k) { return NameOf(kPlaceKinds, k); }
Result<PlaceKind> ParsePlaceKind(std::string_view name) {
  return ParseName(kPlaceKinds, name, "place kind");
}
std::string_view GeoPrecisionName(GeoPrecision p) { return NameOf(kGeoPrecisions, p); }
Result<GeoPrecision> ParseGeoPrecision(std::string_view name) {
  return ParseName(kGeoPrecisions, name, "geographic precision");
}
std::string_view ClaimStatusName(ClaimStatus s) { return NameOf(kClaimStatuses, s); }
Result<ClaimStatus> ParseClaimStatus(std::string_view name) {
  return ParseName(kClaimStatuses, name, "claim status");
}
std::string_view ControlEffectName(ControlEffect e) { return NameOf(kControlEffects, e); }
Result<ControlEffect> ParseControlEffect(std::string_view name) {
  return ParseName(kControlEffects, name, "control effect");
}
std::string_view ControlStatusName(ControlStatus s) { return NameOf(kControlStatuses, s); }
Result<ControlStatus> ParseControlStatus(std::string_view name) {
  return ParseName(kControlStatuses, name, "control status");
}

int Event::Corroboration() const {
  std::set<std::string_view> outlets;
  for (const auto& s : sources) outlets.insert(s.outlet.empty() ? s.report_id : s.outlet);
  return static_cast<int>(outlets.size());
}

std::string DefaultDataDir() {
  if (const char* env = std::getenv("SITREP_DATA"); env != nullptr && *env != '\0') return env;
  return SITREP_DATA_DIR;
}

}  // namespace sitrep
