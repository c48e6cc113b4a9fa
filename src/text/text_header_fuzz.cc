// Fuzz harness: plain-text reports (checks, header, dates, normalization).
// Whatever the bytes, parsing returns a Report or a Status; a Report's text
// is valid UTF-8 and non-empty.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "sitrep/reader.h"
#include "text/published_date.h"
#include "text/text_document.h"
#include "text/utf8_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  sitrep::Result<sitrep::Report> report = sitrep::ParseTextDocument(bytes, "fuzz.txt", {});
  if (report.ok() && (report->text.empty() || sitrep::FindInvalidUtf8(report->text))) std::abort();
  sitrep::ReaderOptions dated;
  dated.published = sitrep::Date::FromYmd(2021, 8, 13);
  report = sitrep::ParseTextDocument(bytes, "fuzz.txt", dated);
  if (report.ok() && report->published != dated.published) std::abort();
  (void)sitrep::ParsePublishedDate(bytes.substr(0, 256));
  return 0;
}
