#include "text/utf8_check.h"

#include <algorithm>
#include <string>

#include "sitrep/reader.h"

namespace sitrep {

std::optional<size_t> FindInvalidUtf8(std::string_view bytes) {
  const auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  const size_t n = bytes.size();
  size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    // Unicode Table 3-7: the lead byte fixes the length and the allowed range
    // of the second byte; later bytes are plain continuation bytes.
    size_t len = 0;
    unsigned char lo = 0x80, hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) {
      len = 2;
    } else if (c == 0xe0) {
      len = 3, lo = 0xa0;  // no overlong 3-byte forms
    } else if ((c >= 0xe1 && c <= 0xec) || c == 0xee || c == 0xef) {
      len = 3;
    } else if (c == 0xed) {
      len = 3, hi = 0x9f;  // no surrogates
    } else if (c == 0xf0) {
      len = 4, lo = 0x90;  // no overlong 4-byte forms
    } else if (c >= 0xf1 && c <= 0xf3) {
      len = 4;
    } else if (c == 0xf4) {
      len = 4, hi = 0x8f;  // nothing above U+10FFFF
    } else {
      return i;  // 0x80..0xc1 (stray continuation or overlong lead), 0xf5..0xff
    }
    if (i + len > n) return i;
    if (s[i + 1] < lo || s[i + 1] > hi) return i;
    for (size_t k = 2; k < len; ++k) {
      if (s[i + k] < 0x80 || s[i + k] > 0xbf) return i;
    }
    i += len;
  }
  return std::nullopt;
}

size_t ByteOrderMarkLength(std::string_view bytes) {
  return bytes.starts_with("\xEF\xBB\xBF") ? 3 : 0;
}

size_t LineOfOffset(std::string_view bytes, size_t offset) {
  offset = std::min(offset, bytes.size());
  return 1 + static_cast<size_t>(std::count(
                 bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

Status CheckText(std::string_view bytes, std::string_view origin) {
  auto at = [&](size_t offset) { return std::string(origin) + ":" + std::to_string(offset); };
  const size_t start = ByteOrderMarkLength(bytes);
  const std::string_view body = bytes.substr(start);
  if (body.find_first_not_of(" \t\n\v\f\r") == std::string_view::npos) {
    return Status(ErrorKind::kEmptyInput, "empty: no text to read", std::string(origin));
  }
  if (bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    return Status(ErrorKind::kInvalidUtf8,
                  "UTF-16 text (it starts with a UTF-16 byte order mark); convert the file to "
                  "UTF-8",
                  at(0));
  }
  if (size_t nul = bytes.find('\0'); nul != std::string_view::npos) {
    return Status(ErrorKind::kBinaryInput,
                  "looks like a binary file: NUL byte at offset " + std::to_string(nul), at(nul));
  }
  size_t control = 0;
  size_t first_control = 0;
  for (size_t i = 0; i < bytes.size(); ++i) {
    if (IsSuspectControlByte(static_cast<unsigned char>(bytes[i]))) {
      if (control++ == 0) first_control = i;
    }
  }
  if (control * 100 > bytes.size() * kMaxControlBytePercent) {
    return Status(ErrorKind::kBinaryInput,
                  "looks like a binary file: " + std::to_string(control) + " control bytes in " +
                      std::to_string(bytes.size()) + ", the first at offset " +
                      std::to_string(first_control),
                  at(first_control));
  }
  if (auto bad = FindInvalidUtf8(bytes)) {
    return Status(ErrorKind::kInvalidUtf8,
                  "invalid UTF-8 at byte offset " + std::to_string(*bad) + " (line " +
                      std::to_string(LineOfOffset(bytes, *bad)) + "); convert the file to UTF-8",
                  at(*bad));
  }
  return Status::Ok();
}

}  // namespace sitrep
