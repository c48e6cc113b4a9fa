#include "coder/reference_coder.h"

#include "coder/tokenizer.h"

namespace sitrep::coder {

namespace {

// Tries phrase tokens [p, end) against text tokens from i; appends matches.
void Try(const TokenizedText& t, const CompiledPhrase& ph, size_t p, uint32_t start, uint32_t i,
         uint32_t gap_b, uint32_t gap_e, uint32_t max_gap, std::vector<PhraseMatch>* out) {
  const uint32_t n = static_cast<uint32_t>(t.tokens.size());
  if (p == ph.tokens.size()) {
    if (ph.entry.flags & kEntryAllCaps) {
      for (uint32_t k = start; k < i; ++k) {
        if (k >= gap_b && k < gap_e) continue;
        if (t.tokens[k].Is(kTokWord) && !t.tokens[k].Is(kTokAllCaps)) return;
      }
    }
    out->push_back(PhraseMatch{start, i, gap_b, gap_e, ph.entry});
    return;
  }
  if (ph.tokens[p] == "{}") {
    for (uint32_t g = 0; g <= max_gap && i + g <= n; ++g) {
      if (g > 0) {
        const Token& tok = t.tokens[i + g - 1];
        std::string_view f = t.Folded(i + g - 1);
        if (tok.Is(kTokPunct) && f != "-" && f != "'") break;
      }
      bool first_gap = gap_b == gap_e;
      Try(t, ph, p + 1, start, i + g, first_gap ? i : gap_b, first_gap ? i + g : gap_e, max_gap,
          out);
    }
    return;
  }
  if (i >= n || t.Folded(i) != ph.tokens[p]) return;
  Try(t, ph, p + 1, start, i + 1, gap_b, gap_e, max_gap, out);
}

}  // namespace

ReferenceMatcher::ReferenceMatcher(const Dictionary* dict) : dict_(dict) {}

std::vector<PhraseMatch> ReferenceMatcher::Match(std::string_view text) const {
  TokenizedText t;
  Tokenize(text, nullptr, &t);
  std::vector<PhraseMatch> out;
  const uint32_t max_gap = static_cast<uint32_t>(dict_->trie().max_gap());
  for (uint32_t i = 0; i < t.tokens.size(); ++i) {
    for (const CompiledPhrase& ph : dict_->phrases()) {
      Try(t, ph, 0, i, i, 0, 0, max_gap, &out);
    }
  }
  return out;
}

}  // namespace sitrep::coder
