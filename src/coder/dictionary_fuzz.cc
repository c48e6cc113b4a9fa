// Fuzz harness: read arbitrary bytes as a dictionary file; a parse either
// succeeds and compiles (or fails with a named position) or fails cleanly.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "coder/dictionary.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  sitrep::coder::DictionarySource src;
  sitrep::Status s = sitrep::coder::ParseDictionaryText(text, "fuzz.dict", &src);
  if (!s.ok()) {
    if (s.kind() != sitrep::ErrorKind::kInvalidInput || s.input().rfind("fuzz.dict:", 0) != 0)
      std::abort();
    return 0;
  }
  auto d = sitrep::coder::Dictionary::Compile(std::move(src));
  if (!d.ok() && d.status().kind() != sitrep::ErrorKind::kInvalidInput) std::abort();
  return 0;
}
