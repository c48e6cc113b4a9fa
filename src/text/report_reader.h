// Format detection and dispatch behind ReadReports and ParseDocument
// (sitrep/reader.h).
//
// A file's format is, in order: ReaderOptions::format when not kAuto; its
// extension (.txt .text .md: text; .html .htm .xhtml: HTML; .jsonl .ndjson:
// JSON Lines; compared without regard to case); else its content
// (SniffFormat). Folders are read recursively in byte order of their paths,
// skipping hidden files and folders (a name starting with '.'). "-" is
// standard input, read through the FileSystem, its format sniffed.
//
// Thread-safety: pure functions; ReadReports is as safe as its FileSystem.
#ifndef SITREP_TEXT_REPORT_READER_H_
#define SITREP_TEXT_REPORT_READER_H_

#include <string_view>

#include "sitrep/reader.h"

namespace sitrep {

// The format a file's name says, or kAuto when it says none.
InputFormat FormatFromExtension(std::string_view path);

// The format of a document by its first bytes: HTML when, after a byte order
// mark and whitespace, it opens with "<!doctype html", "<html", "<head",
// "<body", or another tag of a web page; JSON Lines when its first line is a
// JSON object ('{' ... '}'); text otherwise.
InputFormat SniffFormat(std::string_view bytes);

// True when a path component of `path` below `root` starts with '.'.
// REQUIRES: `path` starts with `root`.
bool IsHiddenBelow(std::string_view path, std::string_view root);

}  // namespace sitrep

#endif  // SITREP_TEXT_REPORT_READER_H_
