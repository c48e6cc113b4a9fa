#include "coder/sentence_splitter.h"

#include <gtest/gtest.h>

namespace sitrep::coder {
namespace {

std::vector<std::string> Split(const std::string& text, size_t max_bytes = 4096) {
  TokenizedText t;
  Tokenize(text, nullptr, &t);
  SplitOptions o;
  o.max_sentence_bytes = max_bytes;
  std::vector<std::string> out;
  for (const auto& s : SplitSentences(t, o)) out.push_back(text.substr(s.start, s.end - s.start));
  return out;
}

TEST(SentenceSplitterTest, AbbreviationsTitlesAndInitials) {
  auto s = Split(
      "Lt. Col. John Smith of the U.S. Army met Gen. Ali at 9 a.m. on Aug. 12. "
      "George W. Bush was not there. No. 3 was.");
  ASSERT_EQ(s.size(), 3u) << s[0];
  EXPECT_EQ(s[1], "George W. Bush was not there.");
}

TEST(SentenceSplitterTest, AcronymBeforeAnOpener) {
  auto s = Split("Troops left the U.S. The embassy closed.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[1], "The embassy closed.");
}

TEST(SentenceSplitterTest, DecimalsAndNumbers) {
  auto s = Split("It grew 3.5 percent. Then 2,000 more came.");
  ASSERT_EQ(s.size(), 2u);
}

TEST(SentenceSplitterTest, QuotesEndingSentences) {
  auto s = Split("“Yes, it is done. The plan holds,” the source said. “We won.” “Good.”");
  ASSERT_EQ(s.size(), 4u);
  EXPECT_EQ(s[0], "“Yes, it is done.");
  EXPECT_EQ(s[1], "The plan holds,” the source said.");
  EXPECT_EQ(s[2], "“We won.”");
}

TEST(SentenceSplitterTest, ParagraphsAlwaysSplit) {
  TokenizedText t;
  std::string text = "Kabul fell\n\nHerat fell too. And more.";
  Tokenize(text, nullptr, &t);
  auto s = SplitSentences(t, {});
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0].paragraph, 0u);
  EXPECT_EQ(s[1].paragraph, 1u);
  EXPECT_EQ(s[2].paragraph, 1u);
}

TEST(SentenceSplitterTest, Datelines) {
  for (std::string text :
       {"WASHINGTON/HERAT/KABUL/DOHA: The Taliban took Herat.",
        "KABUL, Aug 13 (Wire) - The Taliban took Herat.", "NEW YORK — The Taliban took Herat."}) {
    TokenizedText t;
    Tokenize(text, nullptr, &t);
    auto s = SplitSentences(t, {});
    ASSERT_EQ(s.size(), 1u) << text;
    EXPECT_GT(s[0].dateline_end, 0u) << text;
    EXPECT_EQ(t.Folded(s[0].dateline_end), "the") << text;
  }
  TokenizedText t;
  Tokenize("The Taliban took Herat: officials.", nullptr, &t);
  EXPECT_EQ(DatelineLength(t), 0u);
}

TEST(SentenceSplitterTest, LongSentencesAreCut) {
  std::string text(200, 'a');
  for (int i = 0; i < 20; ++i) text += " word";
  auto s = Split(text, 100);
  EXPECT_GT(s.size(), 1u);
  for (const auto& x : s) EXPECT_LE(x.size(), 205u);
}

TEST(SentenceSplitterTest, EveryTokenInExactlyOneSentence) {
  std::string text = "A. B? C! “D.” E... F";
  TokenizedText t;
  Tokenize(text, nullptr, &t);
  auto s = SplitSentences(t, {});
  uint32_t next = 0;
  for (const auto& x : s) {
    EXPECT_EQ(x.tok_begin, next);
    EXPECT_LT(x.tok_begin, x.tok_end);
    next = x.tok_end;
  }
  EXPECT_EQ(next, t.tokens.size());
}

}  // namespace
}  // namespace sitrep::coder
