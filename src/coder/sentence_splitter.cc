#include "coder/sentence_splitter.h"

#include <algorithm>
#include <array>

namespace sitrep::coder {

namespace {

template <size_t N>
bool InList(const std::array<std::string_view, N>& list, std::string_view w) {
  return std::find(list.begin(), list.end(), w) != list.end();
}

// Titles and ranks: never end a sentence before a capitalized word.
constexpr std::array<std::string_view, 40> kTitles = {
    "mr",   "mrs",  "ms",    "dr",   "gen",  "lt",     "col",  "maj",    "capt", "cpt",
    "sgt",  "cpl",  "pvt",   "adm",  "cmdr", "cdr",    "brig", "sen",    "rep",  "gov",
    "pres", "prof", "rev",   "st",   "ft",   "mt",     "hon",  "amb",    "supt", "insp",
    "det",  "gens", "lieut", "cmdt", "col",  "messrs", "fr",   "sheikh", "mgr",  "rt"};
// Month abbreviations: not an end before a day number.
constexpr std::array<std::string_view, 13> kMonths = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon"};
// Before a number.
constexpr std::array<std::string_view, 8> kNumberPrefixes = {"no", "nos", "art",  "vol",
                                                             "pp", "fig", "para", "ch"};
// Abbreviations that may end a sentence: only before a sentence opener.
constexpr std::array<std::string_view, 14> kOther = {"etc", "inc", "ltd",  "co",     "corp",
                                                     "jr",  "sr",  "bros", "approx", "est",
                                                     "vs",  "km",  "min",  "cf"};
// Words that typically open a sentence.
constexpr std::array<std::string_view, 40> kOpeners = {
    "the",       "a",     "an",    "he",        "she",     "it",    "they", "we",
    "i",         "in",    "on",    "at",        "but",     "and",   "this", "that",
    "these",     "those", "there", "meanwhile", "however", "his",   "her",  "their",
    "its",       "our",   "after", "before",    "when",    "while", "as",   "if",
    "according", "some",  "many",  "two",       "earlier", "later", "last", "three"};

bool IsTerminator(std::string_view f) {
  return f == "." || f == "!" || f == "?" || f == "\xE2\x80\xA6";
}

bool IsCloser(const Token& t, std::string_view f) {
  return t.Is(kTokQuoteClose) || f == ")" || f == "]" || f == "'";
}

}  // namespace

size_t DatelineLength(const TokenizedText& text) {
  const auto& toks = text.tokens;
  if (toks.empty()) return 0;
  // Starts with an all-caps word of two or more letters.
  if (!toks[0].Is(kTokWord) || !toks[0].Is(kTokAllCaps) || text.Folded(0).size() < 2) return 0;
  int depth = 0;
  constexpr size_t kMaxDatelineTokens = 24;
  for (size_t i = 1; i < toks.size() && i < kMaxDatelineTokens; ++i) {
    const Token& t = toks[i];
    std::string_view f = text.Folded(i);
    if (t.Is(kTokNewlineBefore)) return 0;
    if (f == "(") {
      ++depth;
      continue;
    }
    if (f == ")") {
      --depth;
      continue;
    }
    if (depth > 0) continue;
    if (f == ":" || f == "--" || (f == "-" && t.Is(kTokSpaceBefore))) {
      // The separator must be followed by text.
      return i + 1 < toks.size() ? i + 1 : 0;
    }
    if (f == "/" || f == "," || f == "." || t.Is(kTokNumber)) continue;
    if (t.Is(kTokWord)) {
      // Upper-case place words, or a capitalized month / country after a comma.
      if (t.Is(kTokAllCaps) || t.Is(kTokCapitalized)) continue;
      return 0;
    }
    return 0;
  }
  return 0;
}

std::vector<SentenceSpan> SplitSentences(const TokenizedText& text, const SplitOptions& options) {
  std::vector<SentenceSpan> out;
  const auto& toks = text.tokens;
  const size_t n = toks.size();
  if (n == 0) return out;
  uint32_t paragraph = 0;
  size_t begin = 0;
  size_t dateline = DatelineLength(text);

  auto close = [&](size_t end) {
    if (end <= begin) return;
    // Cut over-long sentences at the byte limit.
    while (end > begin) {
      size_t cut = end;
      if (options.max_sentence_bytes > 0 &&
          toks[end - 1].end - toks[begin].start > options.max_sentence_bytes) {
        cut = begin + 1;
        while (cut < end && toks[cut].end - toks[begin].start <= options.max_sentence_bytes) ++cut;
      }
      SentenceSpan s;
      s.tok_begin = static_cast<uint32_t>(begin);
      s.tok_end = static_cast<uint32_t>(cut);
      s.start = toks[begin].start;
      s.end = toks[cut - 1].end;
      s.paragraph = paragraph;
      s.dateline_end = static_cast<uint32_t>(begin == 0 ? std::min(dateline, cut) : begin);
      out.push_back(s);
      begin = cut;
    }
  };

  for (size_t i = 0; i < n; ++i) {
    if (i > begin && toks[i].Is(kTokParagraphBefore)) {
      close(i);
      ++paragraph;
    }
    std::string_view f = text.Folded(i);
    bool acronym = toks[i].Is(kTokAcronym);
    if (!IsTerminator(f) && !acronym) continue;
    // Absorb further stops ("...", "?!") and closing quotes / brackets glued on.
    size_t j = i + 1;
    while (j < n && !toks[j].Is(kTokSpaceBefore) &&
           (IsTerminator(text.Folded(j)) || IsCloser(toks[j], text.Folded(j)))) {
      ++j;
    }
    if (j >= n) {
      close(n);
      begin = n;
      break;
    }
    const Token& next = toks[j];
    std::string_view nf = text.Folded(j);
    if (!next.Is(kTokSpaceBefore) && !next.Is(kTokNewlineBefore)) continue;  // "3.5", "U.S.-led"
    bool next_lower_word = next.Is(kTokWord) && !next.Is(kTokCapitalized) && nf != "'s";
    if (next_lower_word && !next.Is(kTokParagraphBefore)) continue;
    bool opener = (next.Is(kTokWord) && InList(kOpeners, nf)) || next.Is(kTokQuoteOpen);
    if (f == "." && i > begin && !toks[i].Is(kTokSpaceBefore)) {
      const Token& prev = toks[i - 1];
      std::string_view pf = text.Folded(i - 1);
      bool initial = prev.Is(kTokWord) && prev.Is(kTokCapitalized) && pf.size() == 1;
      if (InList(kTitles, pf) || initial) {
        if (!next.Is(kTokParagraphBefore)) continue;
      }
      if (InList(kMonths, pf) && next.Is(kTokNumber)) continue;
      if (InList(kNumberPrefixes, pf) && next.Is(kTokNumber)) continue;
      if (InList(kOther, pf) && !opener && !next.Is(kTokParagraphBefore)) continue;
    }
    if (acronym && !opener && !next.Is(kTokParagraphBefore)) continue;
    if (next.Is(kTokParagraphBefore)) continue;  // closed at the top of the loop
    close(j);
    i = j - 1;
  }
  close(n);
  return out;
}

}  // namespace sitrep::coder
