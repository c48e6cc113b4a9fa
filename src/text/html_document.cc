#include "text/html_document.h"

#include <string>

#include "text/html_extractor.h"
#include "text/published_date.h"
#include "text/report_builder.h"

namespace sitrep {

Result<Report> ParseHtmlDocument(std::string_view bytes, std::string_view origin,
                                 const ReaderOptions& options) {
  SITREP_RETURN_IF_ERROR(CheckText(bytes, origin));
  Result<HtmlContent> extracted = ExtractHtml(bytes, options);
  if (!extracted.ok()) return extracted.status().WithContext(origin);
  HtmlContent& content = *extracted;
  if (content.text.empty()) {
    return Status(ErrorKind::kEmptyInput, "the page has no visible text", std::string(origin));
  }
  Report report;
  report.text = std::move(content.text);
  report.title = std::move(content.title);
  report.outlet = std::move(content.outlet);
  report.url = std::move(content.url);
  if (!content.language.empty()) report.language = std::move(content.language);
  if (!content.published.empty() && !options.published.IsValid()) {
    Result<Date> date = ParsePublishedDate(content.published);
    if (!date.ok()) {
      std::string where(origin);
      if (content.published_line > 0) where += ":" + std::to_string(content.published_line);
      return Status(
          ErrorKind::kBadDate,
          "publication date \"" + content.published + "\" in the page: " + date.status().message(),
          where);
    }
    report.published = *date;
  }
  return FinishReport(std::move(report), options, origin);
}

}  // namespace sitrep
