// Converting text in a declared charset to UTF-8 with glibc iconv.
//
// Labels are resolved the way browsers resolve them (WHATWG Encoding Standard),
// because that is what the sites were authored against: "iso-8859-1", "latin1"
// and "us-ascii" mean windows-1252; "shift_jis"/"sjis" mean Windows-31J (CP932);
// "gb2312"/"gbk" mean GB18030; "euc-kr" means CP949; "big5" means Big5-HKSCS.
// Other labels go to iconv as written (upper-cased). windows-1252's five undefined
// bytes (0x81 0x8D 0x8F 0x90 0x9D) decode to the matching C1 controls, as in
// browsers. Invalid input is either rejected (ErrorKind::bad_encoding naming the
// charset and the byte offset) or replaced by U+FFFD, as the caller chooses.
#pragma once

#include <string>
#include <string_view>

#include "common/util/error.hpp"

namespace scrapers::text {

enum class InvalidBytes { reject, replace };

// The iconv name for a charset label ("Shift_JIS" -> "CP932", " utf8 " -> "UTF-8").
std::string canonical_charset(std::string_view label);
bool is_utf8_charset(std::string_view label);

// RAII over an iconv_t converting from one charset to UTF-8. Move-only.
class Utf8Converter {
 public:
  // ErrorKind::bad_encoding when iconv does not know the charset.
  static Result<Utf8Converter> open(std::string_view charset_label);

  Utf8Converter(Utf8Converter&& other) noexcept;
  Utf8Converter& operator=(Utf8Converter&& other) noexcept;
  Utf8Converter(const Utf8Converter&) = delete;
  Utf8Converter& operator=(const Utf8Converter&) = delete;
  ~Utf8Converter();

  const std::string& charset() const noexcept { return charset_; }
  // Converts a complete input (the converter is reset first).
  Result<std::string> convert(std::string_view input, InvalidBytes invalid);

 private:
  Utf8Converter(void* handle, std::string charset) noexcept : handle_(handle), charset_(std::move(charset)) {}
  void* handle_ = nullptr;  // iconv_t
  std::string charset_;
};

// bytes in charset_label as UTF-8. For UTF-8 labels the input is validated (or
// repaired) without iconv.
Result<std::string> convert_to_utf8(std::string_view bytes, std::string_view charset_label,
                                    InvalidBytes invalid = InvalidBytes::reject);

}  // namespace scrapers::text
