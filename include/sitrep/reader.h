// Reading reports: plain text with a `key: value` header, HTML, JSON Lines,
// folders (recursively) and standard input.
//
// Every input yields a stream of items, each either a Report or a Status
// that names the file and byte offset of what was wrong. One bad file never
// stops the batch. Nothing here touches the store.
//
// Limits are ReaderOptions fields with documented defaults.
//
// Thread-safety: the functions are reentrant; a FileSystem implementation
// says its own.
#ifndef SITREP_READER_H_
#define SITREP_READER_H_

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/model.h"
#include "sitrep/status.h"

namespace sitrep {

enum class InputFormat : uint8_t { kAuto, kText, kHtml, kJsonl };
Result<InputFormat> ParseInputFormat(std::string_view name);  // "auto", "text", "html", "jsonl"
std::string_view InputFormatName(InputFormat format);         // the inverse

// A publication date as reports and pages write it: "2021-08-13", an ISO
// date-time (date part taken), "13 August 2021", "August 13, 2021",
// "Aug. 13, 2021" (optional weekday, ordinal, time of day). kBadDate
// otherwise. Details in src/text/published_date.h.
Result<Date> ParsePublishedDate(std::string_view text);

struct ReaderOptions {
  InputFormat format = InputFormat::kAuto;  // kAuto: by extension, then by content
  // Metadata that overrides (or supplies) the report's own header fields.
  Date published;      // invalid = not given
  std::string outlet;  // "" = not given
  std::string url;
  // A file larger than this is refused with kTooLarge (not read into memory).
  size_t max_file_bytes = size_t{64} << 20;  // 64 MiB
  // A JSON Lines record (one line) larger than this is refused.
  size_t max_record_bytes = size_t{16} << 20;  // 16 MiB
  // HTML nested deeper than this is flattened, not recursed into.
  size_t max_html_depth = 512;
};

// Where bytes come from. The default reads the real file system and stdin;
// tests substitute one in memory or one that fails on purpose.
class FileSystem {
 public:
  virtual ~FileSystem() = default;
  virtual bool IsDirectory(const std::string& path) const = 0;
  // Regular files under `dir`, recursively, sorted by path.
  virtual Result<std::vector<std::string>> ListFiles(const std::string& dir) const = 0;
  virtual Result<size_t> FileSize(const std::string& path) const = 0;
  // "-" reads standard input.
  virtual Result<std::string> ReadFile(const std::string& path, size_t max_bytes) const = 0;
};
// The process-wide real file system. Never null; not owned.
const FileSystem* DefaultFileSystem();

// Called once per report or per error, in input order.
using ReportSink = std::function<void(Result<Report>)>;

// Reads every report at `path` (a file, a folder, or "-" for stdin).
// Returns non-OK only if `path` itself cannot be read at all.
Status ReadReports(const std::string& path, const ReaderOptions& options, const ReportSink& sink,
                   const FileSystem* fs = DefaultFileSystem());

// Parses one document already in memory. `origin` names it in errors.
// JSON Lines input gives one item per line, hence the sink.
void ParseDocument(std::string_view bytes, std::string_view origin, const ReaderOptions& options,
                   const ReportSink& sink);

// Lower-level pieces, each tested and fuzzed on its own.
// Checks that `bytes` is UTF-8 text: kEmptyInput (only whitespace),
// kBinaryInput (NUL or many control bytes), kInvalidUtf8 (ill-formed,
// overlong, surrogates, UTF-16); the error's input is "origin:offset", the
// byte offset of the first offending byte.
Status CheckText(std::string_view bytes, std::string_view origin);
// Visible article text of an HTML document: script, style, noscript, nav,
// header, footer, aside, form, iframe, svg (and a few more) dropped; block
// elements end paragraphs (separated by a blank line); entities decoded;
// whitespace folded; the longest <article> preferred. `title` receives
// <title> or the first <h1> when not null. Never recurses: nesting deeper
// than options.max_html_depth is flattened. Details in
// src/text/html_extractor.h.
Result<std::string> ExtractHtmlText(std::string_view html, std::string* title,
                                    const ReaderOptions& options = {});

}  // namespace sitrep

#endif  // SITREP_READER_H_
