// The HTTP API end to end, in process: a real server on 127.0.0.1 (an
// ephemeral port) over a memory store, answered through httplib::Client.
//
// The world is a small one of its own (api_test_world.h: places of Sudan, a
// two-sided profile, a rule-based FakeCoder) so that nothing here leans on
// the seed story or the dictionaries; places are resolved by the real
// PlaceResolver, and control is kept by the real Picture.
#include "api/api.h"

#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <thread>

#include "api/api_test_world.h"
#include "sitrep/coder.h"
#include "sitrep/export.h"
#include "sitrep/gazetteer.h"
#include "sitrep/ingest.h"
#include "sitrep/picture.h"
#include "sitrep/server.h"
#include "sitrep/store.h"

namespace sitrep {
namespace {

using Json = nlohmann::json;
namespace fs = std::filesystem;

using api::testing::kHostile;
using api::testing::MakeReport;
using api::testing::MemoryWorld;

constexpr char kToken[] = "api-test-token-0123456789";

struct Reply {
  int status = 0;
  std::string body;
  httplib::Headers headers;
  Json json;  // parsed when the body is JSON
  std::string Header(const char* name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

class ApiServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto world = MemoryWorld::Make();
    ASSERT_TRUE(world.ok()) << world.status().ToString();
    world_ = std::move(world).value();
    gazetteer_ = world_->gazetteer.get();
    store_ = world_->store.get();
    picture_ = world_->picture.get();
    pipeline_ = world_->pipeline.get();
    auto events = store_->Events(EventFilter{});
    ASSERT_TRUE(events.ok());
    ASSERT_EQ(events->size(), 4u);
    for (const Event& e : *events) ASSERT_TRUE(e.place.resolved()) << e.place.text;

    web_root_ = fs::temp_directory_path() /
                ("sitrep_api_test_web_" +
                 std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::create_directories(web_root_);
    std::ofstream(web_root_ / "index.html") << "<!doctype html><title>map</title>";
    std::ofstream(web_root_ / "app.js") << "console.log(1);";
    StartServer(DefaultOptions());
  }

  void TearDown() override {
    client_.reset();
    if (server_) server_->Stop();
    fs::remove_all(web_root_);
  }

  ServerOptions DefaultOptions() const {
    ServerOptions o;
    o.bind = "127.0.0.1";
    o.port = 0;
    o.token = kToken;
    o.max_body_bytes = 64 * 1024;
    o.timeout_ms = 5000;
    o.threads = 8;
    o.web_root = web_root_.string();
    o.store_check_ms = 50;
    return o;
  }

  void StartServer(const ServerOptions& options) {
    client_.reset();
    if (server_) server_->Stop();
    auto server = Server::Start(options, Context());
    ASSERT_TRUE(server.ok()) << server.status().ToString();
    server_ = std::move(server).value();
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_read_timeout(10, 0);
    client_->set_url_encode(false);  // send each target exactly as written
  }

  ServerContext Context() { return world_->context(); }

  void Ingest(const Report& r) {
    auto result = pipeline_->IngestReport(r);
    ASSERT_TRUE(result.ok()) << result.status().ToString();
  }

  static Reply Wrap(const httplib::Result& res) {
    Reply r;
    if (!res) {
      r.status = -1;
      return r;
    }
    r.status = res->status;
    r.body = res->body;
    r.headers = res->headers;
    if (res->get_header_value("Content-Type").find("json") != std::string::npos &&
        res->get_header_value("Content-Type").find("ndjson") == std::string::npos) {
      r.json = Json::parse(res->body, nullptr, false);
    }
    return r;
  }

  Reply Get(const std::string& path, const std::string& token = "") {
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    return Wrap(client_->Get(path.c_str(), headers));
  }

  Reply Post(const std::string& path, const std::string& body, const std::string& content_type,
             const std::string& token = kToken) {
    httplib::Headers headers;
    if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
    return Wrap(client_->Post(path.c_str(), headers, body, content_type.c_str()));
  }

  static void ExpectError(const Reply& r, int status, const std::string& kind,
                          const std::string& input_part = "") {
    EXPECT_EQ(r.status, status) << r.body;
    ASSERT_TRUE(r.json.is_object()) << r.body;
    ASSERT_TRUE(r.json.contains("error")) << r.body;
    EXPECT_EQ(r.json["error"]["kind"], kind) << r.body;
    EXPECT_FALSE(r.json["error"]["message"].get<std::string>().empty());
    EXPECT_NE(r.json["error"]["input"].get<std::string>().find(input_part), std::string::npos)
        << r.body;
  }

  std::unique_ptr<MemoryWorld> world_;
  const Gazetteer* gazetteer_ = nullptr;
  Store* store_ = nullptr;
  Picture* picture_ = nullptr;
  Pipeline* pipeline_ = nullptr;
  std::unique_ptr<Server> server_;
  std::unique_ptr<httplib::Client> client_;
  fs::path web_root_;
};

// ---------------------------------------------------------------- reads

TEST_F(ApiServerTest, InfoDescribesProfileDatesAndActors) {
  Reply r = Get("/api/info");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["title"], "Sudan (test world)");
  EXPECT_EQ(r.json["sides"], Json::array({"Sudanese Armed Forces", "Rapid Support Forces"}));
  EXPECT_EQ(r.json["first_date"], "2023-10-26");
  EXPECT_EQ(r.json["last_date"], "2023-12-19");  // the last report's publication
  EXPECT_EQ(r.json["first_report_date"], "2023-10-27");
  EXPECT_EQ(r.json["last_report_date"], "2023-12-19");
  EXPECT_EQ(r.json["stats"]["reports"], 3);
  EXPECT_EQ(r.json["stats"]["events"], 4);
  EXPECT_NE(std::find(r.json["actors"].begin(), r.json["actors"].end(), "Rapid Support Forces"),
            r.json["actors"].end());
  EXPECT_TRUE(r.json["writes_enabled"].get<bool>());
  EXPECT_FALSE(r.json["reads_protected"].get<bool>());
}

TEST_F(ApiServerTest, EventsAreTheStoresEventsInTheOutputContract) {
  Reply r = Get("/api/events");
  ASSERT_EQ(r.status, 200) << r.body;
  auto stored = store_->Events(EventFilter{});
  ASSERT_TRUE(stored.ok());
  ASSERT_EQ(r.json["count"], stored->size());
  ASSERT_EQ(r.json["events"].size(), stored->size());
  for (size_t i = 0; i < stored->size(); ++i) {
    EXPECT_EQ(r.json["events"][i], Json::parse(EventToJson((*stored)[i])));
  }
  EXPECT_FALSE(r.json["truncated"].get<bool>());
}

TEST_F(ApiServerTest, EventFiltersMatchTheStoresFilters) {
  struct Case {
    std::string query;
    EventFilter filter;
  };
  std::vector<Case> cases;
  {
    EventFilter f;
    f.since = *Date::Parse("2023-11-01");
    cases.push_back({"since=2023-11-01", f});
  }
  {
    EventFilter f;
    f.until = *Date::Parse("2023-10-31");
    f.family = "19";
    cases.push_back({"until=2023-10-31&family=19", f});
  }
  {
    EventFilter f;
    f.place = "Nyala";
    cases.push_back({"place=Nyala", f});
  }
  {
    EventFilter f;
    f.geonameid = 9004;
    cases.push_back({"place=9004", f});
  }
  {
    EventFilter f;
    f.claim = ClaimStatus::kClaimed;
    cases.push_back({"claim=claimed", f});
  }
  {
    EventFilter f;
    f.actor = "rapid support forces";
    f.limit = 2;
    cases.push_back({"actor=rapid+support+forces&limit=2", f});
  }
  {
    EventFilter f;
    f.min_corroboration = 2;
    cases.push_back({"min_corroboration=2", f});
  }
  for (const Case& c : cases) {
    Reply r = Get("/api/events?" + c.query);
    ASSERT_EQ(r.status, 200) << c.query << ": " << r.body;
    EventFilter f = c.filter;
    if (f.limit == 0) f.limit = 1000;  // the server's default limit
    auto stored = store_->Events(f);
    ASSERT_TRUE(stored.ok());
    ASSERT_EQ(r.json["events"].size(), stored->size()) << c.query;
    for (size_t i = 0; i < stored->size(); ++i) {
      EXPECT_EQ(r.json["events"][i]["id"], (*stored)[i].id) << c.query;
    }
  }
  Reply limited = Get("/api/events?limit=2");
  EXPECT_TRUE(limited.json["truncated"].get<bool>());
}

TEST_F(ApiServerTest, EventFormatsJsonlGeoJsonCsv) {
  Reply jsonl = Get("/api/events?format=jsonl");
  ASSERT_EQ(jsonl.status, 200);
  EXPECT_EQ(jsonl.Header("Content-Type"), "application/x-ndjson");
  std::istringstream lines(jsonl.body);
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    if (line.empty()) continue;
    Json j = Json::parse(line, nullptr, false);
    EXPECT_TRUE(j.is_object()) << line;
    ++n;
  }
  EXPECT_EQ(n, 4);

  Reply geo = Get("/api/events?format=geojson");
  ASSERT_EQ(geo.status, 200);
  EXPECT_EQ(geo.Header("Content-Type"), "application/geo+json");
  ASSERT_TRUE(geo.json.is_object()) << geo.body;
  EXPECT_EQ(geo.json["type"], "FeatureCollection");
  ASSERT_EQ(geo.json["features"].size(), 4u);
  for (const Json& f : geo.json["features"]) {
    EXPECT_EQ(f["type"], "Feature");
    EXPECT_EQ(f["geometry"]["type"], "Point");
    ASSERT_EQ(f["geometry"]["coordinates"].size(), 2u);
    double lon = f["geometry"]["coordinates"][0];
    double lat = f["geometry"]["coordinates"][1];
    // RFC 7946: longitude first. Sudan is east of Greenwich, north of the equator.
    EXPECT_GT(lon, 20);
    EXPECT_LT(lon, 40);
    EXPECT_GT(lat, 10);
    EXPECT_LT(lat, 20);
    EXPECT_TRUE(f["properties"].is_object());
  }

  Reply csv = Get("/api/events?format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.Header("Content-Type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body.rfind("event_id,event_date,", 0), 0u) << csv.body.substr(0, 80);

  ExpectError(Get("/api/events?format=xml"), 400, "invalid_argument", "format=xml");
}

TEST_F(ApiServerTest, OneEventById) {
  auto stored = store_->Events(EventFilter{});
  const Event& e = stored->front();
  Reply r = Get("/api/events/" + e.id);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json, Json::parse(EventToJson(e)));
  ExpectError(Get("/api/events/no-such-event"), 404, "not_found", "no-such-event");
  ExpectError(Get("/api/events/%zz"), 400, "invalid_argument");
  ExpectError(Get("/api/events/a/b"), 404, "not_found");
}

TEST_F(ApiServerTest, ControlIsWhatThePictureSays) {
  for (const char* date : {"2023-10-01", "2023-10-27", "2023-11-05", "2023-12-31"}) {
    Reply r = Get(std::string("/api/control?as_of=") + date);
    ASSERT_EQ(r.status, 200) << r.body;
    EXPECT_EQ(r.json["as_of"], date);
    auto rows = picture_->ControlAsOf(*Date::Parse(date), ControlQuery{});
    ASSERT_TRUE(rows.ok());
    ASSERT_EQ(r.json["control"].size(), rows->size()) << date;
    for (size_t i = 0; i < rows->size(); ++i) {
      EXPECT_EQ(r.json["control"][i], Json::parse(PlaceControlToJson((*rows)[i]))) << date;
    }
  }
  // And what the picture says follows the reports: Nyala was taken on 2023-10-26.
  Reply after = Get("/api/control?as_of=2023-10-27&holder=Rapid+Support+Forces");
  ASSERT_EQ(after.status, 200);
  bool nyala = false;
  for (const Json& row : after.json["control"]) {
    if (row["name"] == "Nyala") {
      nyala = true;
      EXPECT_EQ(row["status"], "held");
      EXPECT_EQ(row["holder"], "Rapid Support Forces");
    }
  }
  EXPECT_TRUE(nyala) << after.body;
}

TEST_F(ApiServerTest, ControlFiltersAndFormats) {
  Reply no_default = Get("/api/control?as_of=2023-12-31&include_default=false");
  ASSERT_EQ(no_default.status, 200);
  for (const Json& row : no_default.json["control"]) EXPECT_FALSE(row["by_default"].get<bool>());
  Reply capitals = Get("/api/control?as_of=2023-12-31&kind=national-capital");
  ASSERT_EQ(capitals.status, 200);
  ASSERT_GE(capitals.json["control"].size(), 1u);
  for (const Json& row : capitals.json["control"]) EXPECT_EQ(row["kind"], "national-capital");

  Reply geo = Get("/api/control?as_of=2023-12-31&format=geojson");
  ASSERT_EQ(geo.status, 200);
  EXPECT_EQ(geo.json["type"], "FeatureCollection");
  EXPECT_EQ(geo.json["features"].size(),
            picture_->ControlAsOf(*Date::Parse("2023-12-31"), ControlQuery{})->size());
  Reply csv = Get("/api/control?as_of=2023-12-31&format=csv");
  EXPECT_EQ(csv.body.rfind("geonameid,name,kind,", 0), 0u);
  EXPECT_EQ(Get("/api/control").status, 200);  // as_of defaults to today
  EXPECT_EQ(Get("/api/control?as_of=today").status, 200);
}

TEST_F(ApiServerTest, BadParametersAre400WithKindMessageAndInput) {
  ExpectError(Get("/api/control?as_of=2023-13-45"), 400, "bad_date", "as_of=2023-13-45");
  ExpectError(Get("/api/control?as_of=yesterday"), 400, "bad_date", "yesterday");
  ExpectError(Get("/api/control?kind=castle"), 400, "invalid_argument", "kind=castle");
  ExpectError(Get("/api/control?include_default=perhaps"), 400, "invalid_argument");
  ExpectError(Get("/api/control?as_of=2023-10-01&as_of=2023-10-02"), 400, "invalid_argument");
  ExpectError(Get("/api/control?sinse=2023-10-01"), 400, "invalid_argument", "sinse");
  ExpectError(Get("/api/changes?window=8x"), 400, "invalid_argument", "window=8x");
  ExpectError(Get("/api/changes?window=1m"), 400, "invalid_argument");
  ExpectError(Get("/api/events?since=2023-11-01&until=2023-10-01"), 400, "invalid_argument");
  ExpectError(Get("/api/events?limit=0"), 400, "invalid_argument", "limit=0");
  ExpectError(Get("/api/events?limit=100001"), 400, "invalid_argument");
  ExpectError(Get("/api/events?family=abc"), 400, "invalid_argument");
  ExpectError(Get("/api/events?claim=rumour"), 400, "invalid_argument");
  ExpectError(Get("/api/events?place=%FF"), 400, "invalid_argument");
  ExpectError(Get("/api/near?place=Nyala&radius=-5"), 400, "invalid_argument", "radius=-5");
  ExpectError(Get("/api/near?radius=5"), 400, "invalid_argument", "place");
  ExpectError(Get("/api/places"), 400, "invalid_argument", "q");
  ExpectError(Get("/api/control/history"), 400, "invalid_argument", "place");
  ExpectError(Get("/api/summary?window=0d"), 400, "invalid_argument");
  ExpectError(Get("/api/control?as_of=" + std::string(9000, '1')), 414, "too_large");
}

TEST_F(ApiServerTest, ControlHistoryOfAPlace) {
  Reply r = Get("/api/control/history?place=Nyala");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["place"]["geonameid"], 9002);
  auto history = picture_->History(9002);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(r.json["intervals"].size(), history->size());
  bool taken = false;
  for (const Json& iv : r.json["intervals"]) {
    if (iv["holder"] == "Rapid Support Forces" && iv["from"] == "2023-10-26") taken = true;
  }
  EXPECT_TRUE(taken) << r.body;
  EXPECT_EQ(Get("/api/control/history?place=9002").json, r.json);
  ExpectError(Get("/api/control/history?place=Atlantis"), 404, "not_found", "Atlantis");
  ExpectError(Get("/api/control/history?place=123456789"), 404, "not_found");
}

TEST_F(ApiServerTest, ChangesMatchThePicture) {
  Reply r = Get("/api/changes?as_of=2023-12-31&window=10w");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["window_days"], 70);
  EXPECT_EQ(r.json["from"], "2023-10-22");
  auto changes = picture_->Changes(*Date::Parse("2023-12-31"), 70, ChangeQuery{});
  ASSERT_TRUE(changes.ok());
  ASSERT_EQ(r.json["changes"].size(), changes->size());
  ASSERT_GE(changes->size(), 2u);  // Nyala and El Geneina at least
  for (size_t i = 0; i < changes->size(); ++i) {
    EXPECT_EQ(r.json["changes"][i]["place"]["geonameid"], (*changes)[i].place.geonameid);
    EXPECT_EQ(r.json["changes"][i]["date"], (*changes)[i].date.ToString());
    EXPECT_EQ(r.json["changes"][i]["to_holder"], (*changes)[i].to_holder);
  }
  Reply narrow = Get("/api/changes?as_of=2023-10-27&window=2d&to=Rapid+Support+Forces");
  ASSERT_EQ(narrow.status, 200);
  ASSERT_EQ(narrow.json["changes"].size(), 1u) << narrow.body;
  EXPECT_EQ(narrow.json["changes"][0]["place"]["name"], "Nyala");
}

TEST_F(ApiServerTest, SummaryIsThePicturesSummary) {
  Reply r = Get("/api/summary?as_of=2023-11-05&window=14d");
  ASSERT_EQ(r.status, 200) << r.body;
  auto summary = picture_->Summarize(*Date::Parse("2023-11-05"), 14);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(r.json["text"], summary->text);
  EXPECT_EQ(r.json["window_days"], 14);
  EXPECT_EQ(r.json["figures"].size(), summary->figures.size());
}

TEST_F(ApiServerTest, PlacesAndNear) {
  Reply places = Get("/api/places?q=el+fasher");
  ASSERT_EQ(places.status, 200) << places.body;
  ASSERT_GE(places.json["places"].size(), 1u);
  EXPECT_EQ(places.json["places"][0]["geonameid"], 9003);
  EXPECT_EQ(places.json["places"][0]["kind"], "provincial-capital");
  EXPECT_EQ(Get("/api/places?q=Atlantis").json["count"], 0);

  // Nearest place held by the RSF to Khartoum on 2023-11-05: El Fasher is
  // contested and Wad Madani only claimed later, so it is Nyala or El Geneina,
  // whichever the picture says, at the geodesic distance.
  Reply nearest = Get("/api/near?place=Khartoum&held_by=Rapid+Support+Forces&as_of=2023-11-05");
  ASSERT_EQ(nearest.status, 200) << nearest.body;
  auto expected = picture_->NearestHeldBy(*gazetteer_->Get(9001), "Rapid Support Forces",
                                          *Date::Parse("2023-11-05"));
  ASSERT_TRUE(expected.ok());
  ASSERT_TRUE(expected->has_value());
  EXPECT_EQ(nearest.json["nearest"]["place"]["geonameid"], (*expected)->nearest.place.geonameid);
  EXPECT_NEAR(nearest.json["nearest"]["km"].get<double>(), (*expected)->km, 1e-6);
  Reply too_far =
      Get("/api/near?place=Khartoum&held_by=Rapid+Support+Forces&as_of=2023-11-05&radius=100");
  EXPECT_TRUE(too_far.json["nearest"].is_null()) << too_far.body;

  Reply around = Get("/api/near?place=Nyala&radius=400km&as_of=2023-11-05");
  ASSERT_EQ(around.status, 200) << around.body;
  double last = 0;
  bool fasher = false;
  for (const Json& item : around.json["places"]) {
    EXPECT_LE(item["km"].get<double>(), 400);
    EXPECT_GE(item["km"].get<double>(), last);
    last = item["km"].get<double>();
    if (item["place"]["geonameid"] == 9003) fasher = true;
  }
  EXPECT_TRUE(fasher) << around.body;  // about 170 km away
  ExpectError(Get("/api/near?place=Atlantis"), 404, "not_found");
}

TEST_F(ApiServerTest, OpenApiDescribesEveryRouteAndNoOther) {
  Reply r = Get("/api/openapi.json");
  ASSERT_EQ(r.status, 200);
  ASSERT_TRUE(r.json.is_object()) << r.body.substr(0, 200);
  EXPECT_EQ(r.json["openapi"].get<std::string>().rfind("3.", 0), 0u);
  const Json& paths = r.json["paths"];
  auto routes = api::Api::Routes();
  for (const auto& [path, method] : routes) {
    std::string m = method == "GET" ? "get" : "post";
    ASSERT_TRUE(paths.contains(path)) << path;
    EXPECT_TRUE(paths[path].contains(m)) << path << " " << m;
    EXPECT_TRUE(paths[path][m].contains("responses")) << path;
  }
  EXPECT_EQ(paths.size(), routes.size());
  // Every component a document refers to exists.
  std::string text = r.body;
  for (size_t at = text.find("#/components/schemas/"); at != std::string::npos;
       at = text.find("#/components/schemas/", at + 1)) {
    size_t start = at + std::strlen("#/components/schemas/");
    std::string name = text.substr(start, text.find('"', start) - start);
    EXPECT_TRUE(r.json["components"]["schemas"].contains(name)) << name;
  }
}

// ---------------------------------------------------------------- HTTP rules

TEST_F(ApiServerTest, UnknownPathsAre404AndWrongMethods405) {
  ExpectError(Get("/api/nope"), 404, "not_found", "/api/nope");
  ExpectError(Get("/api/control/"), 404, "not_found");
  ExpectError(Get("/no-such-page.html"), 404, "not_found");
  Reply post = Post("/api/control", "x", "text/plain");
  ExpectError(post, 405, "method_not_allowed");
  EXPECT_EQ(post.Header("Allow"), "GET, HEAD");
  Reply get = Get("/api/reports");
  ExpectError(get, 405, "method_not_allowed");
  EXPECT_EQ(get.Header("Allow"), "POST");
  Reply del = Wrap(client_->Delete("/api/events"));
  ExpectError(del, 405, "method_not_allowed");
  auto head = client_->Head("/api/control?as_of=2023-10-27");
  ASSERT_TRUE(head);
  EXPECT_EQ(head->status, 200);
  EXPECT_TRUE(head->body.empty());
}

TEST_F(ApiServerTest, SecurityHeadersOnThePageAndTheApi) {
  Reply page = Get("/");
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.body, "<!doctype html><title>map</title>");
  EXPECT_EQ(page.Header("Content-Type"), "text/html; charset=utf-8");
  std::string csp = page.Header("Content-Security-Policy");
  EXPECT_NE(csp.find("script-src 'self'"), std::string::npos);
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(csp.find("unsafe-eval"), std::string::npos);
  EXPECT_EQ(page.Header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(Get("/app.js").Header("Content-Type"), "text/javascript; charset=utf-8");
  for (const char* path : {"/api/control", "/api/nope", "/api/control?as_of=bad"}) {
    Reply r = Get(path);
    EXPECT_EQ(r.Header("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_FALSE(r.Header("Content-Security-Policy").empty()) << path;
  }
}

TEST_F(ApiServerTest, HostileReportTextIsEscapedInEveryJsonResponse) {
  for (const char* path : {"/api/events", "/api/events?format=jsonl", "/api/events?format=geojson",
                           "/api/events?place=El+Geneina"}) {
    Reply r = Get(path);
    ASSERT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.body.find('<'), std::string::npos) << path;
    EXPECT_EQ(r.body.find('>'), std::string::npos) << path;
    EXPECT_NE(r.body.find("\\u003cscript\\u003e"), std::string::npos) << path;
  }
  // Escaped, not altered: the sentence decodes to exactly what the report said.
  Reply r = Get("/api/events?place=El+Geneina");
  ASSERT_EQ(r.json["events"].size(), 1u);
  std::string sentence = r.json["events"][0]["sources"][0]["sentence"];
  EXPECT_NE(sentence.find(kHostile), std::string::npos) << sentence;
  // Errors echo their input escaped too.
  Reply err = Get("/api/control?as_of=%3Cscript%3E");
  EXPECT_EQ(err.status, 400);
  EXPECT_EQ(err.body.find('<'), std::string::npos);
  EXPECT_EQ(err.json["error"]["input"], "as_of=<script>");
}

// ---------------------------------------------------------------- writes

TEST_F(ApiServerTest, PostNeedsTheRightToken) {
  const std::string report = "published: 2023-12-20\n\nRapid Support Forces captured Kassala.\n";
  Reply none = Post("/api/reports", report, "text/plain", "");
  ExpectError(none, 401, "unauthorized");
  EXPECT_EQ(none.Header("WWW-Authenticate"), "Bearer realm=\"sitrep\"");
  ExpectError(Post("/api/reports", report, "text/plain", "api-test-token-0123456780"), 401,
              "unauthorized");
  ExpectError(Post("/api/reports", report, "text/plain", std::string(kToken) + "x"), 401,
              "unauthorized");
  httplib::Headers basic{{"Authorization", std::string("Basic ") + kToken}};
  ExpectError(Wrap(client_->Post("/api/reports", basic, report, "text/plain")), 401,
              "unauthorized");
  EXPECT_EQ(store_->Stats()->reports, 3);  // nothing was stored
}

TEST_F(ApiServerTest, PostTextReportIngestsAndInvalidatesTheCache) {
  Reply before = Get("/api/control?as_of=2023-12-31");
  ASSERT_EQ(before.status, 200);
  EXPECT_EQ(Get("/api/control?as_of=2023-12-31").Header("X-Sitrep-Cache"), "hit");

  const std::string report =
      "url: https://news.example/kassala\noutlet: East Wire\npublished: 2023-12-21\n\n"
      "Rapid Support Forces captured Kassala on 2023-12-20.\n";
  Reply posted = Post("/api/reports", report, "text/plain; charset=utf-8");
  ASSERT_EQ(posted.status, 201) << posted.body;
  ASSERT_EQ(posted.json["reports"].size(), 1u);
  EXPECT_FALSE(posted.json["reports"][0]["duplicate"].get<bool>());
  EXPECT_EQ(posted.json["reports"][0]["events_new"], 1);
  EXPECT_EQ(posted.json["reports"][0]["places_changed"], Json::array({9006}));

  Reply after = Get("/api/control?as_of=2023-12-31");
  EXPECT_EQ(after.Header("X-Sitrep-Cache"), "miss");
  bool kassala = false;
  for (const Json& row : after.json["control"]) {
    if (row["geonameid"] == 9006) {
      kassala = true;
      EXPECT_EQ(row["holder"], "Rapid Support Forces") << row.dump();
    }
  }
  EXPECT_TRUE(kassala);
  EXPECT_NE(before.body, after.body);

  Reply again = Post("/api/reports", report, "text/plain");
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_TRUE(again.json["reports"][0]["duplicate"].get<bool>());
}

TEST_F(ApiServerTest, PostJsonReport) {
  Json body{{"url", "https://news.example/a"},
            {"outlet", "Kordofan Post"},
            {"published", "2023-12-22"},
            {"title", "t"},
            {"text", "Rapid Support Forces besieged El Fasher on 2023-12-21."}};
  Reply posted = Post("/api/reports", body.dump(2), "application/json");
  ASSERT_EQ(posted.status, 201) << posted.body;
  EXPECT_EQ(posted.json["reports"][0]["events_new"], 1);
  Reply events = Get("/api/events?family=191");
  ASSERT_EQ(events.json["events"].size(), 1u) << events.body;
  EXPECT_EQ(events.json["events"][0]["sources"][0]["outlet"], "Kordofan Post");

  ExpectError(Post("/api/reports", "{\"text\": ", "application/json"), 400, "invalid_input");
  ExpectError(Post("/api/reports", "[1,2]", "application/json"), 400, "invalid_input");
  ExpectError(Post("/api/reports", "{\"text\": \"No date here.\"}", "application/json"), 400,
              "missing_date");
  Reply with_query =
      Post("/api/reports?published=2023-12-23",
           "{\"text\": \"Rapid Support Forces attacked Kassala.\"}", "application/json");
  EXPECT_EQ(with_query.status, 201) << with_query.body;
  ExpectError(Post("/api/reports", "x", "image/png"), 415, "unsupported_media_type");
  ExpectError(Post("/api/reports", "", "text/plain"), 400, "empty_input");
  ExpectError(Post("/api/reports?published=2023-02-30", "text", "text/plain"), 400, "bad_date");
}

TEST_F(ApiServerTest, OversizedBodyIs413) {
  std::string big = "published: 2023-12-20\n\n" + std::string(100 * 1024, 'a');
  Reply r = Post("/api/reports", big, "text/plain");
  ExpectError(r, 413, "too_large");
  EXPECT_EQ(store_->Stats()->reports, 3);
}

TEST_F(ApiServerTest, NoTokenConfiguredMeansNoWrites) {
  unsetenv("SITREP_TOKEN");
  setenv("SITREP_TOKEN_FILE", "/nonexistent/sitrep-token", 1);
  ServerOptions o = DefaultOptions();
  o.token.clear();
  StartServer(o);
  ExpectError(Post("/api/reports", "published: 2023-12-20\n\nx", "text/plain", "anything"), 403,
              "forbidden");
  EXPECT_EQ(Get("/api/control").status, 200);
  EXPECT_FALSE(Get("/api/info").json["writes_enabled"].get<bool>());
  unsetenv("SITREP_TOKEN_FILE");
}

TEST_F(ApiServerTest, ProtectedReadsNeedTheToken) {
  ServerOptions o = DefaultOptions();
  o.protect_reads = true;
  StartServer(o);
  ExpectError(Get("/api/control"), 401, "unauthorized");
  ExpectError(Get("/api/events", "wrong-token-000000000000"), 401, "unauthorized");
  EXPECT_EQ(Get("/api/control", kToken).status, 200);
  EXPECT_EQ(Get("/api/openapi.json").status, 200);  // the description stays open
  EXPECT_EQ(Get("/").status, 200);                  // the page holds no data
}

TEST_F(ApiServerTest, StartRefusesUnsafeOrBadOptions) {
  ServerOptions open = DefaultOptions();
  open.bind = "0.0.0.0";
  auto refused = Server::Start(open, Context());
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().kind(), ErrorKind::kInvalidArgument);

  ServerOptions protect_without_token = DefaultOptions();
  protect_without_token.token.clear();
  protect_without_token.protect_reads = true;
  unsetenv("SITREP_TOKEN");
  setenv("SITREP_TOKEN_FILE", "/nonexistent/sitrep-token", 1);
  EXPECT_FALSE(Server::Start(protect_without_token, Context()).ok());
  unsetenv("SITREP_TOKEN_FILE");

  ServerOptions short_token = DefaultOptions();
  short_token.token = "short";
  EXPECT_FALSE(Server::Start(short_token, Context()).ok());

  ServerOptions same_port = DefaultOptions();
  same_port.port = server_->port();
  auto busy = Server::Start(same_port, Context());
  ASSERT_FALSE(busy.ok());
  EXPECT_EQ(busy.status().kind(), ErrorKind::kIoError);
}

TEST_F(ApiServerTest, StopFromAnotherThreadEndsWait) {
  Server* server = server_.get();
  std::thread stopper([server] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    server->Stop();  // what a signal handler does
  });
  server->Wait();
  stopper.join();
  client_->set_connection_timeout(1, 0);
  EXPECT_EQ(Get("/api/info").status, -1);  // nobody listens any more
  server->Stop();                          // idempotent
  server->Wait();
}

TEST_F(ApiServerTest, ChangesByAnotherWriterAreNoticed) {
  EXPECT_EQ(Get("/api/info").json["stats"]["reports"], 3);
  EXPECT_EQ(Get("/api/info").Header("X-Sitrep-Cache"), "hit");
  // Written past the server, as `sitrep ingest` on the same database would.
  Ingest(MakeReport("Rapid Support Forces attacked Kassala on 2023-12-24.", "2023-12-25",
                    "East Wire"));
  std::this_thread::sleep_for(std::chrono::milliseconds(120));
  Reply r = Get("/api/info");  // this request notices; the cache is invalidated
  Reply again = Get("/api/info");
  EXPECT_EQ(again.json["stats"]["reports"], 4) << again.body;
}

TEST_F(ApiServerTest, ConcurrentReadsDuringIngests) {
  std::atomic<int> failures{0};
  std::atomic<int> done{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 4; ++t) {
    readers.emplace_back([&, t] {
      httplib::Client c("127.0.0.1", server_->port());
      const char* paths[] = {"/api/control?as_of=2023-12-31", "/api/events?since=2023-11-01",
                             "/api/changes?as_of=2023-12-31&window=70d", "/api/info"};
      for (int i = 0; i < 60; ++i) {
        auto res = c.Get(paths[(i + t) % 4]);
        if (!res || res->status != 200) ++failures;
        ++done;
      }
    });
  }
  for (int i = 0; i < 5; ++i) {
    std::string text = "Rapid Support Forces attacked Kassala on 2024-01-0" +
                       std::to_string(i + 1) + ". Report number " + std::to_string(i) + ".";
    Reply r = Post("/api/reports?published=2024-01-10", text, "text/plain");
    EXPECT_EQ(r.status, 201) << r.body;
  }
  for (auto& th : readers) th.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(done.load(), 240);
  EXPECT_EQ(Get("/api/info").json["stats"]["reports"], 8);
}

}  // namespace
}  // namespace sitrep
