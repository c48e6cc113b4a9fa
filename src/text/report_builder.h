// The last step every input format shares: from fields read out of a
// document to a Report the rest of sitrep may rely on.
//
// FinishReport applies the ReaderOptions overrides (published, outlet, url
// given by the user win over the document's own), trims the text, refuses a
// report with no text (kEmptyInput) or no publication date (kMissingDate),
// and sets Report::id and Report::origin. Errors name `origin`.
//
// Thread-safety: pure function.
#ifndef SITREP_TEXT_REPORT_BUILDER_H_
#define SITREP_TEXT_REPORT_BUILDER_H_

#include <string_view>

#include "sitrep/model.h"
#include "sitrep/reader.h"

namespace sitrep {

// `report.text` is the body as read (may have surrounding whitespace).
Result<Report> FinishReport(Report report, const ReaderOptions& options, std::string_view origin);

// The kMissingDate error for `origin`, saying why a date is needed and how to
// give one.
Status MissingDateError(std::string_view origin);

}  // namespace sitrep

#endif  // SITREP_TEXT_REPORT_BUILDER_H_
