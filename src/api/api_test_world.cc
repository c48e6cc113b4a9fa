#include "api/api_test_world.h"

#include <algorithm>
#include <cstring>

namespace sitrep::api::testing {

namespace {

void CodeSentence(const Report& report, size_t start, size_t end, CodedReport* out) {
  std::string s = report.text.substr(start, end - start);
  struct Verb {
    const char* word;
    const char* cameo;
    const char* label;
    ControlEffect effect;
  };
  static const Verb kVerbs[] = {
      {" claimed that they captured ", "192", "occupy territory", ControlEffect::kCaptures},
      {" captured ", "192", "occupy territory", ControlEffect::kCaptures},
      {" attacked ", "190", "use conventional military force", ControlEffect::kContests},
      {" besieged ", "191", "impose blockade", ControlEffect::kBesieges},
  };
  for (const Verb& v : kVerbs) {
    size_t at = s.find(v.word);
    if (at == std::string::npos) continue;
    std::string rest = s.substr(at + std::strlen(v.word));
    size_t on = rest.find(" on ");
    Event e;
    e.actor = s.substr(0, at);
    e.cameo = v.cameo;
    e.action = v.label;
    e.effect = v.effect;
    e.place.text = rest.substr(0, on);
    e.date = report.published;
    if (on != std::string::npos) {
      auto d = Date::Parse(rest.substr(on + 4, 10));
      if (d.ok()) e.date = *d;
    }
    if (std::string(v.word).find("claimed") != std::string::npos) {
      e.claim = ClaimStatus::kClaimed;
      e.claimant = e.actor;
    }
    EventSource src;
    src.outlet = report.outlet;
    src.url = report.url;
    src.published = report.published;
    src.sentence = s;
    src.start = static_cast<uint32_t>(start);
    src.end = static_cast<uint32_t>(end);
    src.claim = e.claim;
    src.claimant = e.claimant;
    e.sources.push_back(src);
    size_t place_at = start + at + std::strlen(v.word);
    out->mentions.push_back({static_cast<uint32_t>(place_at),
                             static_cast<uint32_t>(place_at + e.place.text.size()), e.place});
    out->events.push_back(std::move(e));
    return;
  }
}

Place MakePlace(int64_t id, std::string name, PlaceKind kind, std::string admin1, double lat,
                double lon, int64_t population) {
  Place p;
  p.geonameid = id;
  p.name = name;
  p.ascii_name = std::move(name);
  p.kind = kind;
  p.feature_code = kind == PlaceKind::kNationalCapital     ? "PPLC"
                   : kind == PlaceKind::kProvincialCapital ? "PPLA"
                   : kind == PlaceKind::kCountry           ? "PCLI"
                                                           : "PPL";
  p.country = "SD";
  p.country_name = "Sudan";
  p.admin1 = std::move(admin1);
  p.lat = lat;
  p.lon = lon;
  p.population = population;
  return p;
}

}  // namespace

std::vector<Place> SudanPlaces() {
  return {
      MakePlace(9000, "Sudan", PlaceKind::kCountry, "", 15.0, 30.0, 43000000),
      MakePlace(9001, "Khartoum", PlaceKind::kNationalCapital, "Khartoum", 15.5518, 32.5324,
                1974647),
      MakePlace(9002, "Nyala", PlaceKind::kProvincialCapital, "South Darfur", 12.0489, 24.8807,
                565734),
      MakePlace(9003, "El Fasher", PlaceKind::kProvincialCapital, "North Darfur", 13.6279, 25.3494,
                264734),
      MakePlace(9004, "El Geneina", PlaceKind::kProvincialCapital, "West Darfur", 13.4525, 22.4472,
                162981),
      MakePlace(9005, "Wad Madani", PlaceKind::kProvincialCapital, "Al Jazirah", 14.4012, 33.5199,
                345290),
      MakePlace(9006, "Kassala", PlaceKind::kProvincialCapital, "Kassala", 15.4510, 36.4000,
                401477),
  };
}

ConflictProfile SudanProfile() {
  ConflictProfile p;
  p.name = "sudan-test";
  p.title = "Sudan (test world)";
  p.countries = {"SD"};
  p.default_holder = "Sudanese Armed Forces";
  p.capital = "Khartoum";
  p.sides = {{"Sudanese Armed Forces", "SAF"}, {"Rapid Support Forces", "RSF"}};
  return p;
}

Report MakeReport(std::string text, const char* published, std::string outlet) {
  Report r;
  r.text = std::move(text);
  r.id = ReportId(r.text);
  r.published = *Date::Parse(published);
  r.outlet = std::move(outlet);
  r.url = "https://news.example/" + r.id;
  r.origin = "test:" + r.id;
  return r;
}

CodedReport FakeCoder::Code(const Report& report) const {
  CodedReport out;
  const std::string& text = report.text;
  size_t start = 0;
  while (start < text.size()) {
    // A sentence ends at ". " or a line end (not at every '.': the
    // hostile text has "window.__pwned").
    size_t end = std::min(text.find(". ", start), text.find('\n', start));
    if (end == std::string::npos) end = text.size();
    if (end == text.size() && end > start && text[end - 1] == '.') --end;
    if (end > start) {
      out.sentences.push_back({static_cast<uint32_t>(start), static_cast<uint32_t>(end)});
      CodeSentence(report, start, end, &out);
    }
    start = end + 1;
    while (start < text.size() && text[start] == ' ') ++start;
  }
  return out;
}

Result<std::unique_ptr<MemoryWorld>> MemoryWorld::Make() {
  auto w = std::make_unique<MemoryWorld>();
  w->gazetteer = MakeMemoryGazetteer(SudanPlaces());
  w->store = NewMemoryStore();
  w->picture = std::make_unique<Picture>(w->store.get(), w->gazetteer.get(), SudanProfile());
  w->pipeline = std::make_unique<Pipeline>(&w->coder, w->gazetteer.get(), w->picture.get());
  const Report reports[] = {
      MakeReport("Rapid Support Forces captured Nyala on 2023-10-26. Rapid Support Forces "
                 "attacked El Fasher on 2023-10-26.",
                 "2023-10-27", "Nile Wire"),
      MakeReport(std::string("Rapid Support Forces captured El Geneina on 2023-11-04 ") + kHostile +
                     " said a witness.",
                 "2023-11-05", "Darfur Monitor"),
      MakeReport("Rapid Support Forces claimed that they captured Wad Madani on 2023-12-18.",
                 "2023-12-19", "Nile Wire"),
  };
  for (const Report& r : reports) {
    auto result = w->pipeline->IngestReport(r);
    if (!result.ok()) return result.status();
  }
  return w;
}

}  // namespace sitrep::api::testing
