#include "common/text/filename.hpp"

#include <algorithm>
#include <array>

#include "common/text/utf8.hpp"

namespace scrapers::text {
namespace {

constexpr std::size_t kMinBytes = 16;
constexpr std::size_t kMaxBytes = 255;
constexpr std::size_t kMaxExtension = 12;  // bytes after the '.'

bool is_invisible_format(char32_t cp) noexcept {
  return (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) ||
         cp == 0x061C || cp == 0xFEFF;
}

bool is_control(char32_t cp) noexcept { return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F); }

bool is_reserved(char32_t cp) noexcept {
  switch (cp) {
    case '/':
    case '\\':
    case '<':
    case '>':
    case ':':
    case '"':
    case '|':
    case '?':
    case '*': return true;
    default: return false;
  }
}

bool is_key_safe(char32_t cp) noexcept {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '.' ||
         cp == '_' || cp == '-';
}

void push_once(std::string& out, char c) {
  if (out.empty() || out.back() != c) out.push_back(c);
}

// Maps every code point to its safe form; whitespace runs become one space.
std::string map_code_points(std::string_view input, bool key_only) {
  std::string out;
  out.reserve(input.size());
  for (std::size_t pos = 0; pos < input.size();) {
    const DecodedCodePoint d = decode_utf8(input, pos);
    const std::string_view raw = input.substr(pos, d.length);
    pos += d.length;
    const char32_t cp = d.cp;
    if (!d.valid || is_invisible_format(cp)) continue;
    const bool space = cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0x3000;
    if (key_only) {
      if (is_key_safe(cp)) out.append(raw);
      else push_once(out, '_');
    } else if (space) {
      push_once(out, ' ');
    } else if (is_control(cp)) {
      continue;
    } else if (is_reserved(cp)) {
      out.push_back('_');
    } else {
      out.append(raw);
    }
  }
  return out;
}

bool is_trimmed_char(char c, bool key_only) noexcept {
  return c == '.' || c == ' ' || (key_only && (c == '_' || c == '-'));
}

std::string_view trim_edges(std::string_view s, bool key_only) noexcept {
  while (!s.empty() && is_trimmed_char(s.front(), key_only)) s.remove_prefix(1);
  while (!s.empty() && is_trimmed_char(s.back(), key_only)) s.remove_suffix(1);
  return s;
}

// The extension including its dot (".srt"), or empty when there is none worth keeping.
std::string_view extension_of(std::string_view name) noexcept {
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || dot == 0) return {};
  const std::string_view ext = name.substr(dot + 1);
  if (ext.empty() || ext.size() > kMaxExtension) return {};
  const bool alnum = std::all_of(ext.begin(), ext.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  });
  return alnum ? name.substr(dot) : std::string_view{};
}

char ascii_upper(char c) noexcept { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

bool is_device_name(std::string_view name) noexcept {
  std::string base(name.substr(0, name.find('.')));
  while (!base.empty() && base.back() == ' ') base.pop_back();
  std::transform(base.begin(), base.end(), base.begin(), ascii_upper);
  static constexpr std::array<std::string_view, 6> kFixed{"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"};
  if (std::find(kFixed.begin(), kFixed.end(), base) != kFixed.end()) return true;
  const bool numbered = base.size() == 4 && (base.starts_with("COM") || base.starts_with("LPT"));
  return numbered && base[3] >= '0' && base[3] <= '9';
}

// Cuts the stem so that stem + ext fits in max_bytes, at a character boundary.
std::string fit_length(std::string_view name, std::size_t max_bytes, bool key_only) {
  if (name.size() <= max_bytes) return std::string(name);
  std::string_view ext = extension_of(name);
  if (ext.size() * 2 > max_bytes) ext = {};
  std::string_view stem = name.substr(0, name.size() - ext.size());
  stem = trim_edges(stem.substr(0, utf8_prefix_length(stem, max_bytes - ext.size())), key_only);
  if (stem.empty()) stem = kUntitledName;
  std::string out(stem);
  if (is_device_name(out)) out.insert(0, 1, '_');  // stem is shorter than it was: room for one byte
  return out + std::string(ext);
}

std::string sanitize(std::string_view name, std::size_t max_bytes, bool key_only) {
  max_bytes = std::clamp(max_bytes, kMinBytes, kMaxBytes);
  const std::string mapped = map_code_points(name, key_only);
  std::string_view trimmed = trim_edges(mapped, key_only);
  std::string result;
  if (trimmed.empty()) {
    result = std::string(kUntitledName);
  } else {
    result = std::string(trimmed);
  }
  if (is_device_name(result)) result.insert(0, 1, '_');
  return fit_length(result, max_bytes, key_only);
}

}  // namespace

std::string sanitize_filename(std::string_view name, std::size_t max_bytes) {
  return sanitize(name, max_bytes, false);
}

std::string sanitize_key_component(std::string_view name, std::size_t max_bytes) {
  return sanitize(name, max_bytes, true);
}

}  // namespace scrapers::text
