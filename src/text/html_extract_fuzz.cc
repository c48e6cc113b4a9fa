// Fuzz harness: HTML text extraction. Whatever the bytes, extraction returns
// text or a Status; the text is valid UTF-8 with no surrounding whitespace.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "sitrep/reader.h"
#include "text/html_document.h"
#include "text/text_normalize.h"
#include "text/utf8_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view html(reinterpret_cast<const char*>(data), size);
  std::string title;
  sitrep::ReaderOptions shallow;
  shallow.max_html_depth = 8;
  for (const sitrep::ReaderOptions& options : {sitrep::ReaderOptions{}, shallow}) {
    sitrep::Result<std::string> text = sitrep::ExtractHtmlText(html, &title, options);
    if (text.ok()) {
      if (sitrep::FindInvalidUtf8(*text) || sitrep::FindInvalidUtf8(title)) std::abort();
      if (sitrep::TrimWhitespace(*text).size() != text->size()) std::abort();
    }
  }
  (void)sitrep::ParseHtmlDocument(html, "fuzz.html", {});
  return 0;
}
