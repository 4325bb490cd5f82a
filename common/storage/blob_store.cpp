#include "common/storage/blob_store.hpp"

#include <cstdio>

namespace scrapers::storage {
namespace {

// Length of the UTF-8 sequence starting at `pos`, or 0 when it is malformed
// (overlong forms, surrogates and code points above U+10FFFF included).
std::size_t utf8_sequence_length(std::string_view s, std::size_t pos) {
  const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char lead = byte(pos);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (pos + length > s.size()) return 0;
  if (byte(pos + 1) < low || byte(pos + 1) > high) return 0;
  for (std::size_t i = 2; i < length; ++i) {
    if (byte(pos + i) < 0x80 || byte(pos + i) > 0xBF) return 0;
  }
  return length;
}

bool is_valid_utf8(std::string_view s) {
  for (std::size_t pos = 0; pos < s.size();) {
    const std::size_t length = utf8_sequence_length(s, pos);
    if (length == 0) return false;
    pos += length;
  }
  return true;
}

Error key_error(std::string message, std::string_view key) {
  return make_error(ErrorKind::invalid_argument, "unsafe object key: " + std::move(message),
                    "key '" + printable_key(key) + "'");
}

Status validate_characters(std::string_view key) {
  for (std::size_t i = 0; i < key.size(); ++i) {
    const auto c = static_cast<unsigned char>(key[i]);
    if (c < 0x20 || c == 0x7F) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "0x%02X", c);
      return key_error(
          "it contains a control character (" + std::string(hex) + " at byte " + std::to_string(i) + ")", key);
    }
    if (c == '\\') return key_error("it contains a backslash", key);
  }
  if (!is_valid_utf8(key)) return key_error("it is not valid UTF-8", key);
  return Ok{};
}

Status validate_segments(std::string_view key) {
  std::size_t start = 0;
  while (true) {
    const std::size_t end = key.find('/', start);
    const std::string_view segment = key.substr(start, end == std::string_view::npos ? std::string_view::npos
                                                                                     : end - start);
    if (segment.empty()) return key_error("it has an empty segment ('//' or a trailing '/')", key);
    if (segment == "." || segment == "..") {
      return key_error("it has a '" + std::string(segment) + "' segment", key);
    }
    if (segment.size() > kMaxSegmentBytes) {
      return key_error("a segment is " + std::to_string(segment.size()) + " bytes long, the limit is " +
                           std::to_string(kMaxSegmentBytes),
                       key);
    }
    if (end == std::string_view::npos) return Ok{};
    start = end + 1;
  }
}

}  // namespace

Status validate_key(std::string_view key) {
  if (key.empty()) return key_error("it is empty", key);
  if (key.size() > kMaxKeyBytes) {
    return key_error(
        "it is " + std::to_string(key.size()) + " bytes long, the limit is " + std::to_string(kMaxKeyBytes), key);
  }
  if (auto status = validate_characters(key); !status) return status;
  if (key.front() == '/') return key_error("it is an absolute path (starts with '/')", key);
  return validate_segments(key);
}

std::string printable_key(std::string_view key) {
  constexpr std::size_t kMaxPrintable = 200;
  std::string out;
  for (const char ch : key.substr(0, kMaxPrintable)) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c >= 0x7F || c == '\\') {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", c);
      out += hex;
    } else {
      out += ch;
    }
  }
  if (key.size() > kMaxPrintable) out += "...";
  return out;
}

}  // namespace scrapers::storage
