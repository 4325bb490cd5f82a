// A small aligned-text table for terminal output.
//
// Columns are as wide as their widest cell (counted in UTF-8 code points), separated by
// two spaces, under a header and a dashed rule; numeric columns can be right-aligned.
// Cells longer than `max_width` code points are cut with "..." (0 = no limit);
// control characters (newlines, tabs) in cells are shown as spaces.
#pragma once

#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

namespace scrapers::admin {

class Table {
 public:
  explicit Table(std::vector<std::string> headers);

  void right_align(std::size_t column);
  void max_width(std::size_t column, std::size_t width);
  void add_row(std::vector<std::string> cells);
  std::size_t rows() const { return rows_.size(); }
  void print(std::ostream& out) const;

 private:
  std::vector<std::string> headers_;
  std::vector<std::vector<std::string>> rows_;
  std::vector<bool> right_;
  std::vector<std::size_t> max_;
};

// Number of UTF-8 code points in `text`.
std::size_t display_width(const std::string& text);

}  // namespace scrapers::admin
