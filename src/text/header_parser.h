// The optional `key: value` header at the start of a plain-text report.
//
//   url: https://example.org/story
//   outlet: Example News
//   published: 13 August 2021
//   source-file: 000_abc.txt
//
//   KABUL: The text of the report starts here...
//
// A header is a run of `key: value` lines at the very start of the document
// (blank lines before it are allowed), ended by a blank line or the end of
// the document. A key is a letter followed by up to 63 letters, digits, '-'
// or '_'; it is followed by ':' and then a space, a tab or the end of the
// line (so "https://..." and "12:30" are not header lines). Keys compare
// without regard to case and are returned in lower case.
//
// Any key may appear; only the known ones (kKnownHeaderKeys) mean anything
// to the reader. A run of such lines counts as a header only if every line of
// it has that form and at least one key is known: a report whose first
// paragraph happens to open with a dateline like "KABUL: Taliban fighters..."
// is not mistaken for a header.
//
// Thread-safety: pure function.
#ifndef SITREP_TEXT_HEADER_PARSER_H_
#define SITREP_TEXT_HEADER_PARSER_H_

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

inline constexpr std::array<std::string_view, 5> kKnownHeaderKeys = {"url", "outlet", "published",
                                                                     "title", "language"};

struct HeaderField {
  std::string key;    // lower case
  std::string value;  // trimmed; may be empty
  size_t line = 0;    // 1-based line number in the document
};

struct TextHeader {
  std::vector<HeaderField> fields;  // in document order; empty = no header
  size_t body_offset = 0;           // where the text after the header starts
};

// Splits `document` into header and body. REQUIRES: line ends are '\n'
// (NormalizeDocument has run). When there is no header, `fields` is empty
// and `body_offset` is 0.
TextHeader ParseTextHeader(std::string_view document);

}  // namespace sitrep

#endif  // SITREP_TEXT_HEADER_PARSER_H_
