#include "common/text/charset.hpp"

#include <iconv.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <utility>

#include "common/text/ascii.hpp"
#include "common/text/utf8.hpp"
#include "common/text/whitespace.hpp"

namespace scrapers::text {
namespace {

struct Alias {
  std::string_view label;
  std::string_view iconv_name;
};

constexpr std::array<Alias, 24> kAliases{{
    {"utf-8", "UTF-8"},
    {"utf8", "UTF-8"},
    {"unicode-1-1-utf-8", "UTF-8"},
    {"iso-8859-1", "WINDOWS-1252"},
    {"iso8859-1", "WINDOWS-1252"},
    {"latin1", "WINDOWS-1252"},
    {"l1", "WINDOWS-1252"},
    {"us-ascii", "WINDOWS-1252"},
    {"ascii", "WINDOWS-1252"},
    {"cp1252", "WINDOWS-1252"},
    {"x-cp1252", "WINDOWS-1252"},
    {"windows-1252", "WINDOWS-1252"},
    {"shift_jis", "CP932"},
    {"shift-jis", "CP932"},
    {"sjis", "CP932"},
    {"x-sjis", "CP932"},
    {"windows-31j", "CP932"},
    {"ms_kanji", "CP932"},
    {"gb2312", "GB18030"},
    {"gbk", "GB18030"},
    {"x-gbk", "GB18030"},
    {"euc-kr", "CP949"},
    {"big5", "BIG5-HKSCS"},
    {"utf-16", "UTF-16LE"},
}};

iconv_t as_iconv(void* h) noexcept { return static_cast<iconv_t>(h); }
void* invalid_handle() noexcept { return reinterpret_cast<void*>(static_cast<std::intptr_t>(-1)); }

bool is_windows1252_hole(unsigned char b) noexcept {
  return b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D;
}

std::string hex_byte(unsigned char b) {
  std::array<char, 8> buf{};
  std::snprintf(buf.data(), buf.size(), "0x%02X", b);
  return buf.data();
}

// Output buffer that iconv writes into directly.
struct OutBuffer {
  std::string data;
  std::size_t used = 0;
  char* cursor() { return data.data() + used; }
  std::size_t room() const { return data.size() - used; }
  void grow() { data.resize(data.size() * 2 + 64); }
  void append(std::string_view s) {
    while (room() < s.size()) grow();
    std::copy(s.begin(), s.end(), cursor());
    used += s.size();
  }
};

}  // namespace

std::string canonical_charset(std::string_view label) {
  std::string lowered(trim(label));
  if (lowered.size() >= 2 && (lowered.front() == '"' || lowered.front() == '\'')) {
    lowered = lowered.substr(1, lowered.size() - 2);
  }
  lowered = to_ascii_lower(lowered);
  for (const Alias& a : kAliases) {
    if (a.label == lowered) return std::string(a.iconv_name);
  }
  return to_ascii_upper(lowered);
}

bool is_utf8_charset(std::string_view label) { return canonical_charset(label) == "UTF-8"; }

Result<Utf8Converter> Utf8Converter::open(std::string_view charset_label) {
  std::string charset = canonical_charset(charset_label);
  if (charset.empty() || charset.find('/') != std::string::npos) {
    return make_error(ErrorKind::bad_encoding, "unsupported charset '" + std::string(charset_label) + "'");
  }
  iconv_t handle = iconv_open("UTF-8", charset.c_str());
  if (handle == as_iconv(invalid_handle())) {
    return make_error(ErrorKind::bad_encoding, "unsupported charset '" + std::string(charset_label) + "'");
  }
  return Utf8Converter(handle, std::move(charset));
}

Utf8Converter::Utf8Converter(Utf8Converter&& other) noexcept
    : handle_(std::exchange(other.handle_, nullptr)), charset_(std::move(other.charset_)) {}

Utf8Converter& Utf8Converter::operator=(Utf8Converter&& other) noexcept {
  if (this != &other) {
    if (handle_ != nullptr) iconv_close(as_iconv(handle_));
    handle_ = std::exchange(other.handle_, nullptr);
    charset_ = std::move(other.charset_);
  }
  return *this;
}

Utf8Converter::~Utf8Converter() {
  if (handle_ != nullptr) iconv_close(as_iconv(handle_));
}

Result<std::string> Utf8Converter::convert(std::string_view input, InvalidBytes invalid) {
  iconv(as_iconv(handle_), nullptr, nullptr, nullptr, nullptr);  // reset shift state
  OutBuffer out;
  out.data.resize(input.size() + input.size() / 2 + 64);
  char* in = const_cast<char*>(input.data());
  std::size_t in_left = input.size();
  const bool windows1252 = charset_ == "WINDOWS-1252";
  while (true) {
    char* out_ptr = out.cursor();
    std::size_t out_left = out.room();
    const std::size_t rc = iconv(as_iconv(handle_), &in, &in_left, &out_ptr, &out_left);
    const int err = errno;
    out.used = static_cast<std::size_t>(out_ptr - out.data.data());
    if (rc != static_cast<std::size_t>(-1)) break;  // all input consumed
    if (err == E2BIG) {
      out.grow();
      continue;
    }
    if (err != EILSEQ && err != EINVAL) {
      return make_error(ErrorKind::bad_encoding, "iconv failed converting from " + charset_);
    }
    const auto bad = static_cast<unsigned char>(*in);
    if (windows1252 && is_windows1252_hole(bad)) {
      std::string c1;
      append_utf8(c1, bad);
      out.append(c1);
    } else if (invalid == InvalidBytes::reject) {
      const auto offset = static_cast<std::size_t>(in - input.data());
      return make_error(ErrorKind::bad_encoding,
                        "invalid " + charset_ + " byte " + hex_byte(bad) + " at offset " + std::to_string(offset));
    } else {
      out.append("\xEF\xBF\xBD");
    }
    ++in;
    --in_left;
  }
  out.data.resize(out.used);
  // glibc's own UTF-8 decoder (reached through labels it normalises to UTF-8, such as
  // "ut?f-8") lets some ill-formed sequences through; the output is checked, not trusted.
  if (const auto bad = find_invalid_utf8(out.data)) {
    if (invalid == InvalidBytes::replace) return repair_utf8(out.data);
    return make_error(ErrorKind::bad_encoding,
                      "invalid " + charset_ + " input: the conversion gave ill-formed UTF-8 at output offset " +
                          std::to_string(*bad));
  }
  return std::move(out.data);
}

Result<std::string> convert_to_utf8(std::string_view bytes, std::string_view charset_label, InvalidBytes invalid) {
  if (is_utf8_charset(charset_label)) {
    if (const auto bad = find_invalid_utf8(bytes)) {
      if (invalid == InvalidBytes::replace) return repair_utf8(bytes);
      return make_error(ErrorKind::bad_encoding, "invalid UTF-8 byte " +
                                                     hex_byte(static_cast<unsigned char>(bytes[*bad])) +
                                                     " at offset " + std::to_string(*bad));
    }
    return std::string(bytes);
  }
  auto converter = Utf8Converter::open(charset_label);
  if (!converter) return converter.error();
  return converter->convert(bytes, invalid);
}

}  // namespace scrapers::text
