// JSON Lines input: one report per line.
//
//   {"url": "...", "outlet": "...", "published": "2021-08-13",
//    "title": "...", "text": "...", "language": "en"}
//
// `text` is required and must be a non-empty string; url, outlet,
// published, title and language are optional strings (null counts as
// absent); other fields are ignored. `published` takes the forms
// ParsePublishedDate reads. Blank lines are skipped. Each line yields one
// item: a Report whose origin is "origin:line", or a Status naming
// "origin:line" (and the field, when one is at fault). One bad line never
// stops the lines after it.
//
// The file as a whole is refused (one item) only when it looks binary. A
// line longer than ReaderOptions::max_record_bytes is refused without being
// parsed. JSON nested deeper than kMaxJsonDepth is refused (a report record
// is flat; deep nesting only costs memory).
//
// Thread-safety: pure function.
#ifndef SITREP_TEXT_JSONL_READER_H_
#define SITREP_TEXT_JSONL_READER_H_

#include <cstddef>
#include <string_view>

#include "sitrep/reader.h"

namespace sitrep {

inline constexpr size_t kMaxJsonDepth = 64;

void ReadJsonLines(std::string_view bytes, std::string_view origin, const ReaderOptions& options,
                   const ReportSink& sink);

}  // namespace sitrep

#endif  // SITREP_TEXT_JSONL_READER_H_
