// The sitrep data model: reports, sentences, coded events, places, control.
//
// These are plain value types shared by every layer (text -> coder -> places
// -> store -> picture -> api/cli). docs/data-model.md describes them for
// users; the SQLite schema mirrors them.
//
// Offsets are byte offsets into Report::text (UTF-8), half-open [start, end).
// Text fields are owned std::strings: a model value never points into a
// buffer it does not own.
//
// Thread-safety: values.
#ifndef SITREP_MODEL_H_
#define SITREP_MODEL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/date.h"

namespace sitrep {

// ---------------------------------------------------------------- reports

struct Report {
  std::string id;         // hex digest of the normalized text (see ReportId)
  std::string url;
  std::string outlet;
  Date published;         // REQUIRED before coding; invalid = unknown
  std::string title;
  std::string language = "en";
  std::string text;       // UTF-8 body, header removed
  std::string ingested_at;  // ISO 8601 UTC timestamp, set by the store
  std::string origin;     // where it was read from: a path, "-", "jsonl:path:line"
};

// Stable id of a report: 16 hex digits of a 64-bit hash of its text after
// Unicode NFC normalization and whitespace folding. Two copies of the same
// story with different spacing get the same id.
std::string ReportId(std::string_view text);

struct Sentence {
  uint32_t start = 0;  // byte offsets into Report::text
  uint32_t end = 0;
};

// ---------------------------------------------------------------- places

enum class PlaceKind : uint8_t {
  kUnknown,
  kNationalCapital,    // GeoNames PPLC
  kProvincialCapital,  // PPLA
  kDistrictSeat,       // PPLA2..PPLA4
  kCity,               // other populated places
  kAdmin1,             // a province / state / oblast as a place of its own
  kCountry,
};
std::string_view PlaceKindName(PlaceKind k);  // "national-capital", "provincial-capital", ...
Result<PlaceKind> ParsePlaceKind(std::string_view name);

// How precisely an event is located.
enum class GeoPrecision : uint8_t { kFacility, kCity, kAdmin1, kCountry, kUnresolved };
std::string_view GeoPrecisionName(GeoPrecision p);  // "facility", "city", ...
Result<GeoPrecision> ParseGeoPrecision(std::string_view name);

// A gazetteer entry.
struct Place {
  int64_t geonameid = 0;  // GeoNames id; admin-1 areas and countries use
                          // their GeoNames ids too where known, else a
                          // negative synthetic id stable across builds
  std::string name;       // display name, e.g. "Herāt"
  std::string ascii_name; // e.g. "Herat"
  PlaceKind kind = PlaceKind::kUnknown;
  std::string feature_code;  // "PPLA"
  std::string country;       // ISO 3166-1 alpha-2, "AF"
  std::string country_name;  // "Afghanistan"
  std::string admin1_code;   // "AF.11"
  std::string admin1;        // "Herat"
  double lat = 0;            // WGS84 degrees
  double lon = 0;
  int64_t population = 0;
};

// Where an event happened, as resolved in its report.
struct PlaceRef {
  std::string text;           // the words in the report, e.g. "Lashkar Gar"
  int64_t geonameid = 0;      // 0 = unresolved
  std::string name;           // the gazetteer's ascii name, e.g. "Lashkar Gah"
  PlaceKind kind = PlaceKind::kUnknown;
  std::string admin1;
  std::string country;        // alpha-2
  double lat = 0;
  double lon = 0;
  GeoPrecision precision = GeoPrecision::kUnresolved;
  std::string facility;       // "police headquarters" when precision is facility
  bool resolved() const { return geonameid != 0; }
};

// A place name found in a report's text (every one, not only event places),
// used for context when resolving ambiguous names.
struct PlaceMention {
  uint32_t start = 0;  // byte offsets into Report::text
  uint32_t end = 0;
  PlaceRef place;
};

// ---------------------------------------------------------------- events

enum class ClaimStatus : uint8_t {
  kReported,    // the reporter states it
  kAttributed,  // a named or unnamed source says it ("an official said")
  kClaimed,     // a party to the conflict claims it
  kDenied,      // a party denies it
};
std::string_view ClaimStatusName(ClaimStatus s);  // "reported", ...
Result<ClaimStatus> ParseClaimStatus(std::string_view name);

// What an action does to control of its place.
enum class ControlEffect : uint8_t {
  kNone,
  kCaptures,   // the actor takes the place (CAMEO 192 and kin)
  kContests,   // fighting in or for the place (190, 193, 194, ...)
  kBesieges,   // the actor besieges the place (191)
  kWithdraws,  // the actor gives up the place (0874 retreat, surrender)
  kRepels,     // the holder beats off an attack: the place stays with it
};
std::string_view ControlEffectName(ControlEffect e);  // "captures", ...
Result<ControlEffect> ParseControlEffect(std::string_view name);

struct Quantity {
  std::string what;   // "troops", "killed", "km", "prisoners", "provincial centres"
  double value = 0;
  std::string unit;   // "", "km", "days", ...
  std::string text;   // the words, e.g. "3,000 troops"
};

// Where an event was reported: one sentence of one report.
struct EventSource {
  std::string report_id;
  std::string outlet;
  std::string url;
  Date published;
  std::string sentence;   // the sentence text
  uint32_t start = 0;     // byte offsets of the sentence in the report text
  uint32_t end = 0;
  ClaimStatus claim = ClaimStatus::kReported;  // as this source tells it
  std::string claimant;
};

struct Event {
  std::string id;  // stable: derived from the first source (report id + offset + index)

  Date date;       // the day it happened (resolved from the report)
  DatePrecision date_precision = DatePrecision::kDay;
  Date start_date; // for durations ("besieged for weeks"): when it began; invalid otherwise
  DatePrecision start_precision = DatePrecision::kWeek;

  std::string cameo;        // "192"
  std::string action;       // CAMEO label, "occupy territory"
  std::string plover;       // PLOVER event type, "OCCUPY"
  std::string plover_mode;  // PLOVER mode, may be empty
  std::string acled_type;   // ACLED-style event type, "Strategic developments"
  std::string acled_subtype;
  ControlEffect effect = ControlEffect::kNone;

  std::string actor;        // canonical actor name, "Taliban"; "" if unnamed
  std::string actor_code;   // CAMEO-style actor code, "AFGINS" / "TAL"
  std::string target;
  std::string target_code;
  std::string object;       // what was acted on: "police headquarters", "jail"

  PlaceRef place;

  ClaimStatus claim = ClaimStatus::kReported;
  std::string claimant;     // who claims/says/denies it, canonical name or "unnamed official"

  std::vector<Quantity> quantities;
  std::vector<EventSource> sources;
  double confidence = 0.5;  // 0..1, the coder's own estimate

  // Distinct outlets among sources.
  int Corroboration() const;
};

// A figure the report states on its own (not tied to one event), kept as a
// claim of the report: "12 provincial centres lost in the last 8 days".
struct ReportedFigure {
  std::string report_id;    // set by the store / ingest; "" while coding
  Quantity quantity;
  std::string subject;      // what the figure is about, e.g. "provincial centres lost"
  std::string claimant;     // "" = the reporter
  uint32_t start = 0;       // sentence offsets in the report text
  uint32_t end = 0;
};

// Everything the coder and resolver make of one report.
struct CodedReport {
  std::vector<Sentence> sentences;
  std::vector<Event> events;          // each with exactly one source (this report)
  std::vector<ReportedFigure> figures;
  std::vector<PlaceMention> mentions; // every place name found
};

// ---------------------------------------------------------------- control

enum class ControlStatus : uint8_t {
  kHeld,       // holder controls it
  kContested,  // fighting in or for it; holder = last holder
  kBesieged,   // holder holds it, besieger around it
  kClaimed,    // a party claims it, unconfirmed; holder = last confirmed holder
};
std::string_view ControlStatusName(ControlStatus s);  // "held", ...
Result<ControlStatus> ParseControlStatus(std::string_view name);

// One stretch of time over which a place had one status and holder.
struct ControlInterval {
  int64_t geonameid = 0;
  std::string place_name;
  std::string holder;       // canonical actor name
  std::string challenger;   // besieger, claimant or attacker; "" if none
  ControlStatus status = ControlStatus::kHeld;
  Date from;                // first day of the interval; invalid = since before any report
  Date to;                  // first day after it; invalid = still so
  std::vector<std::string> evidence;  // event ids that opened it
};

}  // namespace sitrep

#endif  // SITREP_MODEL_H_
