#include "text/report_reader.h"

#include <array>
#include <string>

#include "text/html_document.h"
#include "text/jsonl_reader.h"
#include "text/text_document.h"
#include "text/text_normalize.h"
#include "text/utf8_check.h"

namespace sitrep {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

InputFormat ResolveFormat(const ReaderOptions& options, std::string_view path,
                          std::string_view bytes) {
  if (options.format != InputFormat::kAuto) return options.format;
  const InputFormat by_name = FormatFromExtension(path);
  return by_name != InputFormat::kAuto ? by_name : SniffFormat(bytes);
}

// Reads one file (or "-") and passes its reports to `sink`.
void ReadOne(const std::string& path, const ReaderOptions& options, const ReportSink& sink,
             const FileSystem& fs) {
  if (path != "-") {
    Result<size_t> size = fs.FileSize(path);
    if (!size.ok()) return sink(size.status());
    if (*size > options.max_file_bytes) {
      return sink(Status(ErrorKind::kTooLarge,
                         "file of " + std::to_string(*size) + " bytes is over the limit of " +
                             std::to_string(options.max_file_bytes) + " bytes (max_file_bytes)",
                         path));
    }
  }
  Result<std::string> bytes = fs.ReadFile(path, options.max_file_bytes);
  if (!bytes.ok()) return sink(bytes.status());
  ReaderOptions resolved = options;
  resolved.format = ResolveFormat(options, path, *bytes);
  ParseDocument(*bytes, path, resolved, sink);
}

}  // namespace

std::string_view InputFormatName(InputFormat format) {
  switch (format) {
    case InputFormat::kAuto:
      return "auto";
    case InputFormat::kText:
      return "text";
    case InputFormat::kHtml:
      return "html";
    case InputFormat::kJsonl:
      return "jsonl";
  }
  return "auto";
}

Result<InputFormat> ParseInputFormat(std::string_view name) {
  const std::string n = Lower(name);
  if (n == "auto") return InputFormat::kAuto;
  if (n == "text" || n == "txt") return InputFormat::kText;
  if (n == "html" || n == "htm") return InputFormat::kHtml;
  if (n == "jsonl" || n == "ndjson") return InputFormat::kJsonl;
  return Status(ErrorKind::kInvalidArgument,
                "unknown input format (one of: auto, text, html, jsonl)", std::string(name));
}

InputFormat FormatFromExtension(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  const std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  const size_t dot = name.find_last_of('.');
  if (dot == std::string_view::npos || dot == 0) return InputFormat::kAuto;
  const std::string ext = Lower(name.substr(dot + 1));
  if (ext == "txt" || ext == "text" || ext == "md") return InputFormat::kText;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return InputFormat::kHtml;
  if (ext == "jsonl" || ext == "ndjson") return InputFormat::kJsonl;
  return InputFormat::kAuto;
}

InputFormat SniffFormat(std::string_view bytes) {
  bytes.remove_prefix(ByteOrderMarkLength(bytes));
  const std::string_view start = TrimWhitespace(bytes.substr(0, 4096));
  if (start.starts_with("<")) {
    static constexpr std::array<std::string_view, 14> kPageOpenings = {
        "<!doctype html", "<html", "<head", "<body", "<meta", "<title", "<!--",
        "<article",       "<div",  "<p>",   "<p ",   "<h1",   "<main",  "<?xml"};
    const std::string lower = Lower(start.substr(0, 64));
    for (std::string_view opening : kPageOpenings) {
      if (lower.starts_with(opening)) return InputFormat::kHtml;
    }
  }
  if (start.starts_with("{")) {
    const std::string_view first_line = TrimWhitespace(start.substr(0, start.find('\n')));
    if (first_line.ends_with("}") || start.find('\n') == std::string_view::npos) {
      return InputFormat::kJsonl;
    }
  }
  return InputFormat::kText;
}

bool IsHiddenBelow(std::string_view path, std::string_view root) {
  std::string_view rest = path.substr(std::min(root.size(), path.size()));
  while (!rest.empty()) {
    while (!rest.empty() && rest[0] == '/') rest.remove_prefix(1);
    if (rest.starts_with('.')) return true;
    const size_t slash = rest.find('/');
    if (slash == std::string_view::npos) break;
    rest.remove_prefix(slash);
  }
  return false;
}

void ParseDocument(std::string_view bytes, std::string_view origin, const ReaderOptions& options,
                   const ReportSink& sink) {
  switch (ResolveFormat(options, origin, bytes)) {
    case InputFormat::kJsonl:
      ReadJsonLines(bytes, origin, options, sink);
      return;
    case InputFormat::kHtml:
      sink(ParseHtmlDocument(bytes, origin, options));
      return;
    case InputFormat::kText:
    case InputFormat::kAuto:
      sink(ParseTextDocument(bytes, origin, options));
      return;
  }
}

Status ReadReports(const std::string& path, const ReaderOptions& options, const ReportSink& sink,
                   const FileSystem* fs) {
  if (fs == nullptr) fs = DefaultFileSystem();
  if (path == "-") {
    Result<std::string> bytes = fs->ReadFile(path, options.max_file_bytes);
    if (!bytes.ok()) {
      if (bytes.status().kind() != ErrorKind::kTooLarge) return bytes.status();
      sink(bytes.status());
      return Status::Ok();
    }
    ParseDocument(*bytes, path, options, sink);
    return Status::Ok();
  }
  if (fs->IsDirectory(path)) {
    SITREP_ASSIGN_OR_RETURN(std::vector<std::string> files, fs->ListFiles(path));
    for (const std::string& file : files) {
      if (IsHiddenBelow(file, path)) continue;
      ReadOne(file, options, sink, *fs);
    }
    return Status::Ok();
  }
  // A single file: if it cannot even be found, say so to the caller.
  Result<size_t> size = fs->FileSize(path);
  if (!size.ok()) return size.status();
  ReadOne(path, options, sink, *fs);
  return Status::Ok();
}

}  // namespace sitrep
