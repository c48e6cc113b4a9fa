#include "text/html_extractor.h"

#include <gtest/gtest.h>

#include <string>

#include "text/html_document.h"

namespace sitrep {
namespace {

std::string Text(std::string_view html, const ReaderOptions& options = {}) {
  Result<HtmlContent> content = ExtractHtml(html, options);
  return content.ok() ? content->text : "error: " + content.status().ToString();
}

HtmlContent Extract(std::string_view html) {
  Result<HtmlContent> content = ExtractHtml(html, {});
  EXPECT_TRUE(content.ok()) << content.status().ToString();
  return content.ok() ? *content : HtmlContent{};
}

TEST(HtmlExtractorTest, DropsInvisibleAndChromeElements) {
  const std::string html = R"(<!doctype html><html><head><title>T</title>
    <style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
    <body><header>Site banner</header><nav><a href=/>Home</a> | <a>World</a></nav>
    <p>First paragraph.</p><aside>Related stories</aside>
    <noscript>Enable JavaScript</noscript><form><label>Search</label><input></form>
    <iframe src=x>frame text</iframe><svg><text>chart label</text></svg>
    <p>Second paragraph.</p><div hidden>secret</div><span aria-hidden="true">icon</span>
    <footer>Copyright</footer></body></html>)";
  EXPECT_EQ(Text(html), "First paragraph.\n\nSecond paragraph.");
}

TEST(HtmlExtractorTest, BlocksSeparateParagraphsAndWhitespaceCollapses) {
  EXPECT_EQ(Text("<body><h1>Head</h1><p>One\n   two</p><div>Three<br>Four</div>"
                 "<ul><li>a</li><li>b</li></ul><blockquote>Quote</blockquote>"
                 "<table><tr><td>c1</td><td>c2</td></tr><tr><td>d</td></tr></table>"
                 "<p>in<b>line</b> <i>words</i></p></body>"),
            "Head\n\nOne two\n\nThree\n\nFour\n\na\n\nb\n\nQuote\n\nc1 c2\n\nd\n\ninline words");
}

TEST(HtmlExtractorTest, DecodesEntities) {
  EXPECT_EQ(Text("<p>Tom &amp; Jerry &lt;3 &quot;q&quot; caf&eacute; &#233; &#x2014; "
                 "a&nbsp;b &mdash; &rsquo;</p>"),
            "Tom & Jerry <3 \"q\" caf\xC3\xA9 \xC3\xA9 \xE2\x80\x94 a b \xE2\x80\x94 "
            "\xE2\x80\x99");
}

TEST(HtmlExtractorTest, PrefersTheLongestArticle) {
  const std::string html =
      "<body><div>Menu text outside</div>"
      "<article><p>Short teaser.</p></article>"
      "<article><h2>Story</h2><p>The real story is here, and it is long.</p>"
      "<footer>Share this</footer></article><div>More junk</div></body>";
  EXPECT_EQ(Text(html), "Story\n\nThe real story is here, and it is long.");
}

TEST(HtmlExtractorTest, MainWhenNoArticle) {
  EXPECT_EQ(Text("<body><div>Chrome</div><main><p>Main text.</p></main></body>"), "Main text.");
}

TEST(HtmlExtractorTest, Metadata) {
  const std::string html = R"(<html lang="en-GB"><head>
    <title> Herat falls | Example </title>
    <meta property="og:site_name" content="Example News">
    <meta property="og:url" content="https://example.org/herat">
    <link rel="canonical" href="https://example.org/canonical">
    <meta property="article:published_time" content="2021-08-13T10:00:00Z">
    </head><body><h1>Headline</h1><p>Body.</p></body></html>)";
  HtmlContent c = Extract(html);
  EXPECT_EQ(c.title, "Herat falls | Example");
  EXPECT_EQ(c.outlet, "Example News");
  EXPECT_EQ(c.url, "https://example.org/herat");
  EXPECT_EQ(c.published, "2021-08-13T10:00:00Z");
  EXPECT_EQ(c.published_line, 6u);
  EXPECT_EQ(c.language, "en");
  EXPECT_EQ(c.text, "Headline\n\nBody.");
}

TEST(HtmlExtractorTest, FallbacksForTitleUrlAndDate) {
  HtmlContent c = Extract(
      "<head><link rel=canonical href='https://e.org/c'><meta name=date content='2021-08-12'>"
      "<script type='application/ld+json'>{\"@graph\": [{\"datePublished\": \"2021-08-11\","
      " \"publisher\": {\"name\": \"LD Outlet\"}}]}</script></head>"
      "<body><header><h1>Site name</h1></header><h1>Real <em>headline</em></h1><p>x</p></body>");
  EXPECT_EQ(c.title, "Real headline");
  EXPECT_EQ(c.url, "https://e.org/c");
  EXPECT_EQ(c.published, "2021-08-12");
  EXPECT_EQ(c.outlet, "LD Outlet");
  HtmlContent ld = Extract(
      "<script type=\"application/ld+json\">[{\"datePublished\": \"2021-08-11T08:00:00Z\"}]"
      "</script><p>x</p>");
  EXPECT_EQ(ld.published, "2021-08-11T08:00:00Z");
}

TEST(HtmlExtractorTest, BrokenMarkupNeverFails) {
  EXPECT_EQ(Text("<p>unclosed <b>bold <i>both</p><p>next"), "unclosed bold both\n\nnext");
  EXPECT_EQ(Text("</div></p>stray closers</span>"), "stray closers");
  EXPECT_EQ(Text("<p attr='unterminated>text"), "");
  const std::string stray = Text("<<<>>>&&&;;; <p>ok");
  EXPECT_TRUE(stray.starts_with("<<<")) << stray;
  EXPECT_NE(stray.find(">>>&&&;;;"), std::string::npos) << stray;
  EXPECT_TRUE(stray.ends_with("\n\nok")) << stray;
  EXPECT_EQ(Text("<script>never closed <p>hidden"), "");
  EXPECT_EQ(Text("<!-- comment never closed <p>hidden"), "");
  EXPECT_EQ(Text("plain words, no tags"), "plain words, no tags");
  EXPECT_EQ(Text("&bogus; &#xFFFFFFFF; &#0; end"), "&bogus; end");
}

TEST(HtmlExtractorTest, DeepNestingIsFlattenedWithoutRecursion) {
  for (const char* tag : {"div", "span", "b", "article", "table", "p"}) {
    std::string html = "<body>";
    for (int i = 0; i < 100000; ++i) html += std::string("<") + tag + ">w";
    html += "<p>end</p>";
    HtmlContent c = Extract(html);
    EXPECT_TRUE(c.text.starts_with("w")) << tag;
    EXPECT_TRUE(c.text.ends_with("end")) << tag;
  }
}

TEST(HtmlExtractorTest, ElementsBeyondMaxDepthDoNotBreakParagraphs) {
  ReaderOptions options;
  options.max_html_depth = 4;  // html, body, div, div
  EXPECT_EQ(Text("<html><body><div><div><p>a</p><p>b</p></div></div></body></html>", options),
            "a b");
  EXPECT_EQ(
      Text("<html><body><div><div><p>a</p><script>x</script><p>b</p></div></div></body>", options),
      "a b");
  EXPECT_EQ(Text("<html><body><div><p>a</p><p>b</p></div></body></html>", options), "a\n\nb");
}

TEST(HtmlExtractorTest, DeclaredCharsetIsIgnoredForUtf8) {
  EXPECT_EQ(Text("<meta charset=iso-8859-1><p>caf\xC3\xA9</p>"), "caf\xC3\xA9");
  EXPECT_EQ(Text("<meta http-equiv=Content-Type content='text/html; charset=windows-1252'>"
                 "<p>\xE2\x80\x94</p>"),
            "\xE2\x80\x94");
}

TEST(ExtractHtmlTextTest, PublicEntryPoint) {
  std::string title;
  Result<std::string> text = ExtractHtmlText("<title>T</title><p>Body</p>", &title);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "Body");
  EXPECT_EQ(title, "T");
  EXPECT_EQ(ExtractHtmlText("<p>caf\xE9</p>", nullptr).status().kind(), ErrorKind::kInvalidUtf8);
  EXPECT_EQ(ExtractHtmlText("", nullptr).status().kind(), ErrorKind::kEmptyInput);
}

TEST(HtmlDocumentTest, ReportFromPage) {
  Result<Report> r = ParseHtmlDocument(
      "<html lang=fr><head><title>T</title><meta property='og:site_name' content='O'>"
      "<meta property='article:published_time' content='2021-08-13T22:00:00+04:30'></head>"
      "<body><article><p>Le texte.</p></article></body></html>",
      "page.html", {});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->text, "Le texte.");
  EXPECT_EQ(r->title, "T");
  EXPECT_EQ(r->outlet, "O");
  EXPECT_EQ(r->language, "fr");
  EXPECT_EQ(r->published.ToString(), "2021-08-13");
  EXPECT_EQ(r->origin, "page.html");
}

TEST(HtmlDocumentTest, ErrorsNameThePage) {
  Result<Report> no_date = ParseHtmlDocument("<p>Text.</p>", "p.html", {});
  EXPECT_EQ(no_date.status().kind(), ErrorKind::kMissingDate);
  Result<Report> bad_date = ParseHtmlDocument(
      "<html>\n<head>\n<meta property='article:published_time' content='soon'>\n</head><p>x</p>",
      "p.html", {});
  EXPECT_EQ(bad_date.status().kind(), ErrorKind::kBadDate);
  EXPECT_EQ(bad_date.status().input(), "p.html:3");
  ReaderOptions options;
  options.published = Date::FromYmd(2021, 8, 13);
  Result<Report> empty = ParseHtmlDocument("<script>only()</script>", "p.html", options);
  EXPECT_EQ(empty.status().kind(), ErrorKind::kEmptyInput);
  Result<Report> bad_utf8 = ParseHtmlDocument("<p>\xC0\xAF</p>", "p.html", options);
  EXPECT_EQ(bad_utf8.status().kind(), ErrorKind::kInvalidUtf8);
  EXPECT_EQ(bad_utf8.status().input(), "p.html:3");
}

}  // namespace
}  // namespace sitrep
