// Tokenizer: splits UTF-8 report text into word, number and punctuation
// tokens that carry byte offsets into the text and a folded form.
//
// Rules (English news text):
//  - a word is a run of letters, marks and digits; "U.S." and "a.m." (single
//    letters joined by dots) are one token including the final dot;
//  - "3,000" and "1.5" are one number token;
//  - a possessive "'s" and a negating "n't" are tokens of their own, whatever
//    the apostrophe character ("Afghanistan´s" -> "afghanistan" "'s");
//  - a hyphen is a token of its own, so "pro-Taliban" is "pro" "-" "taliban"
//    and "power-sharing" matches the dictionary phrase "power-sharing";
//  - every other punctuation character is one token; long dashes fold to
//    "--", quotes to '"'.
// Invalid UTF-8 bytes become U+FFFD punctuation; nothing is dropped.
//
// Thread-safety: Tokenize is reentrant; a TokenizedText is a value.
#ifndef SITREP_CODER_TOKENIZER_H_
#define SITREP_CODER_TOKENIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "coder/vocabulary.h"

namespace sitrep::coder {

enum TokenFlag : uint16_t {
  kTokWord = 1 << 0,             // letters (possibly with digits)
  kTokNumber = 1 << 1,           // starts with a digit
  kTokPunct = 1 << 2,            // punctuation or symbol
  kTokCapitalized = 1 << 3,      // first letter upper case
  kTokAllCaps = 1 << 4,          // every letter upper case (and at least one)
  kTokSpaceBefore = 1 << 5,      // white space precedes it
  kTokNewlineBefore = 1 << 6,    // a line break precedes it
  kTokParagraphBefore = 1 << 7,  // a blank line precedes it
  kTokQuoteOpen = 1 << 8,        // an opening quotation mark
  kTokQuoteClose = 1 << 9,       // a closing quotation mark
  kTokAcronym = 1 << 10,         // dotted acronym, "U.S."
};

struct Token {
  uint32_t start = 0;  // byte offsets into the tokenized text
  uint32_t end = 0;
  uint32_t fold = 0;  // offset of the folded form in TokenizedText::folded
  uint32_t fold_len = 0;
  uint32_t id = 0;  // vocabulary id of the folded form; 0 = unknown
  uint16_t flags = 0;

  bool Is(uint16_t f) const { return (flags & f) != 0; }
};

struct TokenizedText {
  std::vector<Token> tokens;
  std::string folded;  // folded forms, concatenated

  std::string_view Folded(const Token& t) const {
    return std::string_view(folded).substr(t.fold, t.fold_len);
  }
  std::string_view Folded(size_t i) const { return Folded(tokens[i]); }
  void Clear() {
    tokens.clear();
    folded.clear();
  }
};

// Tokenizes `text` into `out` (cleared first). Offsets are relative to
// text.data() plus `base_offset`. `vocab` may be null (ids stay 0).
void Tokenize(std::string_view text, const Vocabulary* vocab, TokenizedText* out,
              uint32_t base_offset = 0);

}  // namespace sitrep::coder

#endif  // SITREP_CODER_TOKENIZER_H_
