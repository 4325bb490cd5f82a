// Finding the charset of an HTML response and turning its bytes into UTF-8.
//
// Precedence follows browsers: a byte-order mark, then the charset parameter of
// the Content-Type header, then <meta charset> / <meta http-equiv=Content-Type> in
// the first meta_scan_bytes of the document, then UTF-8. A UTF-8 BOM is stripped;
// UTF-16 BOMs are converted. A <meta> naming UTF-16 is read as UTF-8 (a page that
// can be scanned for ASCII <meta> cannot be UTF-16). Undeclared input that is not
// valid UTF-8 is rejected with ErrorKind::bad_encoding (offset and byte in the
// message) unless the caller asks for U+FFFD replacement: there is deliberately no
// silent windows-1252 guess, because a wrong guess would store corrupted text.
// A declared charset iconv does not know is accepted only if the bytes are valid UTF-8.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "common/text/charset.hpp"
#include "common/util/error.hpp"

namespace scrapers::html {

struct DecodeOptions {
  text::InvalidBytes invalid = text::InvalidBytes::reject;
  std::size_t meta_scan_bytes = 8192;
};

enum class CharsetSource { bom, header, meta, none };

struct DecodedHtml {
  std::string utf8;
  std::string charset = "UTF-8";  // canonical name the bytes were read as
  CharsetSource source = CharsetSource::none;
};

// The charset parameter of a Content-Type value ("text/html; charset=Shift_JIS"), as written.
std::optional<std::string> charset_from_content_type(std::string_view content_type);

// The charset a <meta> element declares within head (only the first match counts).
std::optional<std::string> sniff_meta_charset(std::string_view head);

Result<DecodedHtml> decode_html(std::string bytes, std::string_view content_type,
                                const DecodeOptions& options = {});

}  // namespace scrapers::html
