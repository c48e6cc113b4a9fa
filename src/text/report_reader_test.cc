#include "text/report_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "text/file_system.h"

namespace sitrep {
namespace {

constexpr char kDated[] = "published: 2021-08-13\n\n";

// Everything a read produced, in order.
struct Collected {
  std::vector<Report> reports;
  std::vector<Status> errors;
  std::vector<std::string> order;  // origin of each item, reports and errors alike
  ReportSink Sink() {
    return [this](Result<Report> r) {
      if (r.ok()) {
        order.push_back(r->origin);
        reports.push_back(std::move(*r));
      } else {
        order.push_back("error:" + r.status().input());
        errors.push_back(r.status());
      }
    };
  }
};

TEST(ParseInputFormatTest, Names) {
  EXPECT_EQ(*ParseInputFormat("auto"), InputFormat::kAuto);
  EXPECT_EQ(*ParseInputFormat("text"), InputFormat::kText);
  EXPECT_EQ(*ParseInputFormat("HTML"), InputFormat::kHtml);
  EXPECT_EQ(*ParseInputFormat("jsonl"), InputFormat::kJsonl);
  EXPECT_EQ(ParseInputFormat("pdf").status().kind(), ErrorKind::kInvalidArgument);
  EXPECT_EQ(InputFormatName(InputFormat::kJsonl), "jsonl");
}

TEST(FormatDetectionTest, ByExtension) {
  EXPECT_EQ(FormatFromExtension("a/b.txt"), InputFormat::kText);
  EXPECT_EQ(FormatFromExtension("b.TEXT"), InputFormat::kText);
  EXPECT_EQ(FormatFromExtension("notes.md"), InputFormat::kText);
  EXPECT_EQ(FormatFromExtension("page.html"), InputFormat::kHtml);
  EXPECT_EQ(FormatFromExtension("page.HTM"), InputFormat::kHtml);
  EXPECT_EQ(FormatFromExtension("feed.jsonl"), InputFormat::kJsonl);
  EXPECT_EQ(FormatFromExtension("feed.ndjson"), InputFormat::kJsonl);
  EXPECT_EQ(FormatFromExtension("story"), InputFormat::kAuto);
  EXPECT_EQ(FormatFromExtension("dir.txt/story"), InputFormat::kAuto);
  EXPECT_EQ(FormatFromExtension(".txt"), InputFormat::kAuto);
}

TEST(FormatDetectionTest, BySniffing) {
  EXPECT_EQ(SniffFormat("<!DOCTYPE html><html>"), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("\xEF\xBB\xBF  \n<html lang=en>"), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("<p>Hello</p>"), InputFormat::kHtml);
  EXPECT_EQ(SniffFormat("{\"text\": \"a\"}\n{\"text\": \"b\"}\n"), InputFormat::kJsonl);
  EXPECT_EQ(SniffFormat("published: 2021-08-13\n\n<b>not html</b>"), InputFormat::kText);
  EXPECT_EQ(SniffFormat("<3 this is text"), InputFormat::kText);
  EXPECT_EQ(SniffFormat("{ braces in a\nplain text"), InputFormat::kText);
}

TEST(IsHiddenBelowTest, ChecksComponentsBelowRoot) {
  EXPECT_TRUE(IsHiddenBelow("in/.git/x.txt", "in"));
  EXPECT_TRUE(IsHiddenBelow("in/a/.x.txt", "in"));
  EXPECT_FALSE(IsHiddenBelow("in/a/x.txt", "in"));
  EXPECT_FALSE(IsHiddenBelow("./in/a.txt", "./in"));
  EXPECT_FALSE(IsHiddenBelow(".hidden-root/a.txt", ".hidden-root"));
}

TEST(ReadReportsTest, FolderIsReadRecursivelyInOrderSkippingHidden) {
  InMemoryFileSystem mem;
  mem.AddFile("in/b.txt", std::string(kDated) + "B.");
  mem.AddFile("in/a/2.txt", std::string(kDated) + "A2.");
  mem.AddFile("in/a/1.txt", std::string(kDated) + "A1.");
  mem.AddFile("in/.hidden.txt", std::string(kDated) + "H.");
  mem.AddFile("in/.git/x.txt", std::string(kDated) + "G.");
  mem.AddFile("in/c.html",
              "<html><head><meta property='article:published_time' content='2021-08-13'>"
              "</head><body><p>C.</p></body></html>");
  mem.AddFile("in/d.jsonl",
              "{\"published\": \"2021-08-13\", \"text\": \"D1.\"}\n"
              "{\"published\": \"2021-08-13\", \"text\": \"D2.\"}\n");
  Collected got;
  ASSERT_TRUE(ReadReports("in", {}, got.Sink(), &mem).ok());
  EXPECT_EQ(got.order, (std::vector<std::string>{"in/a/1.txt", "in/a/2.txt", "in/b.txt",
                                                 "in/c.html", "in/d.jsonl:1", "in/d.jsonl:2"}));
  ASSERT_EQ(got.reports.size(), 6u);
  EXPECT_EQ(got.reports[3].text, "C.");
  EXPECT_EQ(got.reports[5].text, "D2.");
  EXPECT_EQ(mem.ReadCount("in/.hidden.txt"), 0);
}

TEST(ReadReportsTest, UnknownExtensionsAreSniffed) {
  InMemoryFileSystem mem;
  mem.AddFile("in/page",
              "<!doctype html><title>T</title><meta property=article:published_time "
              "content=2021-08-13><p>Page text.");
  mem.AddFile("in/story", std::string(kDated) + "Story text.");
  Collected got;
  ASSERT_TRUE(ReadReports("in", {}, got.Sink(), &mem).ok());
  ASSERT_EQ(got.reports.size(), 2u);
  EXPECT_EQ(got.reports[0].text, "Page text.");
  EXPECT_EQ(got.reports[0].title, "T");
  EXPECT_EQ(got.reports[1].text, "Story text.");
}

TEST(ReadReportsTest, FormatOptionWins) {
  InMemoryFileSystem mem;
  mem.AddFile("x.html", std::string(kDated) + "<b>kept as text</b>");
  ReaderOptions options;
  options.format = InputFormat::kText;
  Collected got;
  ASSERT_TRUE(ReadReports("x.html", options, got.Sink(), &mem).ok());
  ASSERT_EQ(got.reports.size(), 1u);
  EXPECT_EQ(got.reports[0].text, "<b>kept as text</b>");
}

TEST(ReadReportsTest, BadFilesDoNotStopTheBatch) {
  InMemoryFileSystem mem;
  mem.AddFile("in/1.txt", "");
  mem.AddFile("in/2.txt", std::string(kDated) + "Good.");
  mem.AddFile("in/3.txt", std::string("\0\1\2\3", 4));
  mem.AddFile("in/4.txt", "No date here.");
  mem.AddFile("in/5.txt", std::string(kDated) + "Unreadable.");
  mem.FailReads("in/5.txt", Status(ErrorKind::kIoError, "permission denied", "in/5.txt"));
  mem.AddFile("in/6.txt", std::string(kDated) + "Also good.");
  Collected got;
  ASSERT_TRUE(ReadReports("in", {}, got.Sink(), &mem).ok());
  ASSERT_EQ(got.reports.size(), 2u);
  ASSERT_EQ(got.errors.size(), 4u);
  EXPECT_EQ(got.errors[0].kind(), ErrorKind::kEmptyInput);
  EXPECT_EQ(got.errors[1].kind(), ErrorKind::kBinaryInput);
  EXPECT_EQ(got.errors[1].input(), "in/3.txt:0");
  EXPECT_EQ(got.errors[2].kind(), ErrorKind::kMissingDate);
  EXPECT_EQ(got.errors[3].kind(), ErrorKind::kIoError);
  EXPECT_EQ(got.order.back(), "in/6.txt");
}

TEST(ReadReportsTest, TooLargeIsRefusedBeforeReading) {
  InMemoryFileSystem mem;
  mem.AddFile("big.txt", std::string(kDated) + std::string(200, 'x'));
  ReaderOptions options;
  options.max_file_bytes = 100;
  Collected got;
  ASSERT_TRUE(ReadReports("big.txt", options, got.Sink(), &mem).ok());
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].kind(), ErrorKind::kTooLarge);
  EXPECT_EQ(got.errors[0].input(), "big.txt");
  EXPECT_EQ(mem.ReadCount("big.txt"), 0);
}

TEST(ReadReportsTest, StdinIsReadAndSniffed) {
  InMemoryFileSystem mem;
  mem.SetStdin(std::string(kDated) + "From a pipe.");
  Collected got;
  ASSERT_TRUE(ReadReports("-", {}, got.Sink(), &mem).ok());
  ASSERT_EQ(got.reports.size(), 1u);
  EXPECT_EQ(got.reports[0].origin, "-");
  EXPECT_EQ(got.reports[0].text, "From a pipe.");

  InMemoryFileSystem jsonl;
  jsonl.SetStdin("{\"published\":\"2021-08-13\",\"text\":\"One.\"}\n");
  Collected got2;
  ASSERT_TRUE(ReadReports("-", {}, got2.Sink(), &jsonl).ok());
  ASSERT_EQ(got2.reports.size(), 1u);
  EXPECT_EQ(got2.reports[0].origin, "-:1");
}

TEST(ReadReportsTest, StdinOverTheLimitIsTooLarge) {
  InMemoryFileSystem mem;
  mem.SetStdin(std::string(kDated) + std::string(200, 'x'));
  ReaderOptions options;
  options.max_file_bytes = 100;
  Collected got;
  ASSERT_TRUE(ReadReports("-", options, got.Sink(), &mem).ok());
  ASSERT_EQ(got.errors.size(), 1u);
  EXPECT_EQ(got.errors[0].kind(), ErrorKind::kTooLarge);
}

TEST(ReadReportsTest, ClosedStdinIsAnError) {
  InMemoryFileSystem mem;
  Collected got;
  EXPECT_FALSE(ReadReports("-", {}, got.Sink(), &mem).ok());
}

TEST(ReadReportsTest, MissingPathIsReturned) {
  InMemoryFileSystem mem;
  Collected got;
  Status st = ReadReports("nowhere.txt", {}, got.Sink(), &mem);
  EXPECT_EQ(st.kind(), ErrorKind::kNotFound);
  EXPECT_EQ(st.input(), "nowhere.txt");
  EXPECT_TRUE(got.order.empty());
}

TEST(ReadReportsTest, RealFolderThroughTheDefaultFileSystem) {
  namespace fs = std::filesystem;
  const fs::path root =
      fs::temp_directory_path() / ("sitrep_text_reader_" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "sub");
  fs::create_directories(root / ".hidden");
  std::ofstream(root / "b.txt") << kDated << "B.";
  std::ofstream(root / "sub" / "a.htm")
      << "<meta property=article:published_time content=2021-08-13><p>A.</p>";
  std::ofstream(root / ".hidden" / "c.txt") << kDated << "C.";
  std::ofstream(root / "big.txt") << kDated << std::string(300, 'x');
  ReaderOptions options;
  options.max_file_bytes = 200;
  Collected got;
  ASSERT_TRUE(ReadReports(root.string(), options, got.Sink()).ok());
  EXPECT_EQ(got.order, (std::vector<std::string>{(root / "b.txt").string(),
                                                 "error:" + (root / "big.txt").string(),
                                                 (root / "sub/a.htm").string()}));
  EXPECT_EQ(ReadReports((root / "none.txt").string(), {}, got.Sink()).kind(), ErrorKind::kNotFound);
  fs::remove_all(root);
}

TEST(ParseDocumentTest, DetectsFormatFromOriginAndContent) {
  Collected got;
  ParseDocument("{\"published\":\"2021-08-13\",\"text\":\"J.\"}", "feed.jsonl", {}, got.Sink());
  ParseDocument("<p>H.</p>", "page.html", {.published = Date::FromYmd(2021, 8, 13)}, got.Sink());
  ParseDocument(std::string(kDated) + "T.", "note", {}, got.Sink());
  EXPECT_EQ(got.order, (std::vector<std::string>{"feed.jsonl:1", "page.html", "note"}));
}

}  // namespace
}  // namespace sitrep
