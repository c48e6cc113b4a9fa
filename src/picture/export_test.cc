#include "sitrep/export.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace sitrep {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using json = nlohmann::ordered_json;  // keeps the written key order

Event SampleEvent() {
  Event e;
  e.id = "ev1";
  e.date = Date::FromYmd(2021, 8, 12);
  e.cameo = "192";
  e.action = "occupy territory";
  e.plover = "OCCUPY";
  e.acled_type = "Strategic developments";
  e.acled_subtype = "Non-state actor overtakes territory";
  e.effect = ControlEffect::kCaptures;
  e.actor = "Taliban";
  e.actor_code = "TAL";
  e.target = "Afghan government forces";
  e.object = "police headquarters";
  e.place.text = "Herat";
  e.place.geonameid = 1139715;
  e.place.name = "Herat";
  e.place.admin1 = "Herat";
  e.place.country = "AF";
  e.place.lat = 34.34817;
  e.place.lon = 62.19967;
  e.place.precision = GeoPrecision::kFacility;
  e.place.facility = "police headquarters";
  Quantity q;
  q.what = "vehicles";
  q.value = 12;
  e.quantities.push_back(q);
  EventSource s;
  s.report_id = "r1";
  s.outlet = "AFP";
  s.url = "https://example.org/a?x=1&y=2";
  s.published = Date::FromYmd(2021, 8, 13);
  s.sentence = "The militants tweeted \"<script>alert('x')</script>\", said a, b\nand c.";
  s.start = 5;
  s.end = 90;
  e.sources.push_back(s);
  EventSource s2 = s;
  s2.report_id = "r2";
  s2.outlet = "Reuters";
  s2.claim = ClaimStatus::kClaimed;
  s2.claimant = "Taliban";
  s2.sentence = "=HYPERLINK(\"http://evil\")";
  e.sources.push_back(s2);
  return e;
}

// A minimal RFC 4180 reader: rows of cells.
std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows(1);
  std::string cell;
  bool quoted = false;
  bool cell_started = false;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c == '"' && !cell_started) {
      quoted = true;
      cell_started = true;
    } else if (c == ',') {
      rows.back().push_back(cell);
      cell.clear();
      cell_started = false;
    } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      rows.back().push_back(cell);
      cell.clear();
      cell_started = false;
      rows.emplace_back();
      ++i;
    } else {
      cell += c;
      cell_started = true;
    }
  }
  if (rows.back().empty() && cell.empty()) rows.pop_back();
  return rows;
}

TEST(CsvFieldTest, QuotesOnlyWhenNeeded) {
  EXPECT_EQ(CsvField("Herat"), "Herat");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField("cr\rhere"), "\"cr\rhere\"");
  EXPECT_EQ(CsvField(" padded"), "\" padded\"");
}

TEST(EventJsonTest, FollowsTheContractInOrder) {
  std::string line = EventToJson(SampleEvent());
  EXPECT_EQ(line.find('\n'), std::string::npos);
  json j = json::parse(line);
  std::vector<std::string> keys;
  for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
  std::vector<std::string> contract = {"id",     "date",        "date_precision", "cameo",
                                       "action", "plover",      "actor",          "actor_code",
                                       "target", "target_code", "object",         "place",
                                       "claim",  "quantities",  "sources"};
  ASSERT_GE(keys.size(), contract.size());
  EXPECT_EQ(std::vector<std::string>(keys.begin(), keys.begin() + 15), contract);
  // A parse that ignores order still sees every contract key.
  EXPECT_EQ(j["date"], "2021-08-12");
  EXPECT_EQ(j["cameo"], "192");
  EXPECT_EQ(j["place"]["geonameid"], 1139715);
  EXPECT_EQ(j["place"]["precision"], "facility");
  EXPECT_NEAR(j["place"]["lat"].get<double>(), 34.34817, 1e-9);
  EXPECT_EQ(j["claim"]["status"], "reported");
  EXPECT_EQ(j["claim"]["by"], "");
  EXPECT_EQ(j["claim"]["confirms_claim_of"], "Taliban");
  EXPECT_EQ(j["quantities"][0]["what"], "vehicles");
  EXPECT_EQ(j["quantities"][0]["value"], 12);
  EXPECT_FALSE(j["quantities"][0].contains("unit"));
  ASSERT_EQ(j["sources"].size(), 2u);
  std::vector<std::string> source_keys;
  for (auto it = j["sources"][0].begin(); it != j["sources"][0].end(); ++it) {
    source_keys.push_back(it.key());
  }
  EXPECT_EQ(std::vector<std::string>(source_keys.begin(), source_keys.begin() + 7),
            (std::vector<std::string>{"report", "outlet", "url", "published", "sentence", "start",
                                      "end"}));
  EXPECT_EQ(j["sources"][1]["claim"], "claimed");
  EXPECT_EQ(j["corroboration"], 2);
}

TEST(EventJsonTest, UntrustedTextIsEscaped) {
  Event e = SampleEvent();
  std::string line = EventToJson(e);
  EXPECT_THAT(line, Not(HasSubstr("<script>")));
  EXPECT_THAT(line, Not(HasSubstr("</script>")));
  EXPECT_THAT(line, HasSubstr("\\u003cscript\\u003e"));
  EXPECT_THAT(line, HasSubstr("\\\"\\u003cscript"));  // the quote escaped too
  EXPECT_THAT(line, HasSubstr("x=1\\u0026y=2"));
  // And it reads back to exactly the original text.
  json j = json::parse(line);
  EXPECT_EQ(j["sources"][0]["sentence"], e.sources[0].sentence);
  EXPECT_EQ(j["sources"][0]["url"], e.sources[0].url);
}

TEST(EventJsonTest, InvalidUtf8AndLineSeparatorsDoNotBreakIt) {
  Event e = SampleEvent();
  e.sources[0].sentence = std::string("bad \xff\xfe bytes, and a \xE2\x80\xA8 separator");
  std::string line;
  ASSERT_NO_THROW(line = EventToJson(e));
  EXPECT_THAT(line, HasSubstr("\\u2028"));
  json j;
  ASSERT_NO_THROW(j = json::parse(line));
  EXPECT_THAT(j["sources"][0]["sentence"].get<std::string>(), HasSubstr("bytes"));
}

TEST(EventJsonTest, UnresolvedPlaceHasNulls) {
  Event e = SampleEvent();
  e.place = PlaceRef();
  e.place.text = "Somewhere";
  e.date = Date();
  json j = json::parse(EventToJson(e));
  EXPECT_TRUE(j["date"].is_null());
  EXPECT_TRUE(j["place"]["geonameid"].is_null());
  EXPECT_TRUE(j["place"]["lat"].is_null());
  EXPECT_EQ(j["place"]["name"], "");
  EXPECT_EQ(j["place"]["text"], "Somewhere");
  EXPECT_EQ(j["place"]["precision"], "unresolved");
}

TEST(EventsJsonlTest, OneLinePerEvent) {
  std::ostringstream out;
  WriteEventsJsonl({SampleEvent(), SampleEvent()}, out);
  std::istringstream in(out.str());
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    EXPECT_TRUE(json::accept(line)) << line;
    ++n;
  }
  EXPECT_EQ(n, 2);
}

TEST(EventsCsvTest, QuotedCellsStayInTheirColumns) {
  std::ostringstream out;
  Event unresolved = SampleEvent();
  unresolved.place = PlaceRef();
  unresolved.place.text = "Lashkar Gar";
  unresolved.date_precision = DatePrecision::kApprox;
  WriteEventsCsv({SampleEvent(), unresolved}, out);
  auto rows = ParseCsv(out.str());
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_THAT(rows[0],
              ElementsAre("event_id", "event_date", "event_type", "sub_event_type", "actor1",
                          "actor2", "admin1", "location", "latitude", "longitude", "geo_precision",
                          "time_precision", "source", "notes", "cameo", "cameo_label", "plover",
                          "plover_mode", "claim", "claimant", "corroboration", "geonameid"));
  for (const auto& row : rows) ASSERT_EQ(row.size(), 22u);
  const auto& r = rows[1];
  EXPECT_EQ(r[0], "ev1");
  EXPECT_EQ(r[1], "2021-08-12");
  EXPECT_EQ(r[2], "Strategic developments");
  EXPECT_EQ(r[4], "Taliban");
  EXPECT_EQ(r[5], "Afghan government forces");
  EXPECT_EQ(r[7], "Herat");
  EXPECT_EQ(r[8], "34.34817");
  EXPECT_EQ(r[9], "62.19967");
  EXPECT_EQ(r[10], "1");
  EXPECT_EQ(r[11], "1");
  EXPECT_EQ(r[12], "AFP; Reuters");
  EXPECT_THAT(r[13], HasSubstr("\"<script>alert('x')</script>\", said a, b\nand c."));
  EXPECT_THAT(r[13], HasSubstr("claimed by Taliban: =HYPERLINK"));
  EXPECT_EQ(r[14], "192");
  EXPECT_EQ(r[18], "reported");
  EXPECT_EQ(r[20], "2");
  EXPECT_EQ(r[21], "1139715");
  const auto& u = rows[2];
  EXPECT_EQ(u[7], "Lashkar Gar");
  EXPECT_EQ(u[8], "");
  EXPECT_EQ(u[10], "");
  EXPECT_EQ(u[11], "2");
  EXPECT_EQ(u[21], "");
}

TEST(EventsCsvTest, FormulasAreMadeInert) {
  Event e = SampleEvent();
  e.sources.resize(1);
  e.sources[0].sentence = "=cmd|' /C calc'!A0";
  e.actor = "@SUM(A1)";
  std::ostringstream out;
  WriteEventsCsv({e}, out);
  auto rows = ParseCsv(out.str());
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1][4], "'@SUM(A1)");
  EXPECT_EQ(rows[1][13], "'=cmd|' /C calc'!A0");
}

TEST(EventsGeoJsonTest, AValidFeatureCollectionOfResolvedEvents) {
  Event unresolved = SampleEvent();
  unresolved.place = PlaceRef();
  std::ostringstream out;
  WriteEventsGeoJson({SampleEvent(), unresolved}, out);
  EXPECT_THAT(out.str(), Not(HasSubstr("<script>")));
  json j = json::parse(out.str());
  EXPECT_EQ(j["type"], "FeatureCollection");
  ASSERT_EQ(j["features"].size(), 1u);
  const json& f = j["features"][0];
  EXPECT_EQ(f["type"], "Feature");
  EXPECT_EQ(f["geometry"]["type"], "Point");
  ASSERT_EQ(f["geometry"]["coordinates"].size(), 2u);
  EXPECT_NEAR(f["geometry"]["coordinates"][0].get<double>(), 62.19967, 1e-9);  // lon first
  EXPECT_NEAR(f["geometry"]["coordinates"][1].get<double>(), 34.34817, 1e-9);
  EXPECT_EQ(f["properties"]["id"], "ev1");
}

PlaceControl SampleControl() {
  PlaceControl pc;
  pc.place.geonameid = 1141269;
  pc.place.name = "Ghaznī";
  pc.place.ascii_name = "Ghazni";
  pc.place.kind = PlaceKind::kProvincialCapital;
  pc.place.country = "AF";
  pc.place.admin1_code = "AF.08";
  pc.place.admin1 = "Ghazni";
  pc.place.lat = 33.55391;
  pc.place.lon = 68.42096;
  pc.interval.geonameid = 1141269;
  pc.interval.holder = "Taliban";
  pc.interval.status = ControlStatus::kHeld;
  pc.interval.from = Date::FromYmd(2021, 8, 12);
  pc.interval.evidence = {"e2", "e9"};
  return pc;
}

TEST(ControlExportTest, JsonCsvAndGeoJson) {
  PlaceControl kabul;
  kabul.place.geonameid = 1138958;
  kabul.place.ascii_name = "Kabul";
  kabul.place.kind = PlaceKind::kNationalCapital;
  kabul.place.lat = 34.52813;
  kabul.place.lon = 69.17233;
  kabul.interval.holder = "Afghan government";
  kabul.by_default = true;

  json j = json::parse(PlaceControlToJson(SampleControl()));
  EXPECT_EQ(j["name"], "Ghazni");
  EXPECT_EQ(j["kind"], "provincial-capital");
  EXPECT_EQ(j["admin1"], "Ghazni");
  EXPECT_EQ(j["admin1_code"], "AF.08");
  EXPECT_EQ(j["status"], "held");
  EXPECT_EQ(j["since"], "2021-08-12");
  EXPECT_TRUE(j["until"].is_null());
  EXPECT_EQ(j["evidence"], json::array({"e2", "e9"}));

  std::ostringstream csv;
  WriteControlCsv({SampleControl(), kabul}, csv);
  auto rows = ParseCsv(csv.str());
  ASSERT_EQ(rows.size(), 3u);
  for (const auto& row : rows) ASSERT_EQ(row.size(), 14u);
  EXPECT_EQ(rows[1][13], "e2;e9");
  EXPECT_EQ(rows[2][10], "");
  EXPECT_EQ(rows[2][12], "true");

  std::ostringstream geo;
  WriteControlGeoJson({SampleControl(), kabul}, geo);
  json g = json::parse(geo.str());
  EXPECT_EQ(g["type"], "FeatureCollection");
  ASSERT_EQ(g["features"].size(), 2u);
  const json& p = g["features"][0]["properties"];
  for (const char* key : {"status", "holder", "challenger", "since", "kind", "evidence"}) {
    EXPECT_TRUE(p.contains(key)) << key;
  }
  EXPECT_EQ(g["features"][1]["properties"]["by_default"], true);
  EXPECT_TRUE(g["features"][1]["properties"]["since"].is_null());

  std::ostringstream jsonl;
  WriteControlJsonl({SampleControl(), kabul}, jsonl);
  std::string lines = jsonl.str();
  EXPECT_EQ(std::count(lines.begin(), lines.end(), '\n'), 2);
}

}  // namespace
}  // namespace sitrep
