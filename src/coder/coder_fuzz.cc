// Fuzz harness: code arbitrary bytes as a report with the shipped
// dictionaries; every event must have one source whose offsets lie in the
// text, and every mention must point into the text.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>

#include "coder/list_lexicon.h"
#include "sitrep/coder.h"

namespace {

const sitrep::Coder* GetCoder() {
  static const sitrep::coder::ListLexicon* lexicon =
      new sitrep::coder::ListLexicon(sitrep::coder::SampleNames());
  static const sitrep::Coder* coder = [] {
    sitrep::CoderOptions o;
    o.dict_dirs = {std::string(SITREP_SOURCE_DIR) + "/data/dict"};
    o.lexicon = lexicon;
    o.max_sentence_bytes = 512;
    auto c = sitrep::Coder::Create(o);
    if (!c.ok()) std::abort();
    return c->release();
  }();
  return coder;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sitrep::Report r;
  r.text.assign(reinterpret_cast<const char*>(data), size);
  r.id = "fuzz";
  r.published = sitrep::Date::FromYmd(2021, 8, 13);
  sitrep::CodedReport c = GetCoder()->Code(r);
  for (const auto& e : c.events) {
    if (e.sources.size() != 1) std::abort();
    const auto& s = e.sources[0];
    if (s.start > s.end || s.end > size) std::abort();
    if (r.text.compare(s.start, s.end - s.start, s.sentence) != 0) std::abort();
    if (!e.date.IsValid() || e.cameo.empty()) std::abort();
  }
  for (const auto& m : c.mentions) {
    if (m.start > m.end || m.end > size) std::abort();
  }
  for (const auto& s : c.sentences) {
    if (s.start > s.end || s.end > size) std::abort();
  }
  return 0;
}
