// Micro-benchmarks of the coder's stages on generated text.
#include <benchmark/benchmark.h>

#include <memory>

#include "coder/corpus_generator.h"
#include "coder/dictionary.h"
#include "coder/list_lexicon.h"
#include "coder/sentence_splitter.h"
#include "coder/tokenizer.h"
#include "sitrep/coder.h"

namespace {

struct Fixture {
  std::unique_ptr<sitrep::coder::Dictionary> dict;
  std::unique_ptr<sitrep::coder::ListLexicon> lexicon;
  std::unique_ptr<sitrep::Coder> coder;
  std::vector<sitrep::Report> corpus;
  size_t sentences = 0;
  size_t bytes = 0;
};

const Fixture& Get() {
  static const Fixture* f = [] {
    auto* x = new Fixture;
    sitrep::coder::DictionarySource src;
    std::string dir = sitrep::DefaultDataDir() + "/dict";
    if (!sitrep::coder::LoadDictionaryDir(dir, &src).ok()) std::abort();
    auto d = sitrep::coder::Dictionary::Compile(std::move(src));
    if (!d.ok()) std::abort();
    x->dict = std::move(d).value();
    x->lexicon = std::make_unique<sitrep::coder::ListLexicon>(sitrep::coder::SampleNames());
    sitrep::CoderOptions o;
    o.dict_dirs = {dir};
    o.lexicon = x->lexicon.get();
    auto c = sitrep::Coder::Create(o);
    if (!c.ok()) std::abort();
    x->coder = std::move(c).value();
    std::vector<std::string> places;
    for (const auto& n : sitrep::coder::SampleNames()) places.push_back(n.name);
    sitrep::coder::CorpusOptions co;
    co.sentences = 20000;
    x->corpus = sitrep::coder::GenerateCorpus(*x->dict, places, co);
    for (const auto& r : x->corpus) x->bytes += r.text.size();
    x->sentences = co.sentences;
    return x;
  }();
  return *f;
}

void BM_Tokenize(benchmark::State& state) {
  const Fixture& f = Get();
  sitrep::coder::TokenizedText t;
  for (auto _ : state) {
    for (const auto& r : f.corpus) {
      sitrep::coder::Tokenize(r.text, &f.dict->vocabulary(), &t);
      benchmark::DoNotOptimize(t.tokens.data());
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
}
BENCHMARK(BM_Tokenize)->Unit(benchmark::kMillisecond);

void BM_TokenizeAndSplit(benchmark::State& state) {
  const Fixture& f = Get();
  sitrep::coder::TokenizedText t;
  for (auto _ : state) {
    for (const auto& r : f.corpus) {
      sitrep::coder::Tokenize(r.text, &f.dict->vocabulary(), &t);
      auto s = sitrep::coder::SplitSentences(t, {});
      benchmark::DoNotOptimize(s.data());
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * f.sentences));
}
BENCHMARK(BM_TokenizeAndSplit)->Unit(benchmark::kMillisecond);

void BM_PhraseMatch(benchmark::State& state) {
  const Fixture& f = Get();
  sitrep::coder::TokenizedText t;
  std::vector<sitrep::coder::PhraseMatch> m;
  for (auto _ : state) {
    for (const auto& r : f.corpus) {
      sitrep::coder::Tokenize(r.text, &f.dict->vocabulary(), &t);
      m.clear();
      f.dict->trie().MatchAll(t, 0, static_cast<uint32_t>(t.tokens.size()), &m);
      benchmark::DoNotOptimize(m.data());
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * f.sentences));
}
BENCHMARK(BM_PhraseMatch)->Unit(benchmark::kMillisecond);

void BM_Code(benchmark::State& state) {
  const Fixture& f = Get();
  for (auto _ : state) {
    for (const auto& r : f.corpus) {
      auto c = f.coder->Code(r);
      benchmark::DoNotOptimize(c.events.data());
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * f.sentences));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * f.bytes));
}
BENCHMARK(BM_Code)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
