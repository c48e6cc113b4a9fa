// NameLexicon: the coder's window onto geography, without depending on it.
//
// The coder (a lower layer) must know which words in a sentence are place
// names ("captured Herat and Kandahar") but must not depend on the
// gazetteer (a higher layer). The places module implements this interface
// over its gazetteer; tests implement it over a handful of names.
//
// Thread-safety: implementations must allow concurrent const calls.
#ifndef SITREP_LEXICON_H_
#define SITREP_LEXICON_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace sitrep {

// What a span of text may name. A span can be several at once ("Kandahar"
// is a city and a province).
enum NameKindBits : uint8_t {
  kNameSettlement = 1 << 0,  // a city, town or village
  kNameAdmin1 = 1 << 1,      // a province, state, oblast
  kNameCountry = 1 << 2,     // a country
  kNameDemonym = 1 << 3,     // "Afghan", "Iranian": an adjective, not a place
};

struct NameHit {
  uint32_t start = 0;  // byte offsets into the text passed to FindNames
  uint32_t end = 0;
  uint8_t kinds = 0;   // NameKindBits
  // Higher = more likely a real place mention in news text (population,
  // capital status); 0..1. Lets the coder prefer "Herat" over "Price".
  float salience = 0;
};

class NameLexicon {
 public:
  virtual ~NameLexicon() = default;
  // Appends every maximal known name in `text` (longest match wins, names
  // match at word boundaries, case and diacritics folded) to `out`, in text
  // order. `text` need only live for the call.
  virtual void FindNames(std::string_view text, std::vector<NameHit>* out) const = 0;
};

}  // namespace sitrep

#endif  // SITREP_LEXICON_H_
