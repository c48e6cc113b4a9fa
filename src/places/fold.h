// Name folding: the one definition of when two spellings of a place name are
// "the same name" for lookup.
//
// FoldName (declared in sitrep/gazetteer.h) maps a name to its folded form:
// NFKD, combining marks dropped, lower case, a few Latin letters without a
// decomposition mapped to their base (ł -> l, ø -> o, æ -> ae ...), and every
// run of spaces, hyphens, apostrophes and other punctuation made one ASCII
// space, trimmed. Transliteration marks for ayn and hamza (ʻ ʿ ʾ) vanish
// inside a word: "Doʻha" and "Doha" fold alike.
//
// The text scanner (FindNames) must split text into tokens at exactly the
// places where FoldName puts a space, so both use FoldCodepoint below.
//
// The variant key ("skeleton") is a coarser, lossy key used only when the
// exact folded lookup fails; see VariantKey.
//
// Thread-safety: pure functions.
#ifndef SITREP_PLACES_FOLD_H_
#define SITREP_PLACES_FOLD_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace sitrep::places {

// How a code point behaves in a name.
enum class CharClass : uint8_t {
  kWord,    // a letter, digit or mark: part of a token (folded form appended)
  kSpace,   // white space: separates tokens, may join the words of one name
  kJoiner,  // hyphen or apostrophe: separates tokens, may join one name
  kPeriod,  // '.': separates tokens; may join one name right after a token ("St. Louis")
  kDrop,    // ayn / hamza marks: nothing, not even a separator
  kBreak,   // other punctuation: separates tokens and ends any name
};

// Classifies `cp` and, for kWord, appends its folded form (possibly empty,
// e.g. for a lone combining mark) to `out`.
CharClass FoldCodepoint(int32_t cp, std::string* out);

// The plain lower-case ASCII for a Latin letter that has no decomposition
// ("ł" -> "l", "æ" -> "ae"); empty for any other code point.
std::string_view PlainLatin(int32_t cp);

// Decodes one UTF-8 code point at text[i]; returns its length (>= 1). An
// invalid byte decodes as U+FFFD with length 1.
size_t DecodeUtf8(std::string_view text, size_t i, int32_t* cp);

// True if `cp` is an upper-case or title-case letter.
bool IsUpperCodepoint(int32_t cp);

// Hash of one folded token, and of a token sequence: the sequence hash of
// tokens t1..tn is Combine(...Combine(Combine(kSeed, H(t1)), H(t2))..., H(tn)).
// Lookup and the text scanner agree on names through these.
inline constexpr uint64_t kSequenceSeed = 0x9E3779B97F4A7C15ull;
uint64_t TokenHash(std::string_view folded_token);
inline uint64_t CombineTokenHash(uint64_t seq, uint64_t token) {
  uint64_t h = (seq ^ token) * 0xBF58476D1CE4E5B9ull;
  h ^= h >> 31;
  h *= 0x94D049BB133111EBull;
  return h ^ (h >> 29);
}
// The sequence hash of an already folded name (tokens separated by one space).
uint64_t FoldedNameHash(std::string_view folded);

// The variant key of a folded name: connector particles ("e", "i", "y",
// "ye", "yi", "o", "u" between words, as in "Mazar-e-Sharif") and Arabic
// articles ("al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ad",
// "ed", "es", "ez", "ul") dropped, a final "h" after a vowel dropped
// ("hamah" = "hama"), the words run together, then every vowel
// (a e i o u y) after the first letter dropped, an initial vowel written as
// 'a', 'q' written as 'k', 'w' as 'v', and doubled letters made single:
// "mazar i sharif" -> "mzrshrf", "pol e khomri" -> "plkhmr", "taluqan" ->
// "tlkn", "lashkargah" == "lashkar gah". Empty if nothing is left.
std::string VariantKey(std::string_view folded);

}  // namespace sitrep::places

#endif  // SITREP_PLACES_FOLD_H_
