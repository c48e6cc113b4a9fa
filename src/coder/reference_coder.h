// ReferenceMatcher: the dictionary's phrases found by plain string
// comparison, slowly and obviously, to check the trie matcher against.
//
// For every compiled phrase and every token position of the text it
// compares folded token strings one by one, trying every gap length, with
// the same rules as PhraseTrie (a gap takes 0..max_gap tokens and never
// crosses punctuation other than '-' and an apostrophe; short all-caps
// phrases need all-caps words). No vocabulary, no hashing, no trie.
//
// Thread-safety: immutable; Match is const.
#ifndef SITREP_CODER_REFERENCE_CODER_H_
#define SITREP_CODER_REFERENCE_CODER_H_

#include <string_view>
#include <vector>

#include "coder/dictionary.h"
#include "coder/phrase_trie.h"

namespace sitrep::coder {

class ReferenceMatcher {
 public:
  // `dict` must outlive the matcher.
  explicit ReferenceMatcher(const Dictionary* dict);
  // Every phrase match in `text` (token indices into Tokenize(text)).
  std::vector<PhraseMatch> Match(std::string_view text) const;

 private:
  const Dictionary* dict_;
};

}  // namespace sitrep::coder

#endif  // SITREP_CODER_REFERENCE_CODER_H_
