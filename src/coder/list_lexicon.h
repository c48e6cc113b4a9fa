// ListLexicon: a NameLexicon over a short list of names, for tests, the
// benchmark corpus and the command-line tool when no gazetteer is at hand.
//
// Names are folded and tokenized like report text; FindNames reports the
// longest name starting at each word, left to right.
//
// Thread-safety: immutable after construction; FindNames is const.
#ifndef SITREP_CODER_LIST_LEXICON_H_
#define SITREP_CODER_LIST_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "coder/phrase_trie.h"
#include "coder/tokenizer.h"
#include "coder/vocabulary.h"
#include "sitrep/lexicon.h"

namespace sitrep::coder {

struct ListName {
  std::string name;
  uint8_t kinds = kNameSettlement;
  float salience = 0.8f;
};

class ListLexicon final : public NameLexicon {
 public:
  explicit ListLexicon(const std::vector<ListName>& names);
  void FindNames(std::string_view text, std::vector<NameHit>* out) const override;

 private:
  Vocabulary vocab_;
  PhraseTrie trie_;
  std::vector<ListName> names_;
};

// A few dozen places of the four conflicts the project ships with.
std::vector<ListName> SampleNames();

}  // namespace sitrep::coder

#endif  // SITREP_CODER_LIST_LEXICON_H_
