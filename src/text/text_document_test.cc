#include "text/text_document.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "sitrep/reader.h"

namespace sitrep {
namespace {

Result<Report> Parse(std::string_view bytes, const ReaderOptions& options = {}) {
  return ParseTextDocument(bytes, "r.txt", options);
}

TEST(TextDocumentTest, HeaderFieldsFillTheReport) {
  Result<Report> r = Parse(
      "url: https://example.org/story\noutlet: Example News\npublished: 2022-02-24\n"
      "title: Troops cross the border\nlanguage: en\n\nTroops crossed the border at dawn.\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->url, "https://example.org/story");
  EXPECT_EQ(r->outlet, "Example News");
  EXPECT_EQ(r->published.ToString(), "2022-02-24");
  EXPECT_EQ(r->title, "Troops cross the border");
  EXPECT_EQ(r->language, "en");
  EXPECT_EQ(r->text, "Troops crossed the border at dawn.");
  EXPECT_EQ(r->origin, "r.txt");
  EXPECT_EQ(r->id, ReportId(r->text));
}

TEST(TextDocumentTest, WrittenDatesInTheHeader) {
  for (const char* date :
       {"13 August 2021", "August 13, 2021", "Aug. 13, 2021", "2021-08-13T10:00:00+04:30"}) {
    Result<Report> r = Parse(std::string("published: ") + date + "\n\nText.");
    ASSERT_TRUE(r.ok()) << date << ": " << r.status().ToString();
    EXPECT_EQ(r->published.ToString(), "2021-08-13") << date;
  }
}

TEST(TextDocumentTest, OptionsOverrideTheHeader) {
  ReaderOptions options;
  options.published = Date::FromYmd(2023, 10, 7);
  options.outlet = "Given Outlet";
  options.url = "https://given.example/";
  Result<Report> r = Parse(
      "url: https://example.org/x\noutlet: Header Outlet\npublished: 2021-08-13\ntitle: T\n\nText.",
      options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->published.ToString(), "2023-10-07");
  EXPECT_EQ(r->outlet, "Given Outlet");
  EXPECT_EQ(r->url, "https://given.example/");
  EXPECT_EQ(r->title, "T");
}

TEST(TextDocumentTest, OptionsSupplyWhatTheHeaderLacks) {
  ReaderOptions options;
  options.published = Date::FromYmd(2021, 8, 13);
  Result<Report> r = Parse("No header at all. On Thursday, fighting went on.", options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->published.ToString(), "2021-08-13");
  EXPECT_EQ(r->text, "No header at all. On Thursday, fighting went on.");
}

TEST(TextDocumentTest, UnknownKeysAreHarmless) {
  Result<Report> r =
      Parse("source-file: a.txt\npublished: 2021-08-13\nnote: whatever: it says\n\nBody.");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->text, "Body.");
  EXPECT_EQ(r->outlet, "");
}

TEST(TextDocumentTest, WithoutHeaderTheWholeFileIsText) {
  ReaderOptions options;
  options.published = Date::FromYmd(2021, 8, 13);
  Result<Report> r = Parse("KABUL: Fighting raged.\n\nSecond paragraph.\n", options);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->text, "KABUL: Fighting raged.\n\nSecond paragraph.");
}

TEST(TextDocumentTest, MissingDateSaysWhyAndHow) {
  Result<Report> r = Parse("outlet: X\n\nOn Thursday the city fell.");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().kind(), ErrorKind::kMissingDate);
  EXPECT_EQ(r.status().input(), "r.txt");
  EXPECT_NE(r.status().message().find("--published YYYY-MM-DD"), std::string::npos);
  EXPECT_NE(r.status().message().find("on Thursday"), std::string::npos);
}

TEST(TextDocumentTest, MissingDatePointsAtAMisnamedKey) {
  Result<Report> r = Parse("title: T\ndate: 2021-08-13\n\nText.");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().kind(), ErrorKind::kMissingDate);
  EXPECT_NE(r.status().message().find("\"date:\" on line 2"), std::string::npos)
      << r.status().message();
}

TEST(TextDocumentTest, BadDateNamesFileAndLine) {
  Result<Report> r = Parse("outlet: X\npublished: last Friday\n\nText.");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().kind(), ErrorKind::kBadDate);
  EXPECT_EQ(r.status().input(), "r.txt:2");
  EXPECT_NE(r.status().message().find("last Friday"), std::string::npos);
}

TEST(TextDocumentTest, OverriddenBadDateIsNotRead) {
  ReaderOptions options;
  options.published = Date::FromYmd(2021, 8, 13);
  Result<Report> r = Parse("published: last Friday\n\nText.", options);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
}

TEST(TextDocumentTest, CrlfAndBomAreNormalized) {
  Result<Report> r =
      Parse("\xEF\xBB\xBFpublished: 2021-08-13\r\ntitle: T\r\n\r\nLine one.\r\nLine two.\r\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->title, "T");
  EXPECT_EQ(r->text, "Line one.\nLine two.");
  Result<Report> lf = Parse("published: 2021-08-13\ntitle: T\n\nLine one.\nLine two.\n");
  ASSERT_TRUE(lf.ok());
  EXPECT_EQ(r->id, lf->id);
}

TEST(TextDocumentTest, HeaderWithoutTextIsEmpty) {
  Result<Report> r = Parse("published: 2021-08-13\ntitle: T\n\n   \n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().kind(), ErrorKind::kEmptyInput);
}

TEST(TextDocumentTest, ChecksComeFirst) {
  EXPECT_EQ(Parse("").status().kind(), ErrorKind::kEmptyInput);
  EXPECT_EQ(Parse(std::string("published: 2021-08-13\n\nA\0B", 26)).status().kind(),
            ErrorKind::kBinaryInput);
  Result<Report> bad = Parse("published: 2021-08-13\n\nCaf\xE9");
  EXPECT_EQ(bad.status().kind(), ErrorKind::kInvalidUtf8);
  EXPECT_EQ(bad.status().input(), "r.txt:26");
}

TEST(TextDocumentTest, SeedArticle) {
  const std::filesystem::path path =
      std::filesystem::path(SITREP_SHARED_DIR) / "seed" / "seed-article.txt";
  if (!std::filesystem::exists(path)) {
    GTEST_SKIP() << "seed article not found at " << path << "; skipping";
  }
  Result<std::string> bytes = DefaultFileSystem()->ReadFile(path.string(), size_t{1} << 20);
  ASSERT_TRUE(bytes.ok()) << bytes.status().ToString();
  Result<Report> r = ParseTextDocument(*bytes, path.string(), {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->published.ToString(), "2021-08-13");
  EXPECT_TRUE(r->text.starts_with("WASHINGTON/HERAT/KABUL/DOHA")) << r->text.substr(0, 80);
  EXPECT_NE(r->outlet.find("AFP"), std::string::npos);
  EXPECT_EQ(r->text.find("source-file"), std::string::npos);
}

}  // namespace
}  // namespace sitrep
