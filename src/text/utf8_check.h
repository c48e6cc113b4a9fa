// Checks that a document is UTF-8 text before anything parses it.
//
// CheckText (declared in sitrep/reader.h) refuses, in this order: input with
// nothing but whitespace (kEmptyInput), UTF-16 text (by its byte order mark:
// kInvalidUtf8 at offset 0), input that looks binary (a NUL byte,
// or more than kMaxControlBytePercent percent control bytes: kBinaryInput),
// and ill-formed UTF-8 (kInvalidUtf8). Every refusal names `origin:offset`,
// the byte offset of the first offending byte in the bytes as given
// (a leading byte order mark counts).
//
// Well-formed UTF-8 is as defined by Unicode (Table 3-7): overlong forms,
// UTF-16 surrogates (U+D800..U+DFFF) and code points above U+10FFFF are
// ill-formed.
//
// Thread-safety: pure functions.
#ifndef SITREP_TEXT_UTF8_CHECK_H_
#define SITREP_TEXT_UTF8_CHECK_H_

#include <cstddef>
#include <optional>
#include <string_view>

namespace sitrep {

// Text with more control bytes than this share (in percent of all bytes) is
// taken for a binary file. Tab, line feed, vertical tab, form feed, carriage
// return and escape do not count: they occur in real text.
inline constexpr size_t kMaxControlBytePercent = 10;

// Offset of the first byte of the first ill-formed sequence, or nullopt when
// `bytes` is entirely well-formed UTF-8.
std::optional<size_t> FindInvalidUtf8(std::string_view bytes);

// Length in bytes of a leading UTF-8 byte order mark (0 or 3).
size_t ByteOrderMarkLength(std::string_view bytes);

// True for the bytes counted against kMaxControlBytePercent.
constexpr bool IsSuspectControlByte(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' && c != 0x1b) ||
         c == 0x7f;
}

// 1-based line number of byte `offset` in `bytes` (a line ends at '\n').
size_t LineOfOffset(std::string_view bytes, size_t offset);

}  // namespace sitrep

#endif  // SITREP_TEXT_UTF8_CHECK_H_
