#include "text/text_document.h"

#include <string>

#include "text/header_parser.h"
#include "text/published_date.h"
#include "text/report_builder.h"
#include "text/text_normalize.h"

namespace sitrep {

Result<Report> ParseTextDocument(std::string_view bytes, std::string_view origin,
                                 const ReaderOptions& options) {
  SITREP_RETURN_IF_ERROR(CheckText(bytes, origin));
  const std::string document = NormalizeDocument(bytes);
  const TextHeader header = ParseTextHeader(document);
  Report report;
  for (const HeaderField& field : header.fields) {
    if (field.value.empty()) continue;  // "title:" with nothing after it says nothing
    if (field.key == "url") {
      report.url = field.value;
    } else if (field.key == "outlet") {
      report.outlet = field.value;
    } else if (field.key == "title") {
      report.title = field.value;
    } else if (field.key == "language") {
      report.language = field.value;
    } else if (field.key == "published" && !options.published.IsValid()) {
      Result<Date> date = ParsePublishedDate(field.value);
      if (!date.ok()) {
        return Status(ErrorKind::kBadDate,
                      "header \"published: " + field.value + "\": " + date.status().message(),
                      std::string(origin) + ":" + std::to_string(field.line));
      }
      report.published = *date;
    }
  }
  report.text = document.substr(header.body_offset);
  Result<Report> finished = FinishReport(std::move(report), options, origin);
  if (!finished.ok() && finished.status().kind() == ErrorKind::kMissingDate) {
    // A header that names the date under another key deserves a pointer.
    for (const HeaderField& field : header.fields) {
      if (field.key == "date" || (field.key.starts_with("pub") && field.key != "published")) {
        return Status(ErrorKind::kMissingDate,
                      finished.status().message() + " (the header has \"" + field.key +
                          ":\" on line " + std::to_string(field.line) +
                          "; the key sitrep reads is \"published:\")",
                      finished.status().input());
      }
    }
  }
  return finished;
}

}  // namespace sitrep
