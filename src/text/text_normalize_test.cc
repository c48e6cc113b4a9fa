#include "text/text_normalize.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(NormalizeDocumentTest, DropsByteOrderMark) {
  EXPECT_EQ(NormalizeDocument("\xEF\xBB\xBFHerat"), "Herat");
}

TEST(NormalizeDocumentTest, TurnsCrlfAndCrIntoLf) {
  EXPECT_EQ(NormalizeDocument("a\r\nb\rc\nd\r\n\r\ne"), "a\nb\nc\nd\n\ne");
}

TEST(NormalizeDocumentTest, ReplacesControlCharactersButKeepsTabs) {
  EXPECT_EQ(NormalizeDocument("a\x01"
                              "b\tc\x7f"
                              "d\fe"),
            "a b\tc d e");
}

TEST(NormalizeDocumentTest, KeepsMultiByteCharacters) {
  EXPECT_EQ(NormalizeDocument("Her\xC4\x81t \xE2\x80\x94"), "Her\xC4\x81t \xE2\x80\x94");
}

TEST(TrimWhitespaceTest, Trims) {
  EXPECT_EQ(TrimWhitespace("  \n a b \t\n"), "a b");
  EXPECT_EQ(TrimWhitespace(" \n "), "");
  EXPECT_EQ(TrimWhitespace(""), "");
  EXPECT_TRUE(IsBlank(" \t\r\n"));
  EXPECT_FALSE(IsBlank(" x "));
}

}  // namespace
}  // namespace sitrep
