// Benchmarks of the world gazetteer: load time and memory, look-ups,
// scanning news text for names, spatial queries and resolution.
//
//   sitrep_places_bench [--benchmark_filter=...]
// Uses DefaultGazetteerPath() ($SITREP_GAZETTEER or the file the build made).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "sitrep/gazetteer.h"

namespace sitrep {
namespace {

// Resident and peak resident memory of this process, in MiB (Linux).
void MemoryMiB(double* rss, double* peak) {
  *rss = *peak = 0;
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("VmRSS:", 0) == 0) *rss = std::stod(line.substr(6)) / 1024.0;
    if (line.rfind("VmHWM:", 0) == 0) *peak = std::stod(line.substr(6)) / 1024.0;
  }
}

const Gazetteer* World() {
  static const Gazetteer* world = [] {
    auto g = OpenGazetteer(DefaultGazetteerPath());
    if (!g.ok()) {
      std::fprintf(stderr, "%s\n", g.status().ToString().c_str());
      return static_cast<const Gazetteer*>(nullptr);
    }
    return static_cast<const Gazetteer*>(std::move(*g).release());
  }();
  return world;
}

// News-like text: the seed story if present, else a paragraph written here.
const std::string& NewsText() {
  static const std::string text = [] {
    std::ifstream in(std::string(SITREP_SHARED_DIR) + "/seed/seed-article.txt");
    std::stringstream ss;
    ss << in.rdbuf();
    std::string t = ss.str();
    if (t.empty()) {
      t = "On Thursday, the Taliban took over the police headquarters in Herat and seized "
          "Ghazni, 150 kilometres from Kabul. Fighting raged in Kandahar and Lashkar Gah, an "
          "official in Helmand province said. Spokesman Ned Price said Washington was watching "
          "events closely as negotiators met in Doha, Qatar.";
    }
    return t;
  }();
  return text;
}

void BM_OpenWorld(benchmark::State& state) {
  const std::string path = DefaultGazetteerPath();
  for (auto _ : state) {
    auto g = OpenGazetteer(path);
    if (!g.ok()) {
      state.SkipWithError(g.status().ToString().c_str());
      return;
    }
    benchmark::DoNotOptimize(g->get()->size());
    double rss = 0, peak = 0;
    MemoryMiB(&rss, &peak);
    state.counters["rss_MiB"] = rss;
    state.counters["peak_rss_MiB"] = peak;
    state.counters["places"] = static_cast<double>((*g)->size());
  }
}
BENCHMARK(BM_OpenWorld)->Unit(benchmark::kMillisecond)->Iterations(5);

const std::vector<std::string>& QueryNames() {
  static const std::vector<std::string> names = {"Herat",
                                                 "Kandahar",
                                                 "Ghazni",
                                                 "Lashkar Gah",
                                                 "Lashkar Gar",
                                                 "Kabul",
                                                 "Doha",
                                                 "Shindand",
                                                 "Mazar-i-Sharif",
                                                 "Taluqan",
                                                 "Kharkiv",
                                                 "Kharkov",
                                                 "Aleppo",
                                                 "El Fasher",
                                                 "Sittwe",
                                                 "Timbuktu",
                                                 "Tripoli",
                                                 "Homs",
                                                 "Kandahar province",
                                                 "Afghanistan",
                                                 "Washington",
                                                 "London",
                                                 "Price",
                                                 "Khan",
                                                 "Atlantis",
                                                 "Herāt",
                                                 "MOSUL",
                                                 "Deir ez-Zor",
                                                 "Pul-e Khumri",
                                                 "Nowhere Town"};
  return names;
}

void BM_Lookup(benchmark::State& state) {
  if (World() == nullptr) return state.SkipWithError("no world gazetteer");
  const auto& names = QueryNames();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(World()->Lookup(names[i]));
    if (++i == names.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Lookup);

void BM_Get(benchmark::State& state) {
  if (World() == nullptr) return state.SkipWithError("no world gazetteer");
  const int64_t ids[] = {1140026, 1138336, 1141269, 1134720, 1138958, 290030, 1125155, 42};
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(World()->Get(ids[i]));
    i = (i + 1) % 8;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Get);

void BM_FoldName(benchmark::State& state) {
  const auto& names = QueryNames();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(FoldName(names[i]));
    if (++i == names.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_FoldName);

void BM_FindNames(benchmark::State& state) {
  if (World() == nullptr) return state.SkipWithError("no world gazetteer");
  const std::string& text = NewsText();
  std::vector<NameHit> hits;
  for (auto _ : state) {
    hits.clear();
    World()->FindNames(text, &hits);
    benchmark::DoNotOptimize(hits.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["hits"] = static_cast<double>(hits.size());
}
BENCHMARK(BM_FindNames);

void BM_Within150km(benchmark::State& state) {
  if (World() == nullptr) return state.SkipWithError("no world gazetteer");
  for (auto _ : state) {
    benchmark::DoNotOptimize(World()->Within(34.52813, 69.17233, 150));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Within150km);

// The places of one country by kind: the per-country index against the
// world-wide search it replaces (every place within half the earth's
// circumference, filtered by country).
void BM_PlacesInCountry(benchmark::State& state) {
  if (World() == nullptr) return state.SkipWithError("no world gazetteer");
  for (auto _ : state) {
    benchmark::DoNotOptimize(World()->PlacesIn("AF", PlaceKind::kProvincialCapital));
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PlacesInCountry)->Unit(benchmark::kMicrosecond);

void BM_PlacesInCountryByWorldScan(benchmark::State& state) {
  if (World() == nullptr) return state.SkipWithError("no world gazetteer");
  for (auto _ : state) {
    std::vector<const Place*> out;
    for (const auto& d : World()->Within(0, 0, 20100, PlaceKind::kProvincialCapital)) {
      if (d.place->country == "AF") out.push_back(d.place);
    }
    benchmark::DoNotOptimize(out);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_PlacesInCountryByWorldScan)->Unit(benchmark::kMillisecond);

void BM_ResolveReport(benchmark::State& state) {
  if (World() == nullptr) return state.SkipWithError("no world gazetteer");
  Report report;
  report.text = NewsText();
  std::vector<NameHit> hits;
  World()->FindNames(report.text, &hits);
  CodedReport base;
  for (const auto& h : hits) {
    PlaceMention m;
    m.start = h.start;
    m.end = h.end;
    m.place.text = report.text.substr(h.start, h.end - h.start);
    base.mentions.push_back(m);
  }
  PlaceResolver resolver(World());
  for (auto _ : state) {
    CodedReport coded = base;
    resolver.Resolve(report, &coded);
    benchmark::DoNotOptimize(coded.mentions.data());
  }
  state.counters["mentions"] = static_cast<double>(base.mentions.size());
}
BENCHMARK(BM_ResolveReport)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
