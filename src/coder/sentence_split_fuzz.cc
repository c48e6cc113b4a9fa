// Fuzz harness: tokenize and split arbitrary bytes; every token must lie in
// the text, in order, and belong to exactly one sentence.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "coder/sentence_splitter.h"
#include "coder/tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  sitrep::coder::TokenizedText t;
  sitrep::coder::Tokenize(text, nullptr, &t);
  uint32_t last = 0;
  for (const auto& tok : t.tokens) {
    if (tok.start < last || tok.end <= tok.start || tok.end > size) std::abort();
    if (tok.fold + tok.fold_len > t.folded.size()) std::abort();
    last = tok.end;
  }
  sitrep::coder::SplitOptions o;
  o.max_sentence_bytes = 64;
  auto sentences = sitrep::coder::SplitSentences(t, o);
  uint32_t next = 0;
  for (const auto& s : sentences) {
    if (s.tok_begin != next || s.tok_end <= s.tok_begin || s.end > size) std::abort();
    if (s.dateline_end < s.tok_begin || s.dateline_end > s.tok_end) std::abort();
    next = s.tok_end;
  }
  if (next != t.tokens.size()) std::abort();
  return 0;
}
