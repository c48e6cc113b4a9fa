#include "api/openapi.h"

#include <nlohmann/json.hpp>

namespace sitrep::api {

namespace {

using Json = nlohmann::json;

Json Ref(const char* name) { return Json{{"$ref", std::string("#/components/schemas/") + name}}; }

Json Param(const char* name, const char* description, Json schema, bool required = false) {
  return Json{{"name", name},
              {"in", "query"},
              {"required", required},
              {"description", description},
              {"schema", std::move(schema)}};
}

Json Str() { return Json{{"type", "string"}}; }
Json DateSchema() { return Json{{"type", "string"}, {"format", "date"}}; }
Json Int(int64_t min, int64_t max) {
  return Json{{"type", "integer"}, {"minimum", min}, {"maximum", max}};
}
Json Enum(std::initializer_list<const char*> values) {
  Json e = Json::array();
  for (const char* v : values) e.push_back(v);
  return Json{{"type", "string"}, {"enum", e}};
}
Json Window() {
  return Json{{"type", "string"},
              {"pattern", "^[0-9]+[dDwW]?$"},
              {"description", "days (\"8d\" or \"8\") or weeks (\"2w\")"},
              {"default", "8d"}};
}
Json KindEnum() {
  return Enum(
      {"national-capital", "provincial-capital", "district-seat", "city", "admin1", "country"});
}

Json AsOf() {
  return Param("as_of", "Date of the picture (YYYY-MM-DD or \"today\"); default today (UTC).",
               Json{{"type", "string"}, {"example", "2021-08-13"}});
}

Json JsonContent(Json schema) {
  return Json{{"application/json", {{"schema", std::move(schema)}}}};
}

Json Ok(const char* description, Json content) {
  return Json{{"description", description}, {"content", std::move(content)}};
}

Json Errors(std::initializer_list<int> codes) {
  Json out = Json::object();
  for (int code : codes) {
    const char* what = code == 400   ? "Bad parameter"
                       : code == 401 ? "Missing or wrong access token"
                       : code == 403 ? "No access token configured: writes disabled"
                       : code == 404 ? "Not found"
                       : code == 405 ? "Method not allowed"
                       : code == 413 ? "Body too large"
                       : code == 415 ? "Unsupported media type"
                       : code == 503 ? "Unavailable"
                                     : "Server error";
    out[std::to_string(code)] = Json{{"description", what}, {"content", JsonContent(Ref("Error"))}};
  }
  return out;
}

Json Get(const char* summary, const char* description, Json params, Json ok,
         std::initializer_list<int> errors = {400}) {
  Json responses = Errors(errors);
  responses["200"] = std::move(ok);
  return Json{{"get",
               {{"summary", summary},
                {"description", description},
                {"parameters", std::move(params)},
                {"responses", std::move(responses)}}}};
}

Json Schemas() {
  Json s = Json::object();
  s["Error"] = Json{{"type", "object"},
                    {"required", {"error"}},
                    {"properties",
                     {{"error",
                       {{"type", "object"},
                        {"required", {"kind", "message", "input"}},
                        {"properties",
                         {{"kind", {{"type", "string"}, {"example", "bad_date"}}},
                          {"message", {{"type", "string"}}},
                          {"input",
                           {{"type", "string"},
                            {"description", "the offending input, e.g. as_of=2021-13-01"}}}}}}}}}};
  s["Place"] = Json{{"type", "object"},
                    {"properties",
                     {{"geonameid", {{"type", "integer"}}},
                      {"name", Str()},
                      {"ascii_name", Str()},
                      {"kind", KindEnum()},
                      {"feature_code", Str()},
                      {"country", Str()},
                      {"country_name", Str()},
                      {"admin1_code", Str()},
                      {"admin1", Str()},
                      {"lat", {{"type", "number"}}},
                      {"lon", {{"type", "number"}}},
                      {"population", {{"type", "integer"}}}}}};
  s["Interval"] = Json{{"type", "object"},
                       {"properties",
                        {{"holder", Str()},
                         {"challenger", Str()},
                         {"status", Enum({"held", "contested", "besieged", "claimed"})},
                         {"from", {{"type", "string"}, {"format", "date"}, {"nullable", true}}},
                         {"to", {{"type", "string"}, {"format", "date"}, {"nullable", true}}},
                         {"evidence", {{"type", "array"}, {"items", Str()}}}}}};
  s["Event"] = Json{{"type", "object"},
                    {"description",
                     "The event output contract (docs/data-model.md): id, date, CAMEO and PLOVER "
                     "codes, actors, place, claim status, corroboration and every source with "
                     "its sentence."},
                    {"additionalProperties", true}};
  s["PlaceControl"] = Json{{"type", "object"},
                           {"description",
                            "One place and who holds it (the control output "
                            "contract, docs/data-model.md)."},
                           {"additionalProperties", true}};
  s["Change"] = Json{{"type", "object"},
                     {"properties",
                      {{"place", Ref("Place")},
                       {"date", DateSchema()},
                       {"from_holder", Str()},
                       {"to_holder", Str()},
                       {"status", Enum({"held", "claimed"})},
                       {"evidence", {{"type", "array"}, {"items", Str()}}}}}};
  s["GeoJSON"] = Json{{"type", "object"},
                      {"description", "A GeoJSON FeatureCollection (RFC 7946) of Points."},
                      {"required", {"type", "features"}},
                      {"properties",
                       {{"type", Enum({"FeatureCollection"})},
                        {"features", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}};
  s["IngestResult"] =
      Json{{"type", "object"},
           {"properties",
            {{"reports",
              {{"type", "array"},
               {"items",
                {{"type", "object"},
                 {"properties",
                  {{"report_id", Str()},
                   {"origin", Str()},
                   {"duplicate", {{"type", "boolean"}}},
                   {"events_new", {{"type", "integer"}}},
                   {"events_merged", {{"type", "integer"}}},
                   {"places_changed", {{"type", "array"}, {"items", {{"type", "integer"}}}}}}}}}}},
             {"refused", {{"type", "array"}, {"items", {{"type", "object"}}}}}}}};
  return s;
}

Json FormatContent(Json json_schema) {
  return Json{{"application/json", {{"schema", std::move(json_schema)}}},
              {"application/x-ndjson", {{"schema", Str()}}},
              {"application/geo+json", {{"schema", Ref("GeoJSON")}}},
              {"text/csv", {{"schema", Str()}}}};
}

}  // namespace

std::string OpenApiDocument() {
  Json paths = Json::object();
  Json place_param = Param("place", "A place name or GeoNames id.", Str(), true);

  paths["/api/info"] =
      Get("What the server holds",
          "The conflict profile (title, sides, default holder), the date range of the events, the "
          "actors named, store counts, and whether writes are enabled.",
          Json::array(), Ok("Server and data description", JsonContent({{"type", "object"}})), {});

  paths["/api/events"] = Get(
      "Events, with all their sources",
      "Stored events by date then id. Filters are those of `sitrep events`.",
      Json::array(
          {Param("since", "First day (inclusive).", DateSchema()),
           Param("until", "Last day (inclusive).", DateSchema()),
           Param("place", "Place name (resolved name or report text) or GeoNames id.", Str()),
           Param("actor", "Actor or target (canonical name), case-insensitive.", Str()),
           Param("family", "CAMEO code or prefix, e.g. 19 (fight) or 192.",
                 Json{{"type", "string"}, {"pattern", "^[0-9]{2,4}$"}}),
           Param("claim", "Claim status.", Enum({"reported", "attributed", "claimed", "denied"})),
           Param("min_corroboration", "At least this many distinct outlets.", Int(0, 1000000)),
           Param("limit", "At most this many events (default 1000).", Int(1, 100000)),
           Param("format", "Output format.", Enum({"json", "jsonl", "geojson", "csv"}))}),
      Ok("Events", FormatContent({{"type", "object"},
                                  {"properties",
                                   {{"count", {{"type", "integer"}}},
                                    {"limit", {{"type", "integer"}}},
                                    {"truncated", {{"type", "boolean"}}},
                                    {"events", {{"type", "array"}, {"items", Ref("Event")}}}}}})));

  Json event_get = Get(
      "One event", "One event by id, with all its sources.",
      Json::array({Json{{"name", "id"}, {"in", "path"}, {"required", true}, {"schema", Str()}}}),
      Ok("The event", JsonContent(Ref("Event"))), {400, 404});
  paths["/api/events/{id}"] = event_get;

  paths["/api/control"] = Get(
      "Who holds which place as of a date",
      "Every place with reported control (and, unless include_default=false, the places of the "
      "profile's countries held by its default holder), with status held, contested, besieged "
      "or claimed, the holder, the challenger, since when, and the events that say so.",
      Json::array(
          {AsOf(), Param("kind", "Only places of this kind.", KindEnum()),
           Param("holder", "Only places held by this side or actor.", Str()),
           Param("include_default", "List places nothing was reported about (default true).",
                 Json{{"type", "boolean"}}),
           Param("format", "Output format.", Enum({"json", "jsonl", "geojson", "csv"}))}),
      Ok("Control rows",
         FormatContent({{"type", "object"},
                        {"properties",
                         {{"as_of", DateSchema()},
                          {"count", {{"type", "integer"}}},
                          {"control", {{"type", "array"}, {"items", Ref("PlaceControl")}}}}}})));

  paths["/api/control/history"] =
      Get("The control history of one place", "Every control interval of the place, oldest first.",
          Json::array({place_param}),
          Ok("History",
             JsonContent({{"type", "object"},
                          {"properties",
                           {{"place", Ref("Place")},
                            {"intervals", {{"type", "array"}, {"items", Ref("Interval")}}}}}})),
          {400, 404});

  paths["/api/changes"] = Get(
      "Places that changed hands",
      "Changes of hands dated in (as_of - window, as_of]. status \"claimed\" marks a change only "
      "claimed, not confirmed.",
      Json::array({AsOf(), Param("window", "Length of the window.", Window()),
                   Param("kind", "Only places of this kind.", KindEnum()),
                   Param("to", "Only changes to this holder.", Str())}),
      Ok("Changes", JsonContent({{"type", "object"},
                                 {"properties",
                                  {{"as_of", DateSchema()},
                                   {"window_days", {{"type", "integer"}}},
                                   {"from", DateSchema()},
                                   {"count", {{"type", "integer"}}},
                                   {"changes", {{"type", "array"}, {"items", Ref("Change")}}}}}})));

  paths["/api/summary"] =
      Get("A prose summary as of a date",
          "The summary paragraph, its figures with the places and events behind each, and the "
          "figures the reports themselves gave (kept as their claims).",
          Json::array({AsOf(), Param("window", "Length of the window.", Window())}),
          Ok("Summary", JsonContent({{"type", "object"},
                                     {"properties",
                                      {{"as_of", DateSchema()},
                                       {"window_days", {{"type", "integer"}}},
                                       {"text", Str()},
                                       {"figures", {{"type", "array"}}},
                                       {"reported", {{"type", "array"}}}}}})));

  paths["/api/places"] =
      Get("Look up places by name", "Gazetteer candidates for a name, best first.",
          Json::array({Param("q", "A place name, any spelling the gazetteer knows.", Str(), true),
                       Param("kind", "Only places of this kind.", KindEnum()),
                       Param("limit", "At most this many (default 20).", Int(1, 1000))}),
          Ok("Places", JsonContent({{"type", "object"},
                                    {"properties",
                                     {{"q", Str()},
                                      {"count", {{"type", "integer"}}},
                                      {"places", {{"type", "array"}, {"items", Ref("Place")}}}}}})),
          {400, 503});

  paths["/api/near"] = Get(
      "What is near a place",
      "With held_by: the nearest place held by that side or actor as of the date (null when none, "
      "or none within radius). Without: the places within radius (default 50 km), nearest first, "
      "each with its control as of the date.",
      Json::array({place_param,
                   Param("radius", "Kilometres (\"150\" or \"150km\").",
                         Json{{"type", "string"}, {"example", "150km"}}),
                   Param("kind", "Only places of this kind.", KindEnum()),
                   Param("held_by", "A side or actor.", Str()), AsOf(),
                   Param("limit", "At most this many places (default 100).", Int(1, 10000))}),
      Ok("Nearby places", JsonContent({{"type", "object"}})), {400, 404});

  paths["/api/openapi.json"] =
      Get("This description", "The OpenAPI 3 description of the API.", Json::array(),
          Ok("OpenAPI document", JsonContent({{"type", "object"}})), {});

  Json post_responses = Errors({400, 401, 403, 413, 415, 503});
  post_responses["201"] =
      Ok("At least one new report was stored", JsonContent(Ref("IngestResult")));
  post_responses["200"] = Ok("Every report was already stored", JsonContent(Ref("IngestResult")));
  paths["/api/reports"] =
      Json{{"post",
            {{"summary", "Ingest a report"},
             {"description",
              "Codes a report and adds it to the picture. The body is a text report with a `key: "
              "value` header (text/plain), one JSON object {url, outlet, published, title, text} "
              "(application/json), JSON Lines (application/x-ndjson) or an HTML page (text/html). "
              "Needs the access token."},
             {"security", Json::array({Json{{"bearer", Json::array()}}})},
             {"parameters",
              Json::array({Param("published", "Publication date, when the body does not give it.",
                                 DateSchema()),
                           Param("outlet", "Outlet name, overriding the body's.", Str()),
                           Param("url", "Report URL, overriding the body's.", Str()),
                           Param("format", "Force the reader: text, html, jsonl, auto.",
                                 Enum({"auto", "text", "html", "jsonl"}))})},
             {"requestBody",
              {{"required", true},
               {"content",
                {{"text/plain", {{"schema", Str()}}},
                 {"application/json",
                  {{"schema",
                    {{"type", "object"},
                     {"required", {"text"}},
                     {"properties",
                      {{"url", Str()},
                       {"outlet", Str()},
                       {"published", DateSchema()},
                       {"title", Str()},
                       {"language", Str()},
                       {"text", Str()}}}}}}},
                 {"application/x-ndjson", {{"schema", Str()}}},
                 {"text/html", {{"schema", Str()}}}}}}},
             {"responses", post_responses}}}};

  Json doc{
      {"openapi", "3.0.3"},
      {"info",
       {{"title", "sitrep API"},
        {"version", "1"},
        {"description",
         "Coded conflict events and the situation picture (who holds which place as of a date). "
         "Reads are open on loopback unless the server protects them; writes need the access "
         "token. Errors are {\"error\": {\"kind\", \"message\", \"input\"}}."}}},
      {"paths", paths},
      {"components",
       {{"schemas", Schemas()},
        {"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}}}}};
  return doc.dump();
}

}  // namespace sitrep::api
