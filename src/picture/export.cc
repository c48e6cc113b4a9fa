#include "sitrep/export.h"

#include <cmath>
#include <exception>
#include <nlohmann/json.hpp>
#include <set>

namespace sitrep {

namespace {

// Keys are written in the order they are set: the contract fixes it.
using json = nlohmann::ordered_json;

json DateOrNull(Date d) { return d.IsValid() ? json(d.ToString()) : json(nullptr); }
json NumberOrNull(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

// Serializes untrusted text safely: invalid UTF-8 is replaced (never
// thrown on), and <, >, & and the JavaScript line separators are written
// as \u escapes so that the output can sit inside an HTML page as is.
std::string Dump(const json& j) {
  std::string raw;
  try {
    raw = j.dump(-1, ' ', false, json::error_handler_t::replace);
  } catch (const std::exception&) {
    return "null";  // only on allocation failure; nothing to recover
  }
  EscapeJsonForHtml(&raw);
  return raw;
}

json PlaceJson(const PlaceRef& p) {
  json j;
  // The contract's keys, in its order, then this module's own.
  j["name"] = p.resolved() ? p.name : "";
  j["geonameid"] = p.resolved() ? json(p.geonameid) : json(nullptr);
  j["admin1"] = p.admin1;
  j["country"] = p.country;
  j["lat"] = p.resolved() ? NumberOrNull(p.lat) : json(nullptr);
  j["lon"] = p.resolved() ? NumberOrNull(p.lon) : json(nullptr);
  j["precision"] = GeoPrecisionName(p.precision);
  j["text"] = p.text;
  j["kind"] = PlaceKindName(p.kind);
  j["facility"] = p.facility;
  return j;
}

// The party whose claim an event began as, when reports later confirmed it.
std::string ConfirmedClaimant(const Event& e) {
  if (e.claim != ClaimStatus::kReported && e.claim != ClaimStatus::kAttributed) return "";
  for (const auto& s : e.sources) {
    if (s.claim == ClaimStatus::kClaimed) return s.claimant.empty() ? "unnamed party" : s.claimant;
  }
  return "";
}

// The event output contract (docs/data-model.md): its keys always present
// and in its order; the keys this module adds come after them.
json EventObject(const Event& e) {
  json j;
  j["id"] = e.id;
  j["date"] = DateOrNull(e.date);
  j["date_precision"] = DatePrecisionName(e.date_precision);
  j["cameo"] = e.cameo;
  j["action"] = e.action;
  j["plover"] = e.plover;
  j["actor"] = e.actor;
  j["actor_code"] = e.actor_code;
  j["target"] = e.target;
  j["target_code"] = e.target_code;
  j["object"] = e.object;
  j["place"] = PlaceJson(e.place);
  json claim;
  claim["status"] = ClaimStatusName(e.claim);
  claim["by"] = e.claimant;
  claim["confirms_claim_of"] = ConfirmedClaimant(e);
  j["claim"] = claim;
  json quantities = json::array();
  for (const auto& q : e.quantities) {
    json o;
    o["what"] = q.what;
    o["value"] = NumberOrNull(q.value);
    if (!q.unit.empty()) o["unit"] = q.unit;
    if (!q.text.empty()) o["text"] = q.text;
    quantities.push_back(std::move(o));
  }
  j["quantities"] = quantities;
  json sources = json::array();
  for (const auto& s : e.sources) {
    json o;
    o["report"] = s.report_id;
    o["outlet"] = s.outlet;
    o["url"] = s.url;
    o["published"] = DateOrNull(s.published);
    o["sentence"] = s.sentence;
    o["start"] = s.start;
    o["end"] = s.end;
    o["claim"] = ClaimStatusName(s.claim);
    o["by"] = s.claimant;
    sources.push_back(std::move(o));
  }
  j["sources"] = sources;
  j["plover_mode"] = e.plover_mode;
  j["acled_type"] = e.acled_type;
  j["acled_subtype"] = e.acled_subtype;
  j["effect"] = ControlEffectName(e.effect);
  j["start_date"] = DateOrNull(e.start_date);
  j["corroboration"] = e.Corroboration();
  j["confidence"] = NumberOrNull(e.confidence);
  return j;
}

json ControlObject(const PlaceControl& pc) {
  const ControlInterval& iv = pc.interval;
  json j;
  j["geonameid"] = pc.place.geonameid;
  j["name"] = pc.place.ascii_name.empty() ? pc.place.name : pc.place.ascii_name;
  j["kind"] = PlaceKindName(pc.place.kind);
  j["country"] = pc.place.country;
  j["admin1"] = pc.place.admin1;
  // GeoNames' admin-1 code ("AF.11"): the key the web map joins Natural
  // Earth's province polygons on.
  j["admin1_code"] = pc.place.admin1_code;
  j["lat"] = NumberOrNull(pc.place.lat);
  j["lon"] = NumberOrNull(pc.place.lon);
  j["status"] = ControlStatusName(iv.status);
  j["holder"] = iv.holder;
  j["challenger"] = iv.challenger;
  j["since"] = DateOrNull(iv.from);
  j["until"] = DateOrNull(iv.to);
  j["by_default"] = pc.by_default;
  j["evidence"] = iv.evidence;
  return j;
}

// ACLED's geo_precision: 1 the town itself, 2 near it or a part of a
// region, 3 only a larger region.
std::string AcledGeoPrecision(const PlaceRef& p) {
  switch (p.precision) {
    case GeoPrecision::kFacility:
    case GeoPrecision::kCity:
      return "1";
    case GeoPrecision::kAdmin1:
    case GeoPrecision::kCountry:
      return "3";
    case GeoPrecision::kUnresolved:
      return "";
  }
  return "";
}

// ACLED's time_precision: 1 the day, 2 within a week, 3 within a month.
std::string AcledTimePrecision(DatePrecision p) {
  switch (p) {
    case DatePrecision::kDay:
      return "1";
    case DatePrecision::kApprox:
    case DatePrecision::kWeek:
      return "2";
    case DatePrecision::kMonth:
      return "3";
  }
  return "";
}

std::string Coordinate(double v) {
  if (!std::isfinite(v)) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.5f", v);
  return buf;
}

// A text column: quoted as needed, and a leading =, +, -, @ (which a
// spreadsheet would run as a formula) is made inert with a quote mark.
std::string CsvText(std::string_view s) {
  if (!s.empty() &&
      (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@' || s[0] == '\t' || s[0] == '\r')) {
    return CsvField("'" + std::string(s));
  }
  return CsvField(s);
}

void WriteCsvRow(const std::vector<std::string>& cells, std::ostream& out) {
  for (size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) out << ',';
    out << cells[i];
  }
  out << "\r\n";
}

json FeatureCollection(json features) {
  return json{{"type", "FeatureCollection"}, {"features", std::move(features)}};
}

json PointFeature(double lat, double lon, json properties) {
  return json{{"type", "Feature"},
              {"geometry", {{"type", "Point"}, {"coordinates", json::array({lon, lat})}}},
              {"properties", std::move(properties)}};
}

}  // namespace

void EscapeJsonForHtml(std::string* json) {
  if (json->find_first_of("<>&\xE2") == std::string::npos) return;
  std::string out;
  out.reserve(json->size() + 32);
  const std::string& in = *json;
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else if (c == '\xE2' && i + 2 < in.size() && in[i + 1] == '\x80' &&
               (in[i + 2] == '\xA8' || in[i + 2] == '\xA9')) {
      // U+2028 and U+2029 end a line in older JavaScript.
      out += in[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      out += c;
    }
  }
  json->swap(out);
}

std::string CsvField(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos &&
      (s.empty() || (s.front() != ' ' && s.back() != ' '))) {
    return std::string(s);
  }
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

std::string EventToJson(const Event& event) { return Dump(EventObject(event)); }

void WriteEventsJsonl(const std::vector<Event>& events, std::ostream& out) {
  for (const auto& e : events) out << EventToJson(e) << '\n';
}

void WriteEventsCsv(const std::vector<Event>& events, std::ostream& out) {
  WriteCsvRow({"event_id",      "event_date",     "event_type",  "sub_event_type", "actor1",
               "actor2",        "admin1",         "location",    "latitude",       "longitude",
               "geo_precision", "time_precision", "source",      "notes",          "cameo",
               "cameo_label",   "plover",         "plover_mode", "claim",          "claimant",
               "corroboration", "geonameid"},
              out);
  for (const auto& e : events) {
    std::set<std::string> outlets;
    std::string source;
    std::string notes;
    for (const auto& s : e.sources) {
      std::string outlet = s.outlet.empty() ? "report " + s.report_id : s.outlet;
      if (outlets.insert(outlet).second) source += (source.empty() ? "" : "; ") + outlet;
      if (!notes.empty()) notes += " | ";
      if (s.claim != ClaimStatus::kReported) {
        notes += std::string(ClaimStatusName(s.claim)) +
                 (s.claimant.empty() ? "" : " by " + s.claimant) + ": ";
      }
      notes += s.sentence;
    }
    const PlaceRef& p = e.place;
    WriteCsvRow({CsvText(e.id),
                 CsvField(e.date.ToString()),
                 CsvText(e.acled_type),
                 CsvText(e.acled_subtype),
                 CsvText(e.actor),
                 CsvText(e.target),
                 CsvText(p.admin1),
                 CsvText(p.name.empty() ? p.text : p.name),
                 p.resolved() ? Coordinate(p.lat) : "",
                 p.resolved() ? Coordinate(p.lon) : "",
                 AcledGeoPrecision(p),
                 AcledTimePrecision(e.date_precision),
                 CsvText(source),
                 CsvText(notes),
                 CsvText(e.cameo),
                 CsvText(e.action),
                 CsvText(e.plover),
                 CsvText(e.plover_mode),
                 std::string(ClaimStatusName(e.claim)),
                 CsvText(e.claimant),
                 std::to_string(e.Corroboration()),
                 p.resolved() ? std::to_string(p.geonameid) : ""},
                out);
  }
}

void WriteEventsGeoJson(const std::vector<Event>& events, std::ostream& out) {
  json features = json::array();
  for (const auto& e : events) {
    if (!e.place.resolved() || !std::isfinite(e.place.lat) || !std::isfinite(e.place.lon)) continue;
    features.push_back(PointFeature(e.place.lat, e.place.lon, EventObject(e)));
  }
  out << Dump(FeatureCollection(std::move(features))) << '\n';
}

std::string PlaceControlToJson(const PlaceControl& pc) { return Dump(ControlObject(pc)); }

void WriteControlJsonl(const std::vector<PlaceControl>& rows, std::ostream& out) {
  for (const auto& r : rows) out << PlaceControlToJson(r) << '\n';
}

void WriteControlCsv(const std::vector<PlaceControl>& rows, std::ostream& out) {
  WriteCsvRow({"geonameid", "name", "kind", "country", "admin1", "latitude", "longitude", "status",
               "holder", "challenger", "since", "until", "by_default", "evidence"},
              out);
  for (const auto& r : rows) {
    const ControlInterval& iv = r.interval;
    std::string evidence;
    for (const auto& id : iv.evidence) evidence += (evidence.empty() ? "" : ";") + id;
    WriteCsvRow(
        {std::to_string(r.place.geonameid),
         CsvText(r.place.ascii_name.empty() ? r.place.name : r.place.ascii_name),
         std::string(PlaceKindName(r.place.kind)), CsvText(r.place.country),
         CsvText(r.place.admin1), Coordinate(r.place.lat), Coordinate(r.place.lon),
         std::string(ControlStatusName(iv.status)), CsvText(iv.holder), CsvText(iv.challenger),
         iv.from.ToString(), iv.to.ToString(), r.by_default ? "true" : "false", CsvText(evidence)},
        out);
  }
}

void WriteControlGeoJson(const std::vector<PlaceControl>& rows, std::ostream& out) {
  json features = json::array();
  for (const auto& r : rows) {
    if (!std::isfinite(r.place.lat) || !std::isfinite(r.place.lon)) continue;
    features.push_back(PointFeature(r.place.lat, r.place.lon, ControlObject(r)));
  }
  out << Dump(FeatureCollection(std::move(features))) << '\n';
}

}  // namespace sitrep
