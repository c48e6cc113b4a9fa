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

// One JSON object (no trailing newline), the event output contract.
std::string EventToJson(const Event& event);
void WriteEventsJsonl(const std::vector<Event>& events, std::ostream& out);
// Header: event_id,event_date,event_type,sub_event_type,actor1,actor2,admin1,
// location,latitude,longitude,geo_precision,time_precision,source,notes,
// cameo,cameo_label,plover,plover_mode,claim,claimant,corroboration,geonameid
void WriteEventsCsv(const std::vector<Event>& events, std::ostream& out);
// A FeatureCollection of Points; unresolved events are left out.
void WriteEventsGeoJson(const std::vector<Event>& events, std::ostream& out);

std::string PlaceControlToJson(const PlaceControl& pc);
void WriteControlJsonl(const std::vector<PlaceControl>& rows, std::ostream& out);
void WriteControlCsv(const std::vector<PlaceControl>& rows, std::ostream& out);
void WriteControlGeoJson(const std::vector<PlaceControl>& rows, std::ostream& out);

// RFC 4180 quoting when needed.
std::string CsvField(std::string_view s);

}  // namespace sitrep

#endif  // SITREP_EXPORT_H_
