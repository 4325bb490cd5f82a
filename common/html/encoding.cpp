#include "common/html/encoding.hpp"

#include <algorithm>

#include "common/text/ascii.hpp"
#include "common/text/utf8.hpp"
#include "common/text/whitespace.hpp"

namespace scrapers::html {
namespace {

bool is_label_char(char c) noexcept {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
         c == ':' || c == '.' || c == '+';
}

// The label after "charset" in s (already lower-cased), e.g. `charset = "utf-8"`.
std::optional<std::string> label_after_charset(std::string_view s) {
  for (std::size_t at = s.find("charset"); at != std::string_view::npos; at = s.find("charset", at + 1)) {
    std::size_t i = at + 7;
    while (i < s.size() && text::is_ascii_space(s[i])) ++i;
    if (i >= s.size() || s[i] != '=') continue;
    ++i;
    while (i < s.size() && (text::is_ascii_space(s[i]) || s[i] == '"' || s[i] == '\'')) ++i;
    const std::size_t start = i;
    while (i < s.size() && is_label_char(s[i])) ++i;
    if (i > start) return std::string(s.substr(start, i - start));
  }
  return std::nullopt;
}

struct Declared {
  std::string label;
  CharsetSource source = CharsetSource::none;
};

Declared declared_charset(std::string_view bytes, std::string_view content_type, std::size_t scan) {
  if (auto header = charset_from_content_type(content_type)) return {*header, CharsetSource::header};
  if (auto meta = sniff_meta_charset(bytes.substr(0, std::min(scan, bytes.size())))) {
    const std::string canonical = text::canonical_charset(*meta);
    if (canonical.starts_with("UTF-16")) return {"utf-8", CharsetSource::meta};
    return {*meta, CharsetSource::meta};
  }
  return {"utf-8", CharsetSource::none};
}

// A BOM names the encoding, but the bytes after it are still checked: a UTF-8 BOM in
// front of ill-formed UTF-8 is repaired or refused like any other UTF-8 page.
Result<DecodedHtml> from_bom(std::string& bytes, text::InvalidBytes invalid) {
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.erase(0, 3);
    auto checked = text::convert_to_utf8(bytes, "utf-8", invalid);
    if (!checked) return checked.error();
    return DecodedHtml{std::move(checked).value(), "UTF-8", CharsetSource::bom};
  }
  const bool le = bytes.starts_with("\xFF\xFE");
  auto converted = text::convert_to_utf8(std::string_view(bytes).substr(2), le ? "UTF-16LE" : "UTF-16BE",
                                         text::InvalidBytes::replace);
  if (!converted) return converted.error();
  return DecodedHtml{std::move(converted).value(), le ? "UTF-16LE" : "UTF-16BE", CharsetSource::bom};
}

std::string undeclared_message(std::string_view bytes, std::size_t offset) {
  const auto b = static_cast<unsigned char>(bytes[offset]);
  static constexpr char kHex[] = "0123456789ABCDEF";
  return std::string("page is not valid UTF-8 (byte 0x") + kHex[b >> 4] + kHex[b & 0xF] + " at offset " +
         std::to_string(offset) + ") and declares no charset in its Content-Type header or a <meta> tag";
}

}  // namespace

std::optional<std::string> charset_from_content_type(std::string_view content_type) {
  const std::size_t semi = content_type.find(';');
  if (semi == std::string_view::npos) return std::nullopt;
  return label_after_charset(text::to_ascii_lower(content_type.substr(semi)));
}

std::optional<std::string> sniff_meta_charset(std::string_view head) {
  const std::string lowered = text::to_ascii_lower(head);
  for (std::size_t at = lowered.find("<meta"); at != std::string::npos; at = lowered.find("<meta", at + 5)) {
    const std::size_t end = lowered.find('>', at);
    const std::string_view tag = std::string_view(lowered).substr(at, end == std::string::npos ? end : end - at);
    if (auto label = label_after_charset(tag)) return label;
  }
  return std::nullopt;
}

Result<DecodedHtml> decode_html(std::string bytes, std::string_view content_type, const DecodeOptions& options) {
  if (bytes.starts_with("\xEF\xBB\xBF") || bytes.starts_with("\xFF\xFE") || bytes.starts_with("\xFE\xFF")) {
    return from_bom(bytes, options.invalid);
  }
  const Declared declared = declared_charset(bytes, content_type, options.meta_scan_bytes);
  if (text::is_utf8_charset(declared.label)) {
    if (const auto bad = text::find_invalid_utf8(bytes)) {
      if (options.invalid == text::InvalidBytes::replace) {
        return DecodedHtml{text::repair_utf8(bytes), "UTF-8", declared.source};
      }
      if (declared.source == CharsetSource::none)
        return make_error(ErrorKind::bad_encoding, undeclared_message(bytes, *bad));
      return text::convert_to_utf8(bytes, "utf-8").error();
    }
    return DecodedHtml{std::move(bytes), "UTF-8", declared.source};
  }
  auto converter = text::Utf8Converter::open(declared.label);
  if (!converter) {
    if (text::is_valid_utf8(bytes)) return DecodedHtml{std::move(bytes), "UTF-8", CharsetSource::none};
    return converter.error();
  }
  auto converted = converter->convert(bytes, options.invalid);
  if (!converted) return converted.error();
  return DecodedHtml{std::move(converted).value(), converter->charset(), declared.source};
}

}  // namespace scrapers::html
