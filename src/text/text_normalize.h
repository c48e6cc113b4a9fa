// Normalization of a document's text before it becomes Report::text.
//
// NormalizeDocument drops a leading UTF-8 byte order mark, turns CRLF and
// lone CR line ends into LF, and replaces control characters other than tab
// and line feed with a space, so that later stages see one kind of line end
// and no invisible bytes. It never changes the number of lines before any
// given line (a CRLF or CR is one line end, as is LF), so line numbers of a
// normalized document match the original's.
//
// Thread-safety: pure functions.
#ifndef SITREP_TEXT_TEXT_NORMALIZE_H_
#define SITREP_TEXT_TEXT_NORMALIZE_H_

#include <string>
#include <string_view>

namespace sitrep {

// REQUIRES: `bytes` is UTF-8 (CheckText passed), so no multi-byte sequence
// contains a byte below 0x80 that could be mistaken for a control byte.
std::string NormalizeDocument(std::string_view bytes);

// `s` without leading and trailing ASCII whitespace. The result points into
// `s` and lives as long as it.
std::string_view TrimWhitespace(std::string_view s);

// True when `s` is empty or only ASCII whitespace.
bool IsBlank(std::string_view s);

}  // namespace sitrep

#endif  // SITREP_TEXT_TEXT_NORMALIZE_H_
