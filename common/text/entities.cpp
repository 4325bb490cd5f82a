#include "common/text/entities.hpp"

#include <array>

#include "common/text/entity_table.hpp"
#include "common/text/utf8.hpp"

namespace scrapers::text {
namespace {

constexpr std::size_t kMaxNameLength = 32;

// HTML5: numeric references 0x80..0x9F are read as windows-1252 bytes.
constexpr std::array<char32_t, 32> kWindows1252High{
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

bool is_ascii_alnum(char c) noexcept {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

char32_t sanitize_numeric(std::uint32_t v) noexcept {
  if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return kReplacementCharacter;
  if (v >= 0x80 && v <= 0x9F) return kWindows1252High[v - 0x80];
  return v;
}

// Decodes "&#...;" at s[pos] (s[pos] == '&'); returns the bytes consumed, 0 if malformed.
std::size_t decode_numeric(std::string_view s, std::size_t pos, std::string& out) {
  std::size_t i = pos + 2;
  const bool hex = i < s.size() && (s[i] == 'x' || s[i] == 'X');
  if (hex) ++i;
  const std::size_t digits_start = i;
  std::uint32_t value = 0;
  for (; i < s.size(); ++i) {
    const int d = hex ? hex_value(s[i]) : (s[i] >= '0' && s[i] <= '9' ? s[i] - '0' : -1);
    if (d < 0) break;
    value = value * (hex ? 16U : 10U) + static_cast<std::uint32_t>(d);
    if (value > 0x10FFFF) value = 0x110000;  // saturate: stays out of range
  }
  if (i == digits_start) return 0;
  if (i < s.size() && s[i] == ';') ++i;
  append_utf8(out, sanitize_numeric(value));
  return i - pos;
}

// Decodes "&name;" at s[pos]; returns the bytes consumed, 0 if not a known reference.
std::size_t decode_named(std::string_view s, std::size_t pos, std::string& out) {
  std::size_t i = pos + 1;
  while (i < s.size() && i - pos - 1 <= kMaxNameLength && is_ascii_alnum(s[i])) ++i;
  if (i >= s.size() || s[i] != ';' || i == pos + 1) return 0;
  const auto cp = detail::lookup_named_entity(s.substr(pos + 1, i - pos - 1));
  if (!cp) return 0;
  append_utf8(out, *cp);
  return i + 1 - pos;
}

}  // namespace

std::string decode_entities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t pos = 0;
  while (pos < s.size()) {
    const std::size_t amp = s.find('&', pos);
    out.append(s.substr(pos, amp - pos));
    if (amp == std::string_view::npos) break;
    const bool numeric = amp + 1 < s.size() && s[amp + 1] == '#';
    const std::size_t used = numeric ? decode_numeric(s, amp, out) : decode_named(s, amp, out);
    if (used == 0) {
      out.push_back('&');
      pos = amp + 1;
    } else {
      pos = amp + used;
    }
  }
  return out;
}

void append_escaped_text(std::string& out, std::string_view s) {
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out.push_back(c);
    }
  }
}

std::string escape_text(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  append_escaped_text(out, s);
  return out;
}

void append_escaped_attribute(std::string& out, std::string_view s) {
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out.push_back(c);
    }
  }
}

std::string escape_attribute(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  append_escaped_attribute(out, s);
  return out;
}

}  // namespace scrapers::text
