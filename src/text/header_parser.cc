#include "text/header_parser.h"

#include <algorithm>
#include <optional>

#include "text/text_normalize.h"

namespace sitrep {

namespace {

constexpr size_t kMaxKeyLength = 64;

bool IsKeyStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsKeyChar(char c) { return IsKeyStart(c) || (c >= '0' && c <= '9') || c == '-' || c == '_'; }

// The field of a `key: value` line, or nullopt when the line has another form.
std::optional<HeaderField> ParseHeaderLine(std::string_view line, size_t line_number) {
  if (line.empty() || !IsKeyStart(line[0])) return std::nullopt;
  size_t i = 1;
  while (i < line.size() && IsKeyChar(line[i])) ++i;
  if (i > kMaxKeyLength || i >= line.size() || line[i] != ':') return std::nullopt;
  if (i + 1 < line.size() && line[i + 1] != ' ' && line[i + 1] != '\t') return std::nullopt;
  HeaderField field;
  field.key.assign(line.substr(0, i));
  for (char& c : field.key) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  field.value.assign(TrimWhitespace(line.substr(i + 1)));
  field.line = line_number;
  return field;
}

bool IsKnownKey(std::string_view key) {
  return std::find(kKnownHeaderKeys.begin(), kKnownHeaderKeys.end(), key) != kKnownHeaderKeys.end();
}

}  // namespace

TextHeader ParseTextHeader(std::string_view document) {
  TextHeader header;
  size_t pos = 0;
  size_t line_number = 1;
  // Blank lines before the header.
  while (pos < document.size()) {
    const size_t eol = std::min(document.find('\n', pos), document.size());
    if (!IsBlank(document.substr(pos, eol - pos))) break;
    pos = eol + 1;
    ++line_number;
  }
  std::vector<HeaderField> fields;
  bool any_known = false;
  while (pos < document.size()) {
    const size_t eol = std::min(document.find('\n', pos), document.size());
    const std::string_view line = document.substr(pos, eol - pos);
    if (IsBlank(line)) break;
    std::optional<HeaderField> field = ParseHeaderLine(line, line_number);
    if (!field) return header;  // not a header after all: the whole document is text
    any_known = any_known || IsKnownKey(field->key);
    fields.push_back(std::move(*field));
    pos = eol + 1;
    ++line_number;
  }
  if (fields.empty() || !any_known) return header;
  header.fields = std::move(fields);
  header.body_offset = std::min(pos, document.size());
  return header;
}

}  // namespace sitrep
