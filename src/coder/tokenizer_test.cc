#include "coder/tokenizer.h"

#include <gtest/gtest.h>

#include "coder/fold.h"

namespace sitrep::coder {
namespace {

std::vector<std::string> Folded(std::string_view text) {
  TokenizedText t;
  Tokenize(text, nullptr, &t);
  std::vector<std::string> out;
  for (size_t i = 0; i < t.tokens.size(); ++i) out.emplace_back(t.Folded(i));
  return out;
}

TEST(FoldTest, CaseDiacriticsQuotesAndDashes) {
  EXPECT_EQ(FoldText("Herāt HERAT"), "herat herat");
  EXPECT_EQ(FoldText("“Yes” ’s ´s"), "\"yes\" 's 's");
  EXPECT_EQ(FoldText("a—b"), "a--b");
  EXPECT_EQ(FoldText("Türkiye Straße"), "turkiye strasse");
}

TEST(TokenizerTest, WordsNumbersAndPunctuation) {
  EXPECT_EQ(
      Folded("Taliban seized 3,000 troops, 1.5 km."),
      (std::vector<std::string>{"taliban", "seized", "3,000", "troops", ",", "1.5", "km", "."}));
}

TEST(TokenizerTest, PossessivesWhateverTheApostrophe) {
  EXPECT_EQ(Folded("Afghanistan´s Kabul’s Herat's"),
            (std::vector<std::string>{"afghanistan", "'s", "kabul", "'s", "herat", "'s"}));
}

TEST(TokenizerTest, NegationAndInnerApostrophes) {
  EXPECT_EQ(Folded("didn't O'Brien"), (std::vector<std::string>{"did", "n't", "o'brien"}));
}

TEST(TokenizerTest, DottedAcronymsAreOneToken) {
  TokenizedText t;
  Tokenize("The U.S. and a.m. deadline", nullptr, &t);
  ASSERT_EQ(t.tokens.size(), 5u);
  EXPECT_EQ(t.Folded(1), "u.s.");
  EXPECT_TRUE(t.tokens[1].Is(kTokAcronym));
  EXPECT_TRUE(t.tokens[1].Is(kTokAllCaps));
  EXPECT_EQ(t.Folded(3), "a.m.");
}

TEST(TokenizerTest, HyphensAreTokens) {
  EXPECT_EQ(Folded("pro-Taliban power-sharing"),
            (std::vector<std::string>{"pro", "-", "taliban", "power", "-", "sharing"}));
}

TEST(TokenizerTest, OffsetsPointIntoTheText) {
  std::string text = "  Herāt — “fell”\n\nNext";
  TokenizedText t;
  Tokenize(text, nullptr, &t, 0);
  ASSERT_GE(t.tokens.size(), 5u);
  EXPECT_EQ(text.substr(t.tokens[0].start, t.tokens[0].end - t.tokens[0].start), "Herāt");
  EXPECT_TRUE(t.tokens[2].Is(kTokQuoteOpen));
  EXPECT_TRUE(t.tokens[4].Is(kTokQuoteClose));
  EXPECT_TRUE(t.tokens.back().Is(kTokParagraphBefore));
  EXPECT_TRUE(t.tokens[0].Is(kTokCapitalized));
}

TEST(TokenizerTest, InvalidUtf8IsKeptAsPunctuation) {
  std::string text = "ab\xff\xfe cd";
  TokenizedText t;
  Tokenize(text, nullptr, &t);
  ASSERT_EQ(t.tokens.size(), 4u);
  EXPECT_TRUE(t.tokens[1].Is(kTokPunct));
  EXPECT_EQ(t.tokens.back().end, text.size());
}

TEST(TokenizerTest, VocabularyIds) {
  Vocabulary v;
  uint32_t id = v.Intern("herat");
  EXPECT_EQ(v.Intern("herat"), id);
  EXPECT_EQ(v.Find("kabul"), 0u);
  TokenizedText t;
  Tokenize("HERAT Kabul", &v, &t);
  EXPECT_EQ(t.tokens[0].id, id);
  EXPECT_EQ(t.tokens[1].id, 0u);
  for (int i = 0; i < 5000; ++i) v.Intern("w" + std::to_string(i));
  EXPECT_EQ(v.Find("herat"), id);
  EXPECT_EQ(v.Word(v.Find("w4999")), "w4999");
}

}  // namespace
}  // namespace sitrep::coder
