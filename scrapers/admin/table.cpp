#include "scrapers/admin/table.hpp"

#include <algorithm>

namespace scrapers::admin {
namespace {

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::string clean(std::string text, std::size_t limit) {
  for (char& c : text) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = ' ';
  }
  if (limit < 4 || display_width(text) <= limit) return text;
  std::size_t points = 0;
  std::size_t cut = 0;
  for (; cut < text.size(); ++cut) {
    if (is_continuation(text[cut])) continue;
    if (points == limit - 3) break;
    ++points;
  }
  return text.substr(0, cut) + "...";
}

}  // namespace

std::size_t display_width(const std::string& text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return !is_continuation(c); }));
}

Table::Table(std::vector<std::string> headers)
    : headers_(std::move(headers)), right_(headers_.size(), false), max_(headers_.size(), 0) {}

void Table::right_align(std::size_t column) {
  if (column < right_.size()) right_[column] = true;
}

void Table::max_width(std::size_t column, std::size_t width) {
  if (column < max_.size()) max_[column] = width;
}

void Table::add_row(std::vector<std::string> cells) {
  cells.resize(headers_.size());
  for (std::size_t i = 0; i < cells.size(); ++i) cells[i] = clean(std::move(cells[i]), max_[i]);
  rows_.push_back(std::move(cells));
}

void Table::print(std::ostream& out) const {
  std::vector<std::size_t> widths;
  for (const auto& h : headers_) widths.push_back(display_width(h));
  for (const auto& row : rows_) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], display_width(row[i]));
    }
  }
  const auto line = [&](const std::vector<std::string>& cells) {
    std::string text;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const std::string pad(widths[i] - display_width(cells[i]), ' ');
      if (i > 0) text += "  ";
      text += right_[i] ? pad + cells[i] : cells[i] + pad;
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << text << '\n';
  };
  line(headers_);
  std::vector<std::string> rule;
  for (auto w : widths) rule.emplace_back(w, '-');
  line(rule);
  for (const auto& row : rows_) line(row);
}

}  // namespace scrapers::admin
