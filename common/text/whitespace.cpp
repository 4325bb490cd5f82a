#include "common/text/whitespace.hpp"

namespace scrapers::text {
namespace {

// Length of a no-break space (U+00A0 or U+202F) starting at s[i], else 0.
std::size_t nbsp_length(std::string_view s, std::size_t i) noexcept {
  if (s.substr(i, 2) == "\xC2\xA0") return 2;
  if (s.substr(i, 3) == "\xE2\x80\xAF") return 3;
  return 0;
}

// Appends one line with runs of blanks collapsed and both ends trimmed.
void append_collapsed_line(std::string& out, std::string_view line, bool nbsp_to_space) {
  bool pending_space = false;
  bool wrote = false;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t blank = is_ascii_space(line[i]) ? 1 : 0;
    if (blank == 0 && nbsp_to_space) blank = nbsp_length(line, i);
    if (blank > 0) {
      pending_space = wrote;
      i += blank;
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.push_back(line[i]);
    wrote = true;
    ++i;
  }
}

}  // namespace

std::string normalize_line_endings(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '\r') {
      out.push_back(s[i]);
      continue;
    }
    out.push_back('\n');
    if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
  }
  return out;
}

std::string collapse_whitespace(std::string_view s, bool nbsp_to_space) {
  std::string out;
  out.reserve(s.size());
  append_collapsed_line(out, s, nbsp_to_space);
  return out;
}

std::string clean_whitespace(std::string_view s, const CleanOptions& options) {
  if (!options.keep_line_breaks) return collapse_whitespace(s, options.nbsp_to_space);
  const std::string normalized = normalize_line_endings(s);
  std::string out;
  out.reserve(normalized.size());
  std::size_t blank_run = 0;
  std::string_view rest = normalized;
  while (!rest.empty()) {
    const std::size_t nl = rest.find('\n');
    const std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
    const std::size_t before = out.size();
    std::string collapsed;
    append_collapsed_line(collapsed, line, options.nbsp_to_space);
    if (collapsed.empty()) {
      ++blank_run;
      continue;
    }
    if (before > 0) {
      const std::size_t blanks = blank_run < options.max_blank_lines ? blank_run : options.max_blank_lines;
      out.append(1 + blanks, '\n');
    }
    blank_run = 0;
    out += collapsed;
  }
  return out;
}

std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  return s;
}

}  // namespace scrapers::text
