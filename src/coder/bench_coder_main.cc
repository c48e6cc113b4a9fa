// sitrep-bench-coder: end-to-end speed of the coder on a large generated
// corpus (deterministic), single-threaded, with the small list lexicon and
// with the world gazetteer as the name lexicon.
//
//   sitrep-bench-coder [--sentences N] [--seed S] [--gazetteer PATH | --no-gazetteer]
//
// Prints sentences per second per core, MB/s and peak RSS.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>

#include "coder/corpus_generator.h"
#include "coder/dictionary.h"
#include "coder/list_lexicon.h"
#include "sitrep/coder.h"
#include "sitrep/gazetteer.h"

namespace {

double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

long PeakRssKb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

void Run(const char* label, const sitrep::Coder& coder, const std::vector<sitrep::Report>& corpus) {
  size_t sentences = 0, events = 0, bytes = 0;
  auto t0 = std::chrono::steady_clock::now();
  double c0 = CpuSeconds();
  for (const auto& r : corpus) {
    sitrep::CodedReport c = coder.Code(r);
    sentences += c.sentences.size();
    events += c.events.size();
    bytes += r.text.size();
  }
  double cpu = CpuSeconds() - c0;
  double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf(
      "%-28s %9zu sentences %8zu events  %8.0f sentences/s/core  %6.1f MB/s  "
      "(cpu %.2f s, wall %.2f s)  peak RSS %ld MB\n",
      label, sentences, events, sentences / cpu, bytes / cpu / 1e6, cpu, wall, PeakRssKb() / 1024);
}

}  // namespace

int main(int argc, char** argv) {
  sitrep::coder::CorpusOptions corpus_options;
  std::string gazetteer_path = sitrep::DefaultGazetteerPath();
  bool use_gazetteer = true;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--sentences") == 0 && i + 1 < argc) {
      corpus_options.sentences = std::strtoull(argv[++i], nullptr, 10);
    } else if (std::strcmp(argv[i], "--seed") == 0 && i + 1 < argc) {
      corpus_options.seed = std::strtoull(argv[++i], nullptr, 10);
    } else if (std::strcmp(argv[i], "--gazetteer") == 0 && i + 1 < argc) {
      gazetteer_path = argv[++i];
    } else if (std::strcmp(argv[i], "--no-gazetteer") == 0) {
      use_gazetteer = false;
    } else {
      std::fprintf(stderr,
                   "usage: %s [--sentences N] [--seed S] [--gazetteer PATH | --no-gazetteer]\n",
                   argv[0]);
      return 2;
    }
  }
  std::string dict_dir = sitrep::DefaultDataDir() + "/dict";
  sitrep::coder::DictionarySource src;
  if (auto s = sitrep::coder::LoadDictionaryDir(dict_dir, &src); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return 1;
  }
  auto dict = sitrep::coder::Dictionary::Compile(std::move(src));
  if (!dict.ok()) {
    std::fprintf(stderr, "%s\n", dict.status().ToString().c_str());
    return 1;
  }
  std::vector<std::string> places;
  for (const auto& n : sitrep::coder::SampleNames()) {
    if (n.kinds & sitrep::kNameSettlement) places.push_back(n.name);
  }
  auto corpus = sitrep::coder::GenerateCorpus(**dict, places, corpus_options);
  size_t bytes = 0;
  for (const auto& r : corpus) bytes += r.text.size();
  std::printf("corpus: %zu reports, %.1f MB, seed %llu\n", corpus.size(), bytes / 1e6,
              static_cast<unsigned long long>(corpus_options.seed));

  sitrep::coder::ListLexicon list(sitrep::coder::SampleNames());
  sitrep::CoderOptions opts;
  opts.dict_dirs = {dict_dir};
  opts.lexicon = &list;
  auto with_list = sitrep::Coder::Create(opts);
  if (!with_list.ok()) {
    std::fprintf(stderr, "%s\n", with_list.status().ToString().c_str());
    return 1;
  }
  Run("list lexicon", **with_list, corpus);

  if (use_gazetteer && std::filesystem::exists(gazetteer_path)) {
    auto gaz = sitrep::OpenGazetteer(gazetteer_path);
    if (!gaz.ok()) {
      std::fprintf(stderr, "%s\n", gaz.status().ToString().c_str());
      return 1;
    }
    opts.lexicon = gaz->get();
    auto with_gaz = sitrep::Coder::Create(opts);
    if (!with_gaz.ok()) return 1;
    Run("world gazetteer lexicon", **with_gaz, corpus);
  } else {
    std::printf("world gazetteer: not used (%s)\n", gazetteer_path.c_str());
  }
  return 0;
}
