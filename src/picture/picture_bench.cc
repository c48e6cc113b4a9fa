// Benchmarks of the picture: control as of a date over a large store, one
// more report ingested into it, and the control rules over one busy place.
//
// The store is filled once per process with synthetic reports: `kPlaces`
// places of one country, each report telling `kEventsPerReport` events
// (captures, fighting, sieges, claims) at random places over a year.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <random>
#include <string>

#include "picture/control_rules.h"
#include "sitrep/gazetteer.h"
#include "sitrep/picture.h"
#include "sitrep/store.h"

namespace sitrep {
namespace {

constexpr int kPlaces = 2000;
constexpr int kReports = 2000;
constexpr int kEventsPerReport = 10;

std::vector<Place> SyntheticPlaces() {
  std::vector<Place> out;
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> lat(30, 38), lon(61, 71);
  for (int i = 0; i < kPlaces; ++i) {
    Place p;
    p.geonameid = 100000 + i;
    p.name = p.ascii_name = "Place " + std::to_string(i);
    p.kind = i % 20 == 0 ? PlaceKind::kProvincialCapital : PlaceKind::kCity;
    p.country = "AF";
    p.admin1 = "Province " + std::to_string(i % 34);
    p.lat = lat(rng);
    p.lon = lon(rng);
    p.population = i % 20 == 0 ? 150000 : 5000;
    out.push_back(p);
  }
  return out;
}

ConflictProfile BenchProfile() {
  ConflictProfile p;
  p.name = "bench";
  p.countries = {"AF"};
  p.default_holder = "Government";
  p.capital = "Place 0";
  p.sides = {{"Government", "Government forces"}, {"Insurgents"}};
  return p;
}

// A synthetic report: `n` events at random places near `day`.
void MakeReport(std::mt19937& rng, const std::vector<Place>& places, int serial, Date day,
                Report* report, CodedReport* coded) {
  *report = Report();
  *coded = CodedReport();
  report->outlet = "Outlet " + std::to_string(serial % 7);
  report->published = day.AddDays(1);
  std::uniform_int_distribution<size_t> pick(0, places.size() - 1);
  std::uniform_int_distribution<int> kind(0, 9), shift(-3, 0);
  for (int k = 0; k < kEventsPerReport; ++k) {
    const Place& p = places[pick(rng)];
    Event e;
    int what = kind(rng);
    std::string verb;
    if (what < 3) {
      e.cameo = "192";
      e.effect = ControlEffect::kCaptures;
      e.actor = what == 0 ? "Government forces" : "Insurgents";
      verb = "captured";
    } else if (what < 7) {
      e.cameo = "190";
      e.effect = ControlEffect::kContests;
      e.actor = "Insurgents";
      e.target = "Government forces";
      verb = "fought in";
    } else if (what < 8) {
      e.cameo = "191";
      e.effect = ControlEffect::kBesieges;
      e.actor = "Insurgents";
      verb = "besieged";
    } else {
      e.cameo = "192";
      e.effect = ControlEffect::kCaptures;
      e.actor = "Insurgents";
      e.claim = ClaimStatus::kClaimed;
      e.claimant = "Insurgents";
      verb = "claimed";
    }
    e.date = day.AddDays(shift(rng));
    e.place.text = p.name;
    e.place.geonameid = p.geonameid;
    e.place.name = p.ascii_name;
    e.place.kind = p.kind;
    e.place.country = p.country;
    e.place.lat = p.lat;
    e.place.lon = p.lon;
    e.place.precision = GeoPrecision::kCity;
    std::string sentence =
        "Report " + std::to_string(serial) + ": " + e.actor + " " + verb + " " + p.name + ".";
    EventSource s;
    s.start = static_cast<uint32_t>(report->text.size());
    report->text += sentence;
    s.end = static_cast<uint32_t>(report->text.size());
    report->text += " ";
    coded->sentences.push_back({s.start, s.end});
    e.sources.push_back(s);
    coded->events.push_back(std::move(e));
  }
  report->id = ReportId(report->text);
}

struct Fixture {
  std::vector<Place> places = SyntheticPlaces();
  std::unique_ptr<Gazetteer> gazetteer = MakeMemoryGazetteer(places);
  std::unique_ptr<Store> store;
  std::unique_ptr<Picture> picture;
  std::mt19937 rng{11};
  int serial = 0;
  Date start = Date::FromYmd(2021, 1, 1);

  explicit Fixture(std::unique_ptr<Store> s) : store(std::move(s)) {
    picture = std::make_unique<Picture>(store.get(), gazetteer.get(), BenchProfile());
    Report report;
    CodedReport coded;
    for (; serial < kReports; ++serial) {
      MakeReport(rng, places, serial, start.AddDays(serial * 365 / kReports), &report, &coded);
      auto r = picture->Ingest(report, coded);
      if (!r.ok()) std::fprintf(stderr, "setup: %s\n", r.status().ToString().c_str());
    }
  }
};

Fixture& MemoryFixture() {
  static Fixture* f = new Fixture(NewMemoryStore());
  return *f;
}

Fixture& SqliteFixture() {
  static Fixture* f = [] {
    std::string path = (std::filesystem::temp_directory_path() /
                        ("sitrep-picture-bench-" + std::to_string(::getpid()) + ".db"))
                           .string();
    auto store = OpenSqliteStore(path);
    if (!store.ok()) {
      std::fprintf(stderr, "sqlite: %s\n", store.status().ToString().c_str());
      std::abort();
    }
    return new Fixture(std::move(store).value());
  }();
  return *f;
}

void BM_ControlAsOf(benchmark::State& state, Fixture& (*fixture)()) {
  Fixture& f = fixture();
  ControlQuery query;
  query.include_default = state.range(0) != 0;
  Date as_of = f.start.AddDays(200);
  size_t rows = 0;
  for (auto _ : state) {
    auto r = f.picture->ControlAsOf(as_of, query);
    rows = r.ok() ? r->size() : 0;
    benchmark::DoNotOptimize(rows);
  }
  state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK_CAPTURE(BM_ControlAsOf, memory, MemoryFixture)
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ControlAsOf, sqlite, SqliteFixture)
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond);

void BM_IngestOneMore(benchmark::State& state, Fixture& (*fixture)()) {
  Fixture& f = fixture();
  Report report;
  CodedReport coded;
  for (auto _ : state) {
    state.PauseTiming();
    MakeReport(f.rng, f.places, f.serial, f.start.AddDays(f.serial % 365), &report, &coded);
    ++f.serial;
    state.ResumeTiming();
    auto r = f.picture->Ingest(report, coded);
    benchmark::DoNotOptimize(r);
  }
  state.counters["events_per_report"] = kEventsPerReport;
}
BENCHMARK_CAPTURE(BM_IngestOneMore, memory, MemoryFixture)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_IngestOneMore, sqlite, SqliteFixture)->Unit(benchmark::kMillisecond);

void BM_ComputeControl(benchmark::State& state) {
  std::mt19937 rng(3);
  std::vector<Place> one = {SyntheticPlaces().front()};
  std::vector<Event> events;
  Report report;
  CodedReport coded;
  while (events.size() < static_cast<size_t>(state.range(0))) {
    MakeReport(rng, one, static_cast<int>(events.size()),
               Date::FromYmd(2021, 1, 1).AddDays(static_cast<int>(events.size())), &report, &coded);
    for (auto& e : coded.events) {
      e.id = std::to_string(events.size());
      e.sources[0].report_id = report.id;
      events.push_back(e);
    }
  }
  SideMap sides(BenchProfile().sides);
  ControlInput input;
  input.geonameid = one[0].geonameid;
  input.default_holder = "Government";
  input.sides = &sides;
  for (auto _ : state) {
    auto out = ComputeControl(events, input);
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_ComputeControl)->Arg(10)->Arg(100)->Arg(1000);

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
