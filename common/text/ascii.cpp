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

std::size_t find_ascii_icase(std::string_view hay, std::string_view needle, std::size_t from) noexcept {
  if (from > hay.size()) return std::string_view::npos;
  const auto it = std::search(hay.begin() + static_cast<std::ptrdiff_t>(from), hay.end(), needle.begin(),
                              needle.end(), same_folded);
  if (it == hay.end() && !needle.empty()) return std::string_view::npos;
  return static_cast<std::size_t>(it - hay.begin());
}

bool contains_ascii_icase(std::string_view hay, std::string_view needle) noexcept {
  return find_ascii_icase(hay, needle) != std::string_view::npos;
}

}  // namespace scrapers::text
