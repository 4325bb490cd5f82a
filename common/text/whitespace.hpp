// Whitespace clean-up for scraped text.
//
// clean_whitespace turns text from any source (HTML text, JSON "text" fields,
// subtitle files) into a canonical form: "\n" line endings, runs of spaces and tabs
// collapsed to one space, every line trimmed, no leading or trailing blank lines and
// at most max_blank_lines consecutive blank lines. Only ASCII whitespace (and, when
// asked, U+00A0 / U+202F no-break spaces) is touched; other characters pass through.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace scrapers::text {

struct CleanOptions {
  bool nbsp_to_space = true;        // U+00A0 and U+202F become ordinary spaces
  bool keep_line_breaks = true;     // false: the result is a single line
  std::size_t max_blank_lines = 1;  // consecutive empty lines kept between paragraphs
};

std::string clean_whitespace(std::string_view s, const CleanOptions& options = {});

// One line: every whitespace run (newlines included) becomes one space; trimmed.
std::string collapse_whitespace(std::string_view s, bool nbsp_to_space = true);

// "\r\n" and lone "\r" become "\n".
std::string normalize_line_endings(std::string_view s);

// ASCII whitespace: space, \t, \n, \v, \f, \r.
constexpr bool is_ascii_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

// s without leading and trailing ASCII whitespace.
std::string_view trim(std::string_view s) noexcept;

}  // namespace scrapers::text
