// sitrep-coder-tool: codes text files (or stdin) and prints the events, one
// line each, for looking at what the coder does with a text.
//
//   sitrep-coder-tool --published 2021-08-13 [--dict DIR]... [FILE]
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "coder/list_lexicon.h"
#include "sitrep/coder.h"
#include "sitrep/gazetteer.h"

int main(int argc, char** argv) {
  sitrep::CoderOptions opts;
  std::string published = "2021-08-13";
  std::string file;
  bool no_lexicon = false;
  std::string gazetteer_path;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--published") == 0 && i + 1 < argc) {
      published = argv[++i];
    } else if (std::strcmp(argv[i], "--dict") == 0 && i + 1 < argc) {
      opts.dict_dirs.push_back(argv[++i]);
    } else if (std::strcmp(argv[i], "--gazetteer") == 0 && i + 1 < argc) {
      gazetteer_path = argv[++i];
    } else if (std::strcmp(argv[i], "--no-lexicon") == 0) {
      no_lexicon = true;
    } else {
      file = argv[i];
    }
  }
  sitrep::coder::ListLexicon lex(sitrep::coder::SampleNames());
  if (!no_lexicon) opts.lexicon = &lex;
  std::unique_ptr<sitrep::Gazetteer> gaz;
  if (!gazetteer_path.empty()) {
    auto g = sitrep::OpenGazetteer(gazetteer_path);
    if (!g.ok()) {
      std::fprintf(stderr, "%s\n", g.status().ToString().c_str());
      return 1;
    }
    gaz = std::move(g).value();
    opts.lexicon = gaz.get();
  }
  auto coder = sitrep::Coder::Create(opts);
  if (!coder.ok()) {
    std::fprintf(stderr, "%s\n", coder.status().ToString().c_str());
    return 1;
  }
  std::stringstream ss;
  if (file.empty()) {
    ss << std::cin.rdbuf();
  } else {
    std::ifstream in(file);
    ss << in.rdbuf();
  }
  sitrep::Report r;
  r.text = ss.str();
  r.id = sitrep::ReportId(r.text);
  auto d = sitrep::Date::Parse(published);
  if (!d.ok()) {
    std::fprintf(stderr, "%s\n", d.status().ToString().c_str());
    return 1;
  }
  r.published = *d;
  auto coded = (*coder)->Code(r);
  if (gaz) sitrep::PlaceResolver(gaz.get()).Resolve(r, &coded);
  for (const auto& e : coded.events) {
    std::printf("%s|%s|%s|T=%s|@%s(%s%s)|%s %s|%s %s|q=%zu|%s\n    <%s>\n",
                e.date.ToString().c_str(),
                std::string(sitrep::DatePrecisionName(e.date_precision)).c_str(),
                e.actor.empty() ? "unnamed" : e.actor.c_str(), e.target.c_str(),
                (e.place.text + (e.place.resolved() ? "=" + e.place.name : "")).c_str(),
                std::string(sitrep::GeoPrecisionName(e.place.precision)).c_str(),
                e.place.facility.empty() ? "" : (":" + e.place.facility).c_str(), e.cameo.c_str(),
                e.action.c_str(), std::string(sitrep::ClaimStatusName(e.claim)).c_str(),
                e.claimant.c_str(), e.quantities.size(),
                e.start_date.IsValid() ? ("from " + e.start_date.ToString()).c_str() : "",
                e.sources[0].sentence.substr(0, 160).c_str());
  }
  for (const auto& f : coded.figures) {
    std::printf("FIGURE %g %s | %s | %s\n", f.quantity.value, f.quantity.what.c_str(),
                f.subject.c_str(), f.claimant.c_str());
  }
  return 0;
}
