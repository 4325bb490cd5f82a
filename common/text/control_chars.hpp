// Remote text made safe for PostgreSQL and for a terminal, in one place.
//
// PostgreSQL text and jsonb refuse NUL (jsonb refuses the escape \u0000 too) and libpq
// cuts a parameter at the first NUL, so a single NUL in a chapter title or an error
// body could keep a job's ending from being written; ESC (0x1b), DEL and the C1
// controls (U+0080..U+009F, UTF-8 C2 80..C2 9F, e.g. U+009B CSI) let a page's title
// drive the terminal of whoever lists or logs it. The control characters here are
// those: every C0 control except tab and newline, DEL and C1. without_control_chars()
// and json_without_control_escapes() drop them (for the catalog and the jobs table);
// with_control_chars_escaped() shows them as escapes (for log lines). Everything else,
// invalid UTF-8 included, is left as it is. Header-only predicates, so common/util's
// log can use them without linking this library.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace scrapers::text {

// True for the code points (< U+00A0) this file treats as control characters.
constexpr bool is_unsafe_control(unsigned code_point) {
  return (code_point < 0x20 && code_point != '\t' && code_point != '\n') ||
         (code_point >= 0x7f && code_point <= 0x9f);
}

// The number of bytes of the control character starting at text[at]: 1 for a C0
// control or DEL, 2 for a C1 control in UTF-8 (C2 80..C2 9F), 0 when there is none.
constexpr std::size_t control_char_length(std::string_view text, std::size_t at) {
  const auto byte = static_cast<unsigned char>(text[at]);
  if (byte < 0x80) return is_unsafe_control(byte) ? 1 : 0;
  if (byte != 0xC2 || at + 1 >= text.size()) return 0;
  const auto next = static_cast<unsigned char>(text[at + 1]);
  return next >= 0x80 && next <= 0x9f ? 2 : 0;
}

std::string without_control_chars(std::string_view text);

// The same for JSON text as nlohmann's dump() writes it: the escapes of those
// characters (\u0000..\u001f, \u007f..\u009f, \b, \f, \r) are removed from strings and
// keys, escaped backslashes are respected, and raw control characters are dropped too.
std::string json_without_control_escapes(std::string_view json);

// `text` for a terminal: each control character (and newline) as an escape of its
// bytes, "\x1b", "\xc2\x9b", "\n"; tab and everything else as it is.
inline std::string with_control_chars_escaped(std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      out += "\\n";
      continue;
    }
    const std::size_t length = control_char_length(text, i);
    if (length == 0) {
      out += text[i];
      continue;
    }
    for (std::size_t end = i + length; i < end; ++i) {
      const auto byte = static_cast<unsigned char>(text[i]);
      out += "\\x";
      out += kHex[byte >> 4];
      out += kHex[byte & 0xf];
    }
    --i;
  }
  return out;
}

}  // namespace scrapers::text
