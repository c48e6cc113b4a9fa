// Table: a plain-text table for terminals, with columns sized to their
// contents (by display width, so "Herāt" and CJK names line up) and long
// cells cut with an ellipsis at a per-column limit.
//
// Thread-safety: a Table is used by one thread.
#ifndef SITREP_CLI_TABLE_H_
#define SITREP_CLI_TABLE_H_

#include <cstddef>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep::cli {

class Table {
 public:
  // max_width: cells wider than this (in terminal columns) are cut; 0 = never.
  explicit Table(std::vector<std::string> headers, size_t max_width = 60);
  void AddRow(std::vector<std::string> cells);
  size_t rows() const { return rows_.size(); }
  void Print(std::ostream& out) const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
  size_t max_width_;
};

// Terminal columns taken by UTF-8 text (invalid bytes count as one).
size_t DisplayWidth(std::string_view text);

}  // namespace sitrep::cli

#endif  // SITREP_CLI_TABLE_H_
