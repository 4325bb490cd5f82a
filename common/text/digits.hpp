// Digit-string ids (chereads book/chapter ids are 17-digit integers above 2^53).
//
// Ids are kept as text and compared as text or as std::uint64_t; nothing here
// goes through a floating-point type, so no id can be rounded.
#pragma once

#include <compare>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace scrapers::text {

// Non-empty, only ASCII '0'..'9', at most max_length characters.
bool is_digit_string(std::string_view s, std::size_t max_length = 20) noexcept;

// Strict: digits only (no sign, no spaces), fits in 64 bits; else nullopt.
std::optional<std::uint64_t> parse_uint64(std::string_view s) noexcept;

// Numeric order of two digit strings of any length, leading zeros ignored
// ("007" == "7", "99" < "100"). Precondition: both satisfy is_digit_string(s, SIZE_MAX).
std::strong_ordering compare_digit_strings(std::string_view a, std::string_view b) noexcept;

// The digit string without leading zeros ("0" for all-zero input).
std::string_view strip_leading_zeros(std::string_view digits) noexcept;

}  // namespace scrapers::text
