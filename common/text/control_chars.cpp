#include "common/text/control_chars.hpp"

namespace scrapers::text {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The character a "\uXXXX" escape at `at` (pointing at the 'u') stands for, or -1.
int unicode_escape(std::string_view json, std::size_t at) {
  if (at + 4 >= json.size()) return -1;
  int value = 0;
  for (std::size_t i = at + 1; i <= at + 4; ++i) {
    const int digit = hex_value(json[i]);
    if (digit < 0) return -1;
    value = value * 16 + digit;
  }
  return value;
}

}  // namespace

std::string without_control_chars(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (const std::size_t length = control_char_length(text, i); length > 0) {
      i += length - 1;
      continue;
    }
    out += text[i];
  }
  return out;
}

std::string json_without_control_escapes(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (std::size_t i = 0; i < json.size(); ++i) {
    if (const std::size_t length = control_char_length(json, i); length > 0) {
      i += length - 1;
      continue;
    }
    const char c = json[i];
    if (c != '\\' || i + 1 >= json.size()) {
      out += c;
      continue;
    }
    const char next = json[i + 1];
    if (next == 'b' || next == 'f' || next == 'r') {
      ++i;
      continue;
    }
    if (next == 'u') {
      const int value = unicode_escape(json, i + 1);
      if (value >= 0 && is_unsafe_control(static_cast<unsigned>(value))) {
        i += 5;
        continue;
      }
    }
    out += c;  // any other escape, "\\" included, is kept whole
    out += next;
    ++i;
  }
  return out;
}

}  // namespace scrapers::text
