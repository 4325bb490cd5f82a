// Turning untrusted names (titles, API file names) into safe file names and
// storage-key components.
//
// Both functions always return a non-empty, valid UTF-8 name that:
//  - is never "." or "..", never starts or ends with a dot or a space;
//  - contains no path separator ('/' or '\'), no control character (C0, DEL, C1,
//    NUL included), none of the Windows-reserved characters < > : " | ? *, and no
//    bidirectional or invisible formatting character (U+200B..U+200F,
//    U+202A..U+202E, U+2060..U+206F, U+061C, U+FEFF);
//  - is not a Windows device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9, with or
//    without an extension: such names get a leading '_');
//  - is at most max_bytes long (clamped to 16..255), cut at a UTF-8 character
//    boundary, keeping a short extension (".srt", ".en.srt" keeps ".srt") when
//    the name has one;
//  - is "untitled" (plus the extension, if any) when nothing usable remains.
// Reserved characters become '_', whitespace runs become one space, invisible
// characters are dropped. sanitize_key_component additionally restricts the result
// to ASCII letters, digits, '.', '_' and '-' (anything else becomes '_', runs of
// '_' collapse), which suits object-store keys and URLs.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace scrapers::text {

inline constexpr std::string_view kUntitledName = "untitled";

std::string sanitize_filename(std::string_view name, std::size_t max_bytes = 150);
std::string sanitize_key_component(std::string_view name, std::size_t max_bytes = 150);

}  // namespace scrapers::text
