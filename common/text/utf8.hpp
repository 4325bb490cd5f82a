// UTF-8 validation, lossy repair and code-point helpers.
//
// Validation follows the Unicode definition of well-formed UTF-8: overlong forms,
// surrogates (U+D800..U+DFFF) and code points above U+10FFFF are ill-formed.
// repair_utf8 replaces each maximal ill-formed subpart with one U+FFFD (the
// Unicode "best practice"), so valid input comes back byte for byte unchanged.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace scrapers::text {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

// One decoded code point. When valid is false, cp is U+FFFD and length is the
// size of the maximal ill-formed subpart (1..3 bytes) to skip.
struct DecodedCodePoint {
  char32_t cp = 0;
  std::size_t length = 1;
  bool valid = true;
};

// Decodes the code point starting at s[pos]. Precondition: pos < s.size().
DecodedCodePoint decode_utf8(std::string_view s, std::size_t pos) noexcept;

// Offset of the first byte of the first ill-formed sequence, or nullopt if s is valid UTF-8.
std::optional<std::size_t> find_invalid_utf8(std::string_view s) noexcept;
inline bool is_valid_utf8(std::string_view s) noexcept { return !find_invalid_utf8(s); }

// s with every ill-formed subpart replaced by U+FFFD.
std::string repair_utf8(std::string_view s);

// Appends cp as UTF-8; surrogates and values above U+10FFFF append U+FFFD.
void append_utf8(std::string& out, char32_t cp);

// The largest n <= max_bytes such that s.substr(0, n) does not split a UTF-8
// sequence (assumes s is valid UTF-8; continuation bytes are never a cut point).
std::size_t utf8_prefix_length(std::string_view s, std::size_t max_bytes) noexcept;

}  // namespace scrapers::text
