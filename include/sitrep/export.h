// Export: events and control as JSON Lines, CSV (ACLED-style columns plus
// CAMEO and PLOVER) and GeoJSON, written to a std::ostream.
//
// The JSON Lines event object is the contract documented in
// docs/data-model.md ("Event output contract"); field names never change
// without a version note.
//
// Thread-safety: reentrant.
#ifndef SITREP_EXPORT_H_
#define SITREP_EXPORT_H_

#include <ostream>
#include <string>
#include <vector>

#include "sitrep/model.h"
#include "sitrep/picture.h"

namespace sitrep {

// One JSON object (no trailing newline), the event output contract: its keys
// always present and in its order; after them this module adds
// place.kind, place.facility, claim.confirms_claim_of (the party whose claim
// reports later confirmed, else ""), quantities[].text, sources[].claim and
// sources[].by (how each source told it), plover_mode, acled_type,
// acled_subtype, effect, start_date, corroboration (distinct outlets) and
// confidence. Text is escaped for embedding in HTML as well (<, >, & and
// U+2028/9 as \u escapes); invalid UTF-8 is replaced, never thrown on.
std::string EventToJson(const Event& event);
void WriteEventsJsonl(const std::vector<Event>& events, std::ostream& out);
// Header: event_id,event_date,event_type,sub_event_type,actor1,actor2,admin1,
// location,latitude,longitude,geo_precision,time_precision,source,notes,
// cameo,cameo_label,plover,plover_mode,claim,claimant,corroboration,geonameid
// geo_precision and time_precision use ACLED's 1/2/3 (1 = the town / the
// day). Rows end in CRLF; a text cell starting with =, +, -, @ gets a
// leading ' so that spreadsheets do not run it as a formula.
void WriteEventsCsv(const std::vector<Event>& events, std::ostream& out);
// A FeatureCollection of Points; unresolved events are left out.
void WriteEventsGeoJson(const std::vector<Event>& events, std::ostream& out);

// {"geonameid","name","kind","country","admin1","lat","lon","status",
//  "holder","challenger","since","until","by_default","evidence"}; the
// GeoJSON features carry the same object as properties.
std::string PlaceControlToJson(const PlaceControl& pc);
void WriteControlJsonl(const std::vector<PlaceControl>& rows, std::ostream& out);
void WriteControlCsv(const std::vector<PlaceControl>& rows, std::ostream& out);
void WriteControlGeoJson(const std::vector<PlaceControl>& rows, std::ostream& out);

// Rewrites <, >, & and U+2028/U+2029 in serialized JSON as \u escapes, so
// that JSON built from untrusted report text can sit inside an HTML page or
// a script as is. The JSON stays equivalent.
void EscapeJsonForHtml(std::string* json);

// RFC 4180 quoting when needed.
std::string CsvField(std::string_view s);

}  // namespace sitrep

#endif  // SITREP_EXPORT_H_
