#include "cli/table.h"

#include <utf8proc.h>

#include <algorithm>

namespace sitrep::cli {

namespace {

// Calls fn(byte_offset, byte_length, width) for each code point.
template <typename Fn>
void ForEachCodepoint(std::string_view text, Fn fn) {
  size_t i = 0;
  while (i < text.size()) {
    utf8proc_int32_t c = 0;
    auto len = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                static_cast<utf8proc_ssize_t>(text.size() - i), &c);
    size_t n = len > 0 ? static_cast<size_t>(len) : 1;
    int w = len > 0 ? utf8proc_charwidth(c) : 1;
    if (!fn(i, n, static_cast<size_t>(std::max(w, 0)))) return;
    i += n;
  }
}

std::string Cut(std::string_view text, size_t max_width) {
  if (max_width == 0 || DisplayWidth(text) <= max_width) return std::string(text);
  std::string out;
  size_t width = 0;
  ForEachCodepoint(text, [&](size_t off, size_t n, size_t w) {
    if (width + w > max_width - 1) return false;
    out.append(text.substr(off, n));
    width += w;
    return true;
  });
  out += "\u2026";
  return out;
}

std::string Clean(std::string_view cell) {
  std::string out(cell);
  std::replace(out.begin(), out.end(), '\n', ' ');
  std::replace(out.begin(), out.end(), '\t', ' ');
  return out;
}

}  // namespace

size_t DisplayWidth(std::string_view text) {
  size_t width = 0;
  ForEachCodepoint(text, [&](size_t, size_t, size_t w) {
    width += w;
    return true;
  });
  return width;
}

Table::Table(std::vector<std::string> headers, size_t max_width)
    : headers_(std::move(headers)), max_width_(max_width) {}

void Table::AddRow(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  for (auto& c : cells) c = Cut(Clean(c), max_width_);
  rows_.push_back(std::move(cells));
}

void Table::Print(std::ostream& out) const {
  std::vector<size_t> widths(headers_.size());
  for (size_t i = 0; i < headers_.size(); ++i) widths[i] = DisplayWidth(headers_[i]);
  for (const auto& row : rows_) {
    for (size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], DisplayWidth(row[i]));
  }
  auto print_row = [&](const std::vector<std::string>& row) {
    std::string line;
    for (size_t i = 0; i < row.size(); ++i) {
      line += row[i];
      if (i + 1 < row.size()) line.append(widths[i] - DisplayWidth(row[i]) + 2, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out << line << '\n';
  };
  print_row(headers_);
  std::vector<std::string> rule;
  for (size_t w : widths) {
    std::string dashes;
    for (size_t k = 0; k < w; ++k) dashes += "\u2500";
    rule.push_back(dashes);
  }
  // The rule's cells are w columns wide though more bytes long.
  std::string line;
  for (size_t i = 0; i < rule.size(); ++i) {
    line += rule[i];
    if (i + 1 < rule.size()) line += "  ";
  }
  out << line << '\n';
  for (const auto& row : rows_) print_row(row);
}

}  // namespace sitrep::cli
