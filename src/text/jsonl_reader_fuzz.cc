// Fuzz harness: JSON Lines. Whatever the bytes, each non-blank line yields
// exactly one item (or the whole input one error), and no exception escapes.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "sitrep/reader.h"
#include "text/jsonl_reader.h"
#include "text/utf8_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  sitrep::ReaderOptions options;
  options.max_record_bytes = 4096;
  size_t items = 0;
  sitrep::ReadJsonLines(bytes, "fuzz.jsonl", options, [&](sitrep::Result<sitrep::Report> r) {
    ++items;
    if (r.ok() && (r->text.empty() || sitrep::FindInvalidUtf8(r->text))) std::abort();
  });
  size_t lines = 0;
  size_t pos = sitrep::ByteOrderMarkLength(bytes);
  while (pos <= bytes.size()) {
    size_t eol = bytes.find('\n', pos);
    if (eol == std::string_view::npos) eol = bytes.size();
    if (bytes.substr(pos, eol - pos).find_first_not_of(" \t\n\v\f\r") != std::string_view::npos) {
      ++lines;
    }
    pos = eol + 1;
  }
  if (items != lines && items != 1) std::abort();
  return 0;
}
