// Plain-text reports: an optional `key: value` header (see header_parser.h)
// and the text.
//
// ParseTextDocument checks the bytes (CheckText), normalizes them
// (NormalizeDocument), reads the header's known keys — url, outlet,
// published, title, language — and ignores the others, then finishes the
// report (FinishReport). A `published` value that is not a date
// (ParsePublishedDate) is kBadDate naming `origin:line`, unless
// ReaderOptions::published overrides it (then the header's value is not
// read at all).
//
// Thread-safety: pure function.
#ifndef SITREP_TEXT_TEXT_DOCUMENT_H_
#define SITREP_TEXT_TEXT_DOCUMENT_H_

#include <string_view>

#include "sitrep/model.h"
#include "sitrep/reader.h"

namespace sitrep {

Result<Report> ParseTextDocument(std::string_view bytes, std::string_view origin,
                                 const ReaderOptions& options);

}  // namespace sitrep

#endif  // SITREP_TEXT_TEXT_DOCUMENT_H_
