// Throughput of the reading steps on synthetic reports of realistic shape:
// UTF-8 checking, plain-text parsing, HTML extraction and JSON Lines.
#include <benchmark/benchmark.h>

#include <string>

#include "sitrep/reader.h"
#include "text/html_extractor.h"
#include "text/jsonl_reader.h"
#include "text/text_document.h"

namespace sitrep {
namespace {

// About `paragraphs` paragraphs of mixed ASCII and multi-byte prose.
std::string Prose(int paragraphs) {
  std::string out;
  for (int i = 0; i < paragraphs; ++i) {
    out +=
        "On Thursday, fighters entered the provincial capital after weeks of siege, "
        "an official in the city said \xE2\x80\x94 the third such loss this week. "
        "Residents of Her\xC4\x81t reported heavy fighting near the airport.\n\n";
  }
  return out;
}

void BM_CheckText(benchmark::State& state) {
  const std::string text = Prose(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(CheckText(text, "bench.txt"));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_CheckText)->Arg(10)->Arg(1000);

void BM_ParseTextDocument(benchmark::State& state) {
  const std::string doc =
      "url: https://example.org/a\noutlet: Example\npublished: 13 August 2021\n\n" +
      Prose(static_cast<int>(state.range(0)));
  for (auto _ : state) benchmark::DoNotOptimize(ParseTextDocument(doc, "bench.txt", {}));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.size()));
}
BENCHMARK(BM_ParseTextDocument)->Arg(10)->Arg(1000);

void BM_ExtractHtml(benchmark::State& state) {
  std::string html =
      "<!doctype html><html lang=en><head><title>T</title><script>var a = 1;</script>"
      "<meta property='article:published_time' content='2021-08-13'></head><body>"
      "<nav><a href=/>Home</a></nav><article>";
  for (int i = 0; i < state.range(0); ++i) {
    html +=
        "<p>On Thursday, <a href='/x'>fighters</a> entered the provincial capital &mdash; "
        "after weeks of siege, an official said.</p><div class=ad>Advert</div>";
  }
  html += "</article><footer>Footer</footer></body></html>";
  for (auto _ : state) benchmark::DoNotOptimize(ExtractHtml(html, {}));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * html.size()));
}
BENCHMARK(BM_ExtractHtml)->Arg(10)->Arg(1000);

void BM_ReadJsonLines(benchmark::State& state) {
  std::string jsonl;
  for (int i = 0; i < state.range(0); ++i) {
    jsonl += "{\"url\": \"https://example.org/" + std::to_string(i) +
             "\", \"outlet\": \"Wire\", \"published\": \"2021-08-13\", \"text\": \"On Thursday, "
             "fighters entered the provincial capital after weeks of siege.\"}\n";
  }
  for (auto _ : state) {
    size_t n = 0;
    ReadJsonLines(jsonl, "bench.jsonl", {}, [&n](Result<Report> r) { n += r.ok(); });
    benchmark::DoNotOptimize(n);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * jsonl.size()));
}
BENCHMARK(BM_ReadJsonLines)->Arg(1000);

}  // namespace
}  // namespace sitrep

BENCHMARK_MAIN();
