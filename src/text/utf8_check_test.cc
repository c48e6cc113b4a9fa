#include "text/utf8_check.h"

#include <gtest/gtest.h>

#include <string>

#include "sitrep/reader.h"

namespace sitrep {
namespace {

using namespace std::string_literals;

TEST(FindInvalidUtf8Test, AcceptsWellFormedText) {
  EXPECT_FALSE(FindInvalidUtf8(""));
  EXPECT_FALSE(FindInvalidUtf8("plain ASCII"));
  EXPECT_FALSE(FindInvalidUtf8("Her\xC4\x81t \xE2\x80\x94 Kabul \xF0\x9F\x98\x80"));  // ā — 😀
  EXPECT_FALSE(FindInvalidUtf8("\xEF\xBF\xBF\xF4\x8F\xBF\xBF"));  // U+FFFF, U+10FFFF
  EXPECT_FALSE(FindInvalidUtf8("\xED\x9F\xBF\xEE\x80\x80"));      // U+D7FF, U+E000
}

TEST(FindInvalidUtf8Test, GivesOffsetOfFirstBadSequence) {
  EXPECT_EQ(FindInvalidUtf8("abc\x80xyz"), 3u);   // stray continuation byte
  EXPECT_EQ(FindInvalidUtf8("ab\xC3"), 2u);       // truncated at the end
  EXPECT_EQ(FindInvalidUtf8("ab\xE2\x82z"), 2u);  // truncated in the middle
  EXPECT_EQ(FindInvalidUtf8("\xFF"), 0u);
  EXPECT_EQ(FindInvalidUtf8("ok \xF5\x80\x80\x80"), 3u);  // lead byte past U+10FFFF
}

TEST(FindInvalidUtf8Test, RefusesOverlongForms) {
  EXPECT_EQ(FindInvalidUtf8("x\xC0\xAF"), 1u);  // '/' in two bytes
  EXPECT_EQ(FindInvalidUtf8("x\xC1\xBF"), 1u);
  EXPECT_EQ(FindInvalidUtf8("xy\xE0\x80\xAF"), 2u);    // '/' in three bytes
  EXPECT_EQ(FindInvalidUtf8("\xF0\x80\x80\xAF"), 0u);  // '/' in four bytes
}

TEST(FindInvalidUtf8Test, RefusesSurrogatesAndBeyondUnicode) {
  EXPECT_EQ(FindInvalidUtf8("a\xED\xA0\x80"), 1u);     // U+D800
  EXPECT_EQ(FindInvalidUtf8("ab\xED\xBF\xBF"), 2u);    // U+DFFF
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // U+110000
}

TEST(CheckTextTest, AcceptsText) {
  EXPECT_TRUE(CheckText("Taliban fighters entered the city.\n", "a.txt").ok());
  EXPECT_TRUE(CheckText("\xEF\xBB\xBFWith a byte order mark", "a.txt").ok());
  EXPECT_TRUE(CheckText("tabs\tand\r\nCRLF\fform feed", "a.txt").ok());
}

TEST(CheckTextTest, EmptyAndBlankAreEmptyInput) {
  for (const std::string& s : {""s, "   \n\t\r\n"s, "\xEF\xBB\xBF"s, "\xEF\xBB\xBF \n"s}) {
    Status st = CheckText(s, "empty.txt");
    EXPECT_EQ(st.kind(), ErrorKind::kEmptyInput) << s;
    EXPECT_EQ(st.input(), "empty.txt");
  }
}

TEST(CheckTextTest, NulByteIsBinaryWithItsOffset) {
  Status st = CheckText("PK\x03\x04 some zip\0 header"s, "archive.txt");
  EXPECT_EQ(st.kind(), ErrorKind::kBinaryInput);
  EXPECT_EQ(st.input(), "archive.txt:13");
}

TEST(CheckTextTest, ManyControlBytesAreBinary) {
  std::string s = "text ";
  for (int i = 0; i < 20; ++i) s += "\x01\x02\x7f";
  Status st = CheckText(s, "blob");
  EXPECT_EQ(st.kind(), ErrorKind::kBinaryInput);
  EXPECT_EQ(st.input(), "blob:5");
}

TEST(CheckTextTest, AFewControlBytesInLongTextAreTolerated) {
  std::string s(1000, 'a');
  s[500] = '\x01';
  EXPECT_TRUE(CheckText(s, "a.txt").ok());
}

TEST(CheckTextTest, InvalidUtf8GivesExactOffsetAndLine) {
  Status st = CheckText("line one\nline two \xC3\x28 here", "bad.txt");
  EXPECT_EQ(st.kind(), ErrorKind::kInvalidUtf8);
  EXPECT_EQ(st.input(), "bad.txt:18");
  EXPECT_NE(st.message().find("line 2"), std::string::npos) << st.message();
}

TEST(CheckTextTest, OffsetCountsTheByteOrderMark) {
  Status st = CheckText(
      "\xEF\xBB\xBF"
      "ab\xFF",
      "bom.txt");
  EXPECT_EQ(st.input(), "bom.txt:5");
}

TEST(CheckTextTest, Utf16IsNamedAsSuch) {
  Status st = CheckText("\xFF\xFEH\0e\0r\0a\0t\0"s, "utf16.txt");
  EXPECT_EQ(st.kind(), ErrorKind::kInvalidUtf8);
  EXPECT_EQ(st.input(), "utf16.txt:0");
  EXPECT_NE(st.message().find("UTF-16"), std::string::npos);
}

TEST(CheckTextTest, Latin1FileIsInvalidUtf8) {
  Status st = CheckText("Caf\xE9 in Herat", "latin1.txt");
  EXPECT_EQ(st.kind(), ErrorKind::kInvalidUtf8);
  EXPECT_EQ(st.input(), "latin1.txt:3");
}

TEST(LineOfOffsetTest, CountsLineFeeds) {
  EXPECT_EQ(LineOfOffset("a\nb\nc", 0), 1u);
  EXPECT_EQ(LineOfOffset("a\nb\nc", 2), 2u);
  EXPECT_EQ(LineOfOffset("a\nb\nc", 4), 3u);
  EXPECT_EQ(LineOfOffset("a\nb\nc", 99), 3u);
}

}  // namespace
}  // namespace sitrep
