// Remote text made safe for PostgreSQL. PostgreSQL text and jsonb refuse NUL (jsonb
// refuses the escape \u0000 too) and libpq cuts a parameter at the first NUL, so a
// single NUL in a chapter title or an error body could keep a job's ending from being
// written. Both functions drop NUL and every other C0 control character except tab
// and newline; everything else, invalid UTF-8 included, is left as it is.
#pragma once

#include <string>
#include <string_view>

namespace scrapers::text {

// True for the bytes without_control_chars() drops.
constexpr bool is_unsafe_control(unsigned char c) { return c < 0x20 && c != '\t' && c != '\n'; }

std::string without_control_chars(std::string_view text);

// The same for JSON text as nlohmann's dump() writes it: the escapes of those
// characters (\u0000..\u001f, \b, \f, \r) are removed from strings and keys, escaped
// backslashes are respected, and raw control bytes are dropped too.
std::string json_without_control_escapes(std::string_view json);

}  // namespace scrapers::text
