// Sentence splitting over tokens.
//
// A sentence ends at '.', '!', '?' or an ellipsis (with any closing quotes
// or brackets that follow) when the next token begins a new sentence: not a
// lower-case word, not glued to the stop. A stop after a title ("Gen.",
// "Lt. Col."), an initial ("George W. Bush"), a month before a day ("Aug.
// 12"), "No." before a number, or a dotted acronym ("U.S.", "a.m.") does not
// end the sentence unless a typical sentence opener ("The", "He", ...)
// follows. A quote that ends a sentence inside the quotes (".”") ends it
// after the closing mark. A blank line always ends a sentence and starts a
// new paragraph.
//
// A dateline at the start of the text ("WASHINGTON/HERAT/KABUL/DOHA:",
// "KABUL, Aug 13 (Wire) -") stays in the first sentence; its tokens are
// marked so that the coder can treat its names as context only.
//
// Thread-safety: reentrant.
#ifndef SITREP_CODER_SENTENCE_SPLITTER_H_
#define SITREP_CODER_SENTENCE_SPLITTER_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "coder/tokenizer.h"

namespace sitrep::coder {

struct SentenceSpan {
  uint32_t tok_begin = 0;  // token range [tok_begin, tok_end)
  uint32_t tok_end = 0;
  uint32_t start = 0;  // byte offsets of the first and past the last token
  uint32_t end = 0;
  uint32_t paragraph = 0;     // 0-based paragraph number
  uint32_t dateline_end = 0;  // token index past the dateline; == tok_begin if none
};

struct SplitOptions {
  // A sentence longer than this many bytes is cut at a token boundary.
  size_t max_sentence_bytes = 4096;
};

// Splits the tokens of one text into sentences. Every token belongs to
// exactly one sentence; sentences are in text order.
std::vector<SentenceSpan> SplitSentences(const TokenizedText& text, const SplitOptions& options);

// Number of leading tokens of `text` that form a dateline (0 if none).
size_t DatelineLength(const TokenizedText& text);

}  // namespace sitrep::coder

#endif  // SITREP_CODER_SENTENCE_SPLITTER_H_
