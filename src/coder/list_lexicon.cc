#include "coder/list_lexicon.h"

namespace sitrep::coder {

ListLexicon::ListLexicon(const std::vector<ListName>& names) : names_(names) {
  for (size_t i = 0; i < names_.size(); ++i) {
    TokenizedText t;
    Tokenize(names_[i].name, nullptr, &t);
    std::vector<uint32_t> ids;
    for (size_t k = 0; k < t.tokens.size(); ++k) ids.push_back(vocab_.Intern(t.Folded(k)));
    if (ids.empty()) continue;
    trie_.Add(ids, PhraseEntry{1, 0, 0, static_cast<uint32_t>(i)});
  }
  trie_.Finish();
}

void ListLexicon::FindNames(std::string_view text, std::vector<NameHit>* out) const {
  TokenizedText t;
  Tokenize(text, &vocab_, &t);
  std::vector<PhraseMatch> ms;
  const uint32_t n = static_cast<uint32_t>(t.tokens.size());
  for (uint32_t i = 0; i < n;) {
    ms.clear();
    trie_.MatchAt(t, i, n, &ms);
    if (ms.empty()) {
      ++i;
      continue;
    }
    const PhraseMatch* best = &ms.front();
    for (const auto& m : ms) {
      if (m.end > best->end) best = &m;
    }
    uint8_t kinds = 0;
    float sal = 0;
    for (const auto& m : ms) {
      if (m.end == best->end) {
        kinds |= names_[m.entry.value].kinds;
        sal = std::max(sal, names_[m.entry.value].salience);
      }
    }
    out->push_back(NameHit{t.tokens[i].start, t.tokens[best->end - 1].end, kinds, sal});
    i = best->end;
  }
}

std::vector<ListName> SampleNames() {
  constexpr uint8_t S = kNameSettlement, A = kNameAdmin1, C = kNameCountry, D = kNameDemonym;
  return {
      // Afghanistan
      {"Kabul", S, 1},
      {"Herat", S | A, 0.9f},
      {"Kandahar", S | A, 0.9f},
      {"Qandahar", S, 0.7f},
      {"Ghazni", S | A, 0.8f},
      {"Lashkar Gah", S, 0.8f},
      {"Lashkar Gar", S, 0.6f},
      {"Lashkargah", S, 0.6f},
      {"Kunduz", S | A, 0.8f},
      {"Kondoz", S, 0.5f},
      {"Zaranj", S, 0.7f},
      {"Sheberghan", S, 0.7f},
      {"Shindand", S, 0.5f},
      {"Mazar-e-Sharif", S, 0.9f},
      {"Mazar-i-Sharif", S, 0.9f},
      {"Jalalabad", S, 0.8f},
      {"Farah", S | A, 0.7f},
      {"Pul-e Khumri", S, 0.7f},
      {"Taloqan", S, 0.7f},
      {"Sar-e Pul", S | A, 0.6f},
      {"Gardez", S, 0.7f},
      {"Bagram", S, 0.6f},
      {"Spin Boldak", S, 0.6f},
      {"Panjshir", A, 0.6f},
      {"Nangarhar", A, 0.7f},
      {"Badakhshan", A, 0.7f},
      {"Nimroz", A, 0.6f},
      {"Helmand", A, 0.8f},
      {"Afghanistan", C, 1},
      {"Doha", S, 0.9f},
      {"Qatar", C, 1},
      {"Pakistan", C, 1},
      {"Iran", C, 1},
      {"Russia", C, 1},
      {"China", C, 1},
      {"Tajikistan", C, 1},
      {"Uzbekistan", C, 1},
      {"Kuwait", C | S, 1},
      {"Moscow", S, 1},
      {"London", S, 1},
      {"Washington", S, 1},
      {"Afghan", D, 1},
      {"Iranian", D, 1},
      {"American", D, 1},
      // Syria
      {"Syria", C, 1},
      {"Damascus", S, 1},
      {"Aleppo", S | A, 0.9f},
      {"Raqqa", S, 0.8f},
      {"Idlib", S | A, 0.8f},
      {"Homs", S | A, 0.8f},
      {"Palmyra", S, 0.8f},
      {"Kobani", S, 0.7f},
      {"Afrin", S, 0.7f},
      {"Douma", S, 0.7f},
      {"Daraa", S | A, 0.7f},
      {"Hama", S | A, 0.8f},
      {"Deir ez-Zor", S | A, 0.7f},
      {"Turkey", C, 1},
      {"Syrian", D, 1},
      // Ukraine
      {"Ukraine", C, 1},
      {"Kyiv", S | A, 1},
      {"Kharkiv", S | A, 0.9f},
      {"Mariupol", S, 0.8f},
      {"Bakhmut", S, 0.7f},
      {"Kherson", S | A, 0.8f},
      {"Odesa", S | A, 0.8f},
      {"Zaporizhzhia", S | A, 0.8f},
      {"Donetsk", S | A, 0.8f},
      {"Luhansk", S | A, 0.7f},
      {"Lysychansk", S, 0.6f},
      {"Sievierodonetsk", S, 0.6f},
      {"Izium", S, 0.6f},
      {"Mykolaiv", S | A, 0.7f},
      {"Soledar", S, 0.5f},
      {"Avdiivka", S, 0.5f},
      {"Ukrainian", D, 1},
      {"Russian", D, 1},
      // Sudan
      {"Sudan", C, 1},
      {"Khartoum", S | A, 1},
      {"Omdurman", S, 0.8f},
      {"El Fasher", S, 0.7f},
      {"El Geneina", S, 0.7f},
      {"Wad Madani", S, 0.7f},
      {"Nyala", S, 0.7f},
      {"Port Sudan", S, 0.8f},
      {"Darfur", A, 0.8f},
      {"Jeddah", S, 0.9f},
      {"Sudanese", D, 1},
  };
}

}  // namespace sitrep::coder
