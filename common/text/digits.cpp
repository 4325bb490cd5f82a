#include "common/text/digits.hpp"

#include <charconv>

namespace scrapers::text {

bool is_digit_string(std::string_view s, std::size_t max_length) noexcept {
  if (s.empty() || s.size() > max_length) return false;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::optional<std::uint64_t> parse_uint64(std::string_view s) noexcept {
  if (!is_digit_string(s, 64)) return std::nullopt;
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return value;
}

std::string_view strip_leading_zeros(std::string_view digits) noexcept {
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  return digits;
}

std::strong_ordering compare_digit_strings(std::string_view a, std::string_view b) noexcept {
  a = strip_leading_zeros(a);
  b = strip_leading_zeros(b);
  if (a.size() != b.size()) return a.size() <=> b.size();
  const int c = a.compare(b);
  return c <=> 0;
}

}  // namespace scrapers::text
