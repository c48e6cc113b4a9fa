// Folding of report text for matching: lower case, diacritics dropped,
// typographic quotes, apostrophes and dashes made plain.
//
// Dictionary phrases and report tokens are folded the same way, so "Herāt",
// "HERAT" and "Herat" meet, and "Afghanistan´s" (acute accent used as an
// apostrophe) reads as "Afghanistan's".
//
// Thread-safety: pure functions.
#ifndef SITREP_CODER_FOLD_H_
#define SITREP_CODER_FOLD_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace sitrep::coder {

// What a code point is to the tokenizer.
enum class CharClass : uint8_t {
  kSpace,       // any Unicode white space
  kLetter,      // letters and combining marks
  kDigit,       // decimal digits
  kApostrophe,  // ' ’ ‘ ´ ` ʼ ′
  kQuote,       // " “ ” „ « » ″
  kDash,        // - and the hyphen family (joins words)
  kLongDash,    // – — ― (parenthetical)
  kOther,       // punctuation and symbols
};

CharClass Classify(int32_t cp);

// Decodes one code point at s[i]; returns its length (>= 1). Invalid bytes
// decode as U+FFFD with length 1, so any byte string can be walked.
int DecodeUtf8(std::string_view s, size_t i, int32_t* cp);

// Appends the folded UTF-8 form of `cp` to `out`: lower case, marks dropped,
// apostrophes -> ', quotes -> ", long dashes -> "--".
void AppendFolded(int32_t cp, std::string* out);

// Folds a whole string.
std::string FoldText(std::string_view s);

// True if `cp` is an upper-case or title-case letter.
bool IsUpper(int32_t cp);
bool IsLower(int32_t cp);

}  // namespace sitrep::coder

#endif  // SITREP_CODER_FOLD_H_
