#include "text/jsonl_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sitrep {
namespace {

struct Items {
  std::vector<Result<Report>> all;
  ReportSink Sink() {
    return [this](Result<Report> r) { all.push_back(std::move(r)); };
  }
};

std::vector<Result<Report>> Read(std::string_view bytes, const ReaderOptions& options = {}) {
  Items items;
  ReadJsonLines(bytes, "feed.jsonl", options, items.Sink());
  return std::move(items.all);
}

TEST(JsonLinesTest, ReadsEveryField) {
  auto items = Read(
      "{\"url\": \"https://example.org/1\", \"outlet\": \"Wire\", \"published\": \"2021-08-13\", "
      "\"title\": \"Herat falls\", \"text\": \"The city fell.\", \"language\": \"en\", "
      "\"extra\": [1, 2]}\n");
  ASSERT_EQ(items.size(), 1u);
  ASSERT_TRUE(items[0].ok()) << items[0].status().ToString();
  const Report& r = *items[0];
  EXPECT_EQ(r.url, "https://example.org/1");
  EXPECT_EQ(r.outlet, "Wire");
  EXPECT_EQ(r.published.ToString(), "2021-08-13");
  EXPECT_EQ(r.title, "Herat falls");
  EXPECT_EQ(r.text, "The city fell.");
  EXPECT_EQ(r.origin, "feed.jsonl:1");
  EXPECT_EQ(r.id, ReportId("The city fell."));
}

TEST(JsonLinesTest, BadLineInTheMiddleDoesNotStopTheRest) {
  auto items = Read(
      "{\"published\": \"2021-08-13\", \"text\": \"One.\"}\n"
      "\n"
      "{\"published\": \"2021-08-13\", \"text\": \"Two.\"\n"
      "   \n"
      "{\"published\": \"2021-08-14\", \"text\": \"Three.\"}\r\n");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_TRUE(items[0].ok());
  ASSERT_FALSE(items[1].ok());
  EXPECT_EQ(items[1].status().kind(), ErrorKind::kInvalidInput);
  EXPECT_EQ(items[1].status().input(), "feed.jsonl:3");
  EXPECT_NE(items[1].status().message().find("not JSON"), std::string::npos);
  ASSERT_TRUE(items[2].ok()) << items[2].status().ToString();
  EXPECT_EQ(items[2]->text, "Three.");
  EXPECT_EQ(items[2]->origin, "feed.jsonl:5");
}

TEST(JsonLinesTest, WrongTypeNamesLineAndField) {
  auto items = Read(
      "{\"published\": 20210813, \"text\": \"x\"}\n"
      "{\"published\": \"2021-08-13\", \"text\": [\"x\"]}\n"
      "{\"published\": \"2021-08-13\", \"text\": \"x\", \"url\": 5}\n");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].status().input(), "feed.jsonl:1");
  EXPECT_NE(items[0].status().message().find("\"published\""), std::string::npos);
  EXPECT_NE(items[0].status().message().find("number"), std::string::npos);
  EXPECT_EQ(items[1].status().input(), "feed.jsonl:2");
  EXPECT_NE(items[1].status().message().find("\"text\""), std::string::npos);
  EXPECT_NE(items[2].status().message().find("\"url\""), std::string::npos);
}

TEST(JsonLinesTest, MissingOrEmptyText) {
  auto items = Read(
      "{\"published\": \"2021-08-13\"}\n"
      "{\"published\": \"2021-08-13\", \"text\": \"  \"}\n"
      "{\"published\": \"2021-08-13\", \"text\": null}\n");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].status().kind(), ErrorKind::kInvalidInput);
  EXPECT_NE(items[0].status().message().find("\"text\""), std::string::npos);
  EXPECT_EQ(items[1].status().kind(), ErrorKind::kEmptyInput);
  EXPECT_EQ(items[2].status().kind(), ErrorKind::kInvalidInput);
}

TEST(JsonLinesTest, NotAnObject) {
  auto items = Read("[1, 2]\n\"text\"\n");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].status().kind(), ErrorKind::kInvalidInput);
  EXPECT_NE(items[0].status().message().find("object"), std::string::npos);
}

TEST(JsonLinesTest, DatesMissingBadAndOverridden) {
  auto items = Read(
      "{\"text\": \"a\"}\n{\"text\": \"b\", \"published\": \"someday\"}\n"
      "{\"text\": \"c\", \"published\": \"Aug. 13, 2021\"}\n");
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0].status().kind(), ErrorKind::kMissingDate);
  EXPECT_EQ(items[0].status().input(), "feed.jsonl:1");
  EXPECT_EQ(items[1].status().kind(), ErrorKind::kBadDate);
  EXPECT_EQ(items[1].status().input(), "feed.jsonl:2");
  EXPECT_NE(items[1].status().message().find("\"published\""), std::string::npos);
  ASSERT_TRUE(items[2].ok());
  EXPECT_EQ(items[2]->published.ToString(), "2021-08-13");

  ReaderOptions options;
  options.published = Date::FromYmd(2022, 2, 24);
  options.outlet = "Given";
  auto overridden = Read("{\"text\": \"a\", \"outlet\": \"Own\"}\n", options);
  ASSERT_TRUE(overridden[0].ok());
  EXPECT_EQ(overridden[0]->published.ToString(), "2022-02-24");
  EXPECT_EQ(overridden[0]->outlet, "Given");
}

TEST(JsonLinesTest, RecordOverTheLimitIsRefused) {
  ReaderOptions options;
  options.max_record_bytes = 64;
  auto items = Read("{\"published\": \"2021-08-13\", \"text\": \"" + std::string(100, 'x') +
                        "\"}\n{\"published\": \"2021-08-13\", \"text\": \"ok\"}\n",
                    options);
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].status().kind(), ErrorKind::kTooLarge);
  EXPECT_EQ(items[0].status().input(), "feed.jsonl:1");
  EXPECT_TRUE(items[1].ok());
}

TEST(JsonLinesTest, InvalidUtf8OnOneLine) {
  auto items = Read(
      "{\"published\": \"2021-08-13\", \"text\": \"ok\"}\n"
      "{\"published\": \"2021-08-13\", \"text\": \"caf\xE9\"}\n");
  ASSERT_EQ(items.size(), 2u);
  EXPECT_TRUE(items[0].ok());
  EXPECT_EQ(items[1].status().kind(), ErrorKind::kInvalidUtf8);
  EXPECT_EQ(items[1].status().input(), "feed.jsonl:2");
  EXPECT_NE(items[1].status().message().find("byte offset 82"), std::string::npos)
      << items[1].status().message();
}

TEST(JsonLinesTest, DeepNestingIsRefusedNotOverflowed) {
  std::string deep =
      "{\"text\": \"x\", \"extra\": " + std::string(100000, '[') + std::string(100000, ']') + "}";
  auto items = Read(deep);
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].status().kind(), ErrorKind::kInvalidInput);
}

TEST(JsonLinesTest, EscapesAndControlCharacters) {
  auto items = Read(
      "{\"published\": \"2021-08-13\", \"text\": \"Line\\r\\nnext \\u0000 \\u00e9 "
      "\\ud83d\\ude00\"}");
  ASSERT_TRUE(items[0].ok()) << items[0].status().ToString();
  EXPECT_EQ(items[0]->text, "Line\nnext   \xC3\xA9 \xF0\x9F\x98\x80");
}

TEST(JsonLinesTest, BinaryOrEmptyFileIsOneError) {
  EXPECT_EQ(Read("").size(), 1u);
  auto items = Read(std::string("{\"text\": \"\0\"}\n{\"a\":1}\n", 22));
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].status().kind(), ErrorKind::kBinaryInput);
}

TEST(JsonLinesTest, ByteOrderMarkOnFirstLine) {
  auto items = Read("\xEF\xBB\xBF{\"published\": \"2021-08-13\", \"text\": \"x\"}");
  ASSERT_TRUE(items[0].ok()) << items[0].status().ToString();
}

}  // namespace
}  // namespace sitrep
