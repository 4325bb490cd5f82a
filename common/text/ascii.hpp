// ASCII case folding: the one place the suite turns 'A'..'Z' into 'a'..'z' (and
// back) and compares or searches text without regard to ASCII case.
//
// Only the 26 ASCII letters change; every other byte (digits, punctuation, UTF-8
// lead and continuation bytes) passes through untouched, whatever the locale. Use
// these for protocol tokens, header names, URL schemes and hosts, markup and
// keywords — never for human text, where case rules are not ASCII's.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace scrapers::text {

constexpr char ascii_lower(char c) noexcept {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

constexpr char ascii_upper(char c) noexcept {
  return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
}

std::string to_ascii_lower(std::string_view s);
std::string to_ascii_upper(std::string_view s);

// Equal once both sides are ASCII-lower-cased.
bool iequals_ascii(std::string_view a, std::string_view b) noexcept;

bool starts_with_ascii_icase(std::string_view s, std::string_view prefix) noexcept;
bool ends_with_ascii_icase(std::string_view s, std::string_view suffix) noexcept;

// Position of the first ASCII-case-insensitive match of `needle` at or after
// `from`, or npos (also when from > hay.size()). An empty needle matches at `from`.
std::size_t find_ascii_icase(std::string_view hay, std::string_view needle, std::size_t from = 0) noexcept;

bool contains_ascii_icase(std::string_view hay, std::string_view needle) noexcept;

}  // namespace scrapers::text
