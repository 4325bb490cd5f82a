#include "common/text/utf8.hpp"

#include <cstring>

namespace scrapers::text {
namespace {

unsigned char byte_at(std::string_view s, std::size_t i) noexcept { return static_cast<unsigned char>(s[i]); }

bool is_continuation(unsigned char b) noexcept { return (b & 0xC0U) == 0x80U; }

// Scans 8 bytes at a time while they are all ASCII.
std::size_t skip_ascii(std::string_view s, std::size_t pos) noexcept {
  while (pos + 8 <= s.size()) {
    std::uint64_t chunk = 0;
    std::memcpy(&chunk, s.data() + pos, 8);
    if ((chunk & 0x8080808080808080ULL) != 0) break;
    pos += 8;
  }
  while (pos < s.size() && byte_at(s, pos) < 0x80) ++pos;
  return pos;
}

}  // namespace

DecodedCodePoint decode_utf8(std::string_view s, std::size_t pos) noexcept {
  const unsigned char b0 = byte_at(s, pos);
  if (b0 < 0x80) return {b0, 1, true};
  std::size_t need = 0;
  char32_t cp = 0;
  unsigned char lo = 0x80;
  unsigned char hi = 0xBF;
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    need = 1;
    cp = b0 & 0x1FU;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    need = 2;
    cp = b0 & 0x0FU;
    if (b0 == 0xE0) lo = 0xA0;  // overlong
    if (b0 == 0xED) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    need = 3;
    cp = b0 & 0x07U;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // above U+10FFFF
  } else {
    return {kReplacementCharacter, 1, false};
  }
  std::size_t i = pos + 1;
  for (std::size_t k = 0; k < need; ++k, ++i) {
    if (i >= s.size()) return {kReplacementCharacter, i - pos, false};
    const unsigned char b = byte_at(s, i);
    if (b < lo || b > hi) return {kReplacementCharacter, i - pos, false};
    lo = 0x80;
    hi = 0xBF;
    cp = (cp << 6) | (b & 0x3FU);
  }
  return {cp, need + 1, true};
}

std::optional<std::size_t> find_invalid_utf8(std::string_view s) noexcept {
  std::size_t pos = 0;
  while (true) {
    pos = skip_ascii(s, pos);
    if (pos >= s.size()) return std::nullopt;
    const DecodedCodePoint d = decode_utf8(s, pos);
    if (!d.valid) return pos;
    pos += d.length;
  }
}

std::string repair_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t ascii_end = skip_ascii(s, pos);
    out.append(s.substr(pos, ascii_end - pos));
    pos = ascii_end;
    if (pos >= s.size()) break;
    const DecodedCodePoint d = decode_utf8(s, pos);
    if (d.valid) {
      out.append(s.substr(pos, d.length));
    } else {
      append_utf8(out, kReplacementCharacter);
    }
    pos += d.length;
  }
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = kReplacementCharacter;
  auto put = [&out](char32_t v) { out.push_back(static_cast<char>(static_cast<unsigned char>(v))); };
  if (cp < 0x80) {
    put(cp);
  } else if (cp < 0x800) {
    put(0xC0 | (cp >> 6));
    put(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    put(0xE0 | (cp >> 12));
    put(0x80 | ((cp >> 6) & 0x3F));
    put(0x80 | (cp & 0x3F));
  } else {
    put(0xF0 | (cp >> 18));
    put(0x80 | ((cp >> 12) & 0x3F));
    put(0x80 | ((cp >> 6) & 0x3F));
    put(0x80 | (cp & 0x3F));
  }
}

std::size_t utf8_prefix_length(std::string_view s, std::size_t max_bytes) noexcept {
  if (max_bytes >= s.size()) return s.size();
  std::size_t n = max_bytes;
  while (n > 0 && is_continuation(byte_at(s, n))) --n;
  return n;
}

}  // namespace scrapers::text
