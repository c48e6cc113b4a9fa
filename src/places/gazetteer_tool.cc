// sitrep-gazetteer: builds the world gazetteer file, and looks into one.
//
//   sitrep-gazetteer build --cities F --admin1 F --countries F [--aliases F]
//                          [--demonyms F] [--stopwords F] --out F
//   sitrep-gazetteer lookup [--gazetteer F] NAME...
//   sitrep-gazetteer scan [--gazetteer F] TEXT
//   sitrep-gazetteer resolve [--gazetteer F] TEXT
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>
#include <vector>

#include "sitrep/gazetteer.h"

namespace {

int Fail(const sitrep::Status& s) {
  std::fprintf(stderr, "sitrep-gazetteer: %s\n", s.ToString().c_str());
  return 1;
}

void PrintPlace(const sitrep::PlaceCandidate& c) {
  const sitrep::Place& p = *c.place;
  std::printf(
      "%lld\t%s\t%s\t%s\t%s\t%s\t%.5f\t%.5f\t%lld\t%s\t%.2f\n", static_cast<long long>(p.geonameid),
      p.ascii_name.c_str(), std::string(sitrep::PlaceKindName(p.kind)).c_str(), p.admin1.c_str(),
      p.country.c_str(), p.feature_code.c_str(), p.lat, p.lon, static_cast<long long>(p.population),
      std::string(sitrep::NameMatchName(c.match)).c_str(), c.prior);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Builds and inspects the sitrep gazetteer file"};
  app.require_subcommand(1);
  sitrep::GazetteerSources src;
  std::string out;
  auto* build = app.add_subcommand("build", "Build the gazetteer file from GeoNames tables");
  build->add_option("--cities", src.cities, "GeoNames cities1000.txt")->required();
  build->add_option("--admin1", src.admin1, "admin1.json")->required();
  build->add_option("--countries", src.countries, "i18n-iso-countries langs/en.json")->required();
  build->add_option("--aliases", src.aliases, "aliases.tsv");
  build->add_option("--demonyms", src.demonyms, "demonyms.tsv");
  build->add_option("--stopwords", src.stop_names, "place-stopwords.tsv");
  build->add_option("--out", out, "the gazetteer file to write")->required();

  std::string path = sitrep::DefaultGazetteerPath();
  std::vector<std::string> words;
  auto* lookup = app.add_subcommand("lookup", "Print the candidates for names");
  lookup->add_option("--gazetteer", path, "gazetteer file");
  lookup->add_option("names", words, "names")->required();
  std::string text;
  auto* scan = app.add_subcommand("scan", "Print the place names found in a text");
  scan->add_option("--gazetteer", path, "gazetteer file");
  scan->add_option("text", text, "text")->required();
  auto* resolve = app.add_subcommand("resolve", "Resolve the place names found in a text");
  resolve->add_option("--gazetteer", path, "gazetteer file");
  resolve->add_option("text", text, "text")->required();
  CLI11_PARSE(app, argc, argv);

  if (build->parsed()) {
    sitrep::Status s = sitrep::BuildGazetteer(src, out);
    if (!s.ok()) return Fail(s);
    return 0;
  }
  auto g = sitrep::OpenGazetteer(path);
  if (!g.ok()) return Fail(g.status());
  if (lookup->parsed()) {
    for (const auto& w : words) {
      std::printf("# %s\n", w.c_str());
      for (const auto& c : (*g)->Candidates(w)) PrintPlace(c);
    }
  } else if (resolve->parsed()) {
    sitrep::Report report;
    report.text = text;
    sitrep::CodedReport coded;
    std::vector<sitrep::NameHit> hits;
    (*g)->FindNames(text, &hits);
    for (const auto& h : hits) {
      sitrep::PlaceMention m;
      m.start = h.start;
      m.end = h.end;
      m.place.text = text.substr(h.start, h.end - h.start);
      coded.mentions.push_back(m);
    }
    sitrep::PlaceResolver(g->get()).Resolve(report, &coded);
    for (const auto& m : coded.mentions) {
      std::printf("%s\t%lld\t%s\t%s\t%s\t%s\n", m.place.text.c_str(),
                  static_cast<long long>(m.place.geonameid), m.place.name.c_str(),
                  std::string(sitrep::PlaceKindName(m.place.kind)).c_str(), m.place.admin1.c_str(),
                  m.place.country.c_str());
    }
  } else if (scan->parsed()) {
    std::vector<sitrep::NameHit> hits;
    (*g)->FindNames(text, &hits);
    for (const auto& h : hits) {
      std::printf("%u\t%u\t%s\tkinds=%u\tsalience=%.2f\n", h.start, h.end,
                  text.substr(h.start, h.end - h.start).c_str(), h.kinds, h.salience);
    }
  }
  return 0;
}
