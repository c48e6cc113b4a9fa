#include "text/text_normalize.h"

#include "text/utf8_check.h"

namespace sitrep {

namespace {
constexpr std::string_view kAsciiSpace = " \t\n\v\f\r";
}  // namespace

std::string NormalizeDocument(std::string_view bytes) {
  bytes.remove_prefix(ByteOrderMarkLength(bytes));
  std::string out;
  out.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size(); ++i) {
    const char c = bytes[i];
    if (c == '\r') {
      out += '\n';
      if (i + 1 < bytes.size() && bytes[i + 1] == '\n') ++i;
    } else if (c == '\n' || c == '\t') {
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

std::string_view TrimWhitespace(std::string_view s) {
  const size_t first = s.find_first_not_of(kAsciiSpace);
  if (first == std::string_view::npos) return {};
  const size_t last = s.find_last_not_of(kAsciiSpace);
  return s.substr(first, last - first + 1);
}

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(kAsciiSpace) == std::string_view::npos;
}

}  // namespace sitrep
