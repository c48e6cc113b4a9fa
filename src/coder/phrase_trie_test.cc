#include "coder/phrase_trie.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>
#include <tuple>

#include "coder/dictionary.h"
#include "coder/reference_coder.h"

namespace sitrep::coder {
namespace {

class TrieTest : public ::testing::Test {
 protected:
  void Add(std::string_view phrase, uint32_t value) {
    TokenizedText t;
    Tokenize(phrase, nullptr, &t);
    std::vector<uint32_t> ids;
    for (size_t i = 0; i < t.tokens.size(); ++i) {
      ids.push_back(t.Folded(i) == "{" ? (i += 1, PhraseTrie::kGap) : vocab_.Intern(t.Folded(i)));
    }
    trie_.Add(ids, PhraseEntry{1, 0, 0, value});
  }
  std::vector<PhraseMatch> Match(std::string_view text) {
    Tokenize(text, &vocab_, &text_);
    std::vector<PhraseMatch> out;
    trie_.MatchAll(text_, 0, static_cast<uint32_t>(text_.tokens.size()), &out);
    return out;
  }
  Vocabulary vocab_;
  PhraseTrie trie_;
  TokenizedText text_;
};

TEST_F(TrieTest, LongestAndOverlappingPhrases) {
  Add("take", 1);
  Add("take control of", 2);
  Add("control", 3);
  trie_.Finish();
  auto m = Match("They take control of Herat");
  std::set<std::tuple<uint32_t, uint32_t, uint32_t>> got;
  for (const auto& x : m) got.insert({x.begin, x.end, x.entry.value});
  EXPECT_EQ(got,
            (std::set<std::tuple<uint32_t, uint32_t, uint32_t>>{{1, 2, 1}, {1, 4, 2}, {2, 3, 3}}));
}

TEST_F(TrieTest, GapsSpanWordsButNotPunctuation) {
  Add("come under {} control", 7);
  trie_.Finish();
  auto m = Match("Herat came under Taliban control. Kabul came under control");
  EXPECT_TRUE(m.empty());  // "came" is not "come": no inflection in the trie itself
  Add("came under {} control", 8);
  trie_.Finish();
  m = Match("Herat came under Taliban control. X came under, Y control. Z came under control");
  ASSERT_EQ(m.size(), 2u);
  EXPECT_EQ(text_.Folded(m[0].gap_begin), "taliban");
  EXPECT_EQ(m[0].gap_end - m[0].gap_begin, 1u);
  EXPECT_EQ(m[1].gap_begin, m[1].gap_end);
}

TEST_F(TrieTest, UnknownWordsNeverMatch) {
  Add("air strike", 4);
  trie_.Finish();
  EXPECT_TRUE(Match("an air raid").empty());
  EXPECT_EQ(Match("an AIR Strike").size(), 1u);
}

// The fast matcher and the slow reference agree on every actor and action
// phrase hit in random sentences built from the shipped dictionaries.
TEST(ReferenceMatcherTest, AgreesWithTheTrieOnRandomSentences) {
  DictionarySource src;
  ASSERT_TRUE(LoadDictionaryDir(std::string(SITREP_SOURCE_DIR) + "/data/dict", &src).ok());
  auto dict = Dictionary::Compile(std::move(src));
  ASSERT_TRUE(dict.ok()) << dict.status().ToString();
  const Dictionary& d = **dict;
  ReferenceMatcher ref(&d);
  std::vector<std::string> pieces;
  for (const auto& p : d.phrases()) {
    if (p.entry.kind == kEntryCue) continue;
    std::string s;
    for (const auto& t : p.tokens) {
      if (!s.empty()) s += ' ';
      s += t == "{}" ? "the Taliban" : t;
    }
    pieces.push_back(s);
  }
  const std::vector<std::string> filler = {"the",  "in",    "on Thursday", ",", "and",
                                           "said", "Herat", "officials",   "-", "'s",
                                           "US",   "us",    "IS"};
  std::mt19937_64 rng(20210813);
  auto kind_of_interest = [](const PhraseMatch& m) {
    return m.entry.kind == kEntryActor || m.entry.kind == kEntryPerson ||
           m.entry.kind == kEntryVerb || m.entry.kind == kEntryNoun ||
           m.entry.kind == kEntryPlaceSubject;
  };
  using Key = std::tuple<uint32_t, uint32_t, uint32_t, uint32_t, uint8_t, uint32_t, uint8_t>;
  for (int round = 0; round < 300; ++round) {
    std::string sentence;
    int n = 3 + static_cast<int>(rng() % 8);
    for (int k = 0; k < n; ++k) {
      if (!sentence.empty()) sentence += ' ';
      if (rng() % 3 == 0) {
        sentence += filler[rng() % filler.size()];
      } else {
        std::string p = pieces[rng() % pieces.size()];
        if (rng() % 4 == 0 && !p.empty()) p[0] = static_cast<char>(std::toupper(p[0]));
        sentence += p;
      }
    }
    TokenizedText t;
    Tokenize(sentence, &d.vocabulary(), &t);
    std::vector<PhraseMatch> fast;
    d.trie().MatchAll(t, 0, static_cast<uint32_t>(t.tokens.size()), &fast);
    std::set<Key> a, b;
    for (const auto& m : fast) {
      if (kind_of_interest(m))
        a.insert(
            {m.begin, m.end, m.gap_begin, m.gap_end, m.entry.kind, m.entry.value, m.entry.form});
    }
    for (const auto& m : ref.Match(sentence)) {
      if (kind_of_interest(m))
        b.insert(
            {m.begin, m.end, m.gap_begin, m.gap_end, m.entry.kind, m.entry.value, m.entry.form});
    }
    ASSERT_EQ(a, b) << sentence;
    ASSERT_FALSE(b.empty() && n > 5 && round == 0) << sentence;
  }
}

}  // namespace
}  // namespace sitrep::coder
