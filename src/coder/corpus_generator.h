// CorpusGenerator: a large, realistic, deterministic corpus of conflict
// reports for benchmarking the coder, made from the dictionaries (actor
// aliases, action verbs and nouns, countries) and a place list.
//
// Each report has a dateline, events in the styles news uses (active and
// passive captures, fighting with named and unnamed sides, attributions,
// denials, hypotheticals, appositives, quantities, dates) and sentences with
// no event. The same seed gives the same corpus on every machine.
//
// Thread-safety: Generate is reentrant.
#ifndef SITREP_CODER_CORPUS_GENERATOR_H_
#define SITREP_CODER_CORPUS_GENERATOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "coder/dictionary.h"
#include "sitrep/model.h"

namespace sitrep::coder {

struct CorpusOptions {
  uint64_t seed = 20210813;
  size_t sentences = 1'000'000;      // total, across reports
  size_t sentences_per_report = 24;  // before paragraph breaks
  Date first_day = Date::FromYmd(2021, 5, 1);
};

// `places` are settlement names ("Herat", "Kharkiv"). REQUIRES: non-empty.
std::vector<Report> GenerateCorpus(const Dictionary& dict, const std::vector<std::string>& places,
                                   const CorpusOptions& options);

}  // namespace sitrep::coder

#endif  // SITREP_CODER_CORPUS_GENERATOR_H_
