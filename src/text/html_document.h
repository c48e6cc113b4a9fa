// HTML reports: a web page saved from a news site.
//
// ParseHtmlDocument checks the bytes (CheckText), extracts the visible text
// and metadata (html_extractor.h) and finishes the report (FinishReport):
// title, publication date, outlet, url and language come from the page's
// own tags unless ReaderOptions overrides them. A publication date the page
// gives in a form ParsePublishedDate cannot read is kBadDate naming
// `origin:line` (unless ReaderOptions::published overrides it). A page with
// no visible text is kEmptyInput.
//
// Thread-safety: reentrant.
#ifndef SITREP_TEXT_HTML_DOCUMENT_H_
#define SITREP_TEXT_HTML_DOCUMENT_H_

#include <string_view>

#include "sitrep/model.h"
#include "sitrep/reader.h"

namespace sitrep {

Result<Report> ParseHtmlDocument(std::string_view bytes, std::string_view origin,
                                 const ReaderOptions& options);

}  // namespace sitrep

#endif  // SITREP_TEXT_HTML_DOCUMENT_H_
