// Visible text and metadata of an HTML page, for reading news articles saved
// from the web.
//
// Parsing is libxml2's tolerant HTML parser driven as a SAX stream: no
// document tree is built and nothing here recurses, so broken markup
// (unclosed or stray tags, bad entities) and very deep nesting cost time and
// memory in proportion to the input, never stack. libxml2 closes elements
// the way browsers of its generation do and decodes entities.
//
// Text rules:
//   - dropped with everything inside them: script, style, noscript, template,
//     nav, header, footer, aside, form, iframe, svg, math, select, button,
//     title, and any element with a `hidden` attribute or aria-hidden="true";
//   - block elements (p, div, h1-h6, li, br, article, section, tr,
//     blockquote, ...) end a paragraph: paragraphs are separated by one blank
//     line; table cells are separated by a space;
//   - runs of whitespace (including no-break space) become one space;
//   - when the page has <article> elements, the text is the longest
//     article's; else <main>'s when there is one; else the whole body's.
// Elements nested deeper than ReaderOptions::max_html_depth are flattened:
// their tags no longer break paragraphs (a block there only separates words)
// or select an article, but their text is kept and dropped elements stay
// dropped.
//
// Metadata, each empty when the page does not give it:
//   title:     <title>, else the first <h1> (outside dropped parts if any),
//              else og:title;
//   published: <meta property="article:published_time">, else another
//              common publication-date meta tag, else the datePublished of
//              JSON-LD (<script type="application/ld+json">);
//   outlet:    og:site_name, else the JSON-LD publisher's name;
//   url:       og:url, else <link rel="canonical">;
//   language:  <html lang>, primary subtag in lower case ("en-GB" -> "en").
//
// Thread-safety: reentrant (libxml2 is initialized once, thread-safely).
#ifndef SITREP_TEXT_HTML_EXTRACTOR_H_
#define SITREP_TEXT_HTML_EXTRACTOR_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "sitrep/reader.h"

namespace sitrep {

struct HtmlContent {
  std::string text;  // paragraphs separated by "\n\n"; no surrounding whitespace
  std::string title;
  std::string published;      // as written in the page, not yet parsed
  size_t published_line = 0;  // 1-based line of the tag that gave it; 0 = unknown
  std::string outlet;
  std::string url;
  std::string language;
};

// REQUIRES: `html` is valid UTF-8 (CheckText passed); its own charset
// declarations are ignored. Fails only for a page of 2 GiB or more
// (kTooLarge), which libxml2 cannot take in one piece.
Result<HtmlContent> ExtractHtml(std::string_view html, const ReaderOptions& options);

}  // namespace sitrep

#endif  // SITREP_TEXT_HTML_EXTRACTOR_H_
