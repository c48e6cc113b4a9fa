#include "text/header_parser.h"

#include <gtest/gtest.h>

namespace sitrep {
namespace {

TEST(ParseTextHeaderTest, ReadsKeysValuesAndLines) {
  const std::string doc =
      "url: https://example.org/a\nOutlet: Example News\npublished: 2021-08-13\n\nBody text.\n";
  TextHeader h = ParseTextHeader(doc);
  ASSERT_EQ(h.fields.size(), 3u);
  EXPECT_EQ(h.fields[0].key, "url");
  EXPECT_EQ(h.fields[0].value, "https://example.org/a");
  EXPECT_EQ(h.fields[1].key, "outlet");
  EXPECT_EQ(h.fields[1].line, 2u);
  EXPECT_EQ(h.fields[2].value, "2021-08-13");
  EXPECT_EQ(doc.substr(h.body_offset), "\nBody text.\n");
}

TEST(ParseTextHeaderTest, UnknownKeysAndColonsInValuesAreKept) {
  const std::string doc =
      "source-file: 000_x.txt\npublished: 2021-08-13\nnote: \"On Thursday\" = 12 August: see "
      "below\n\nText";
  TextHeader h = ParseTextHeader(doc);
  ASSERT_EQ(h.fields.size(), 3u);
  EXPECT_EQ(h.fields[0].key, "source-file");
  EXPECT_EQ(h.fields[2].value, "\"On Thursday\" = 12 August: see below");
  EXPECT_EQ(doc.substr(h.body_offset), "\nText");
}

TEST(ParseTextHeaderTest, NoHeaderWhenFirstLineIsText) {
  for (const char* doc :
       {"KABUL: Taliban fighters entered the city.\n\nMore.", "https://example.org\n\nText",
        "12:30 local time\n", "Just text.", "title: A\nthis line is not a field\n\nText"}) {
    TextHeader h = ParseTextHeader(doc);
    EXPECT_TRUE(h.fields.empty()) << doc;
    EXPECT_EQ(h.body_offset, 0u) << doc;
  }
}

TEST(ParseTextHeaderTest, HeaderNeedsAKnownKey) {
  TextHeader h = ParseTextHeader("Note: this is not a header\n\nText");
  EXPECT_TRUE(h.fields.empty());
}

TEST(ParseTextHeaderTest, HeaderAtEndOfDocumentAndEmptyValues) {
  TextHeader h = ParseTextHeader("title: Only a header\npublished:");
  ASSERT_EQ(h.fields.size(), 2u);
  EXPECT_EQ(h.fields[1].value, "");
  EXPECT_EQ(h.body_offset, 31u);
}

TEST(ParseTextHeaderTest, BlankLinesBeforeHeaderAreAllowed) {
  TextHeader h = ParseTextHeader("\n  \npublished: 2021-08-13\n\nText");
  ASSERT_EQ(h.fields.size(), 1u);
  EXPECT_EQ(h.fields[0].line, 3u);
}

}  // namespace
}  // namespace sitrep
