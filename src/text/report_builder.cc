#include "text/report_builder.h"

#include <string>

#include "text/text_normalize.h"

namespace sitrep {

Status MissingDateError(std::string_view origin) {
  return Status(ErrorKind::kMissingDate,
                "no publication date: relative dates in the text such as \"on Thursday\" or "
                "\"last week\" cannot be resolved without one; add a \"published: YYYY-MM-DD\" "
                "header line or give --published YYYY-MM-DD",
                std::string(origin));
}

Result<Report> FinishReport(Report report, const ReaderOptions& options, std::string_view origin) {
  const std::string_view body = TrimWhitespace(report.text);
  if (body.empty()) {
    return Status(ErrorKind::kEmptyInput, "no report text to read", std::string(origin));
  }
  if (body.size() != report.text.size()) report.text = std::string(body);
  if (options.published.IsValid()) report.published = options.published;
  if (!options.outlet.empty()) report.outlet = options.outlet;
  if (!options.url.empty()) report.url = options.url;
  if (!report.published.IsValid()) return MissingDateError(origin);
  if (report.language.empty()) report.language = "en";
  report.id = ReportId(report.text);
  report.origin = std::string(origin);
  return report;
}

}  // namespace sitrep
