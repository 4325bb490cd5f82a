#include "common/text/ascii.hpp"

#include <algorithm>

namespace scrapers::text {
namespace {

bool same_folded(char a, char b) noexcept { return ascii_lower(a) == ascii_lower(b); }

}  // namespace

std::string to_ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

std::string to_ascii_upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_upper(c);
  return out;
}

bool iequals_ascii(std::string_view a, std::string_view b) noexcept {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), same_folded);
}

bool starts_with_ascii_icase(std::string_view s, std::string_view prefix) noexcept {
  return s.size() >= prefix.size() && iequals_ascii(s.substr(0, prefix.size()), prefix);
}

bool ends_with_ascii_icase(std::string_view s, std::string_view suffix) noexcept {
  return s.size() >= suffix.size() && iequals_ascii(s.substr(s.size() - suffix.size()), suffix);
}

// Jumps between occurrences of the needle's first byte in either case (memchr), then
// compares the rest: a page-sized haystack costs microseconds, not a call per byte.
std::size_t find_ascii_icase(std::string_view hay, std::string_view needle, std::size_t from) noexcept {
  if (from > hay.size()) return std::string_view::npos;
  if (needle.empty()) return from;
  const char lower = ascii_lower(needle[0]);
  const char upper = ascii_upper(needle[0]);
  std::size_t next_lower = hay.find(lower, from);
  std::size_t next_upper = lower == upper ? std::string_view::npos : hay.find(upper, from);
  while (true) {
    const std::size_t at = std::min(next_lower, next_upper);
    if (at == std::string_view::npos || hay.size() - at < needle.size()) return std::string_view::npos;
    if (iequals_ascii(hay.substr(at + 1, needle.size() - 1), needle.substr(1))) return at;
    if (at == next_lower) {
      next_lower = hay.find(lower, at + 1);
    } else {
      next_upper = hay.find(upper, at + 1);
    }
  }
}

bool contains_ascii_icase(std::string_view hay, std::string_view needle) noexcept {
  return find_ascii_icase(hay, needle) != std::string_view::npos;
}

}  // namespace scrapers::text
