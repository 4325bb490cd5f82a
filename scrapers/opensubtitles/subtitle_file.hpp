// Naming and typing downloaded subtitle files.
//
// subtitle_content_type maps the file extension (case-insensitive) to the
// content type recorded on the asset: .srt text/plain, .vtt text/vtt, .ass and
// .ssa text/x-ssa, anything else application/octet-stream. The bytes themselves
// are stored unchanged (BOM included).
// subtitle_file_name picks the first non-blank candidate name and passes it
// through text::sanitize_filename, so a hostile "../../x.srt" becomes one plain
// path component; with no name at all it is "subtitle-<file_id>.srt".
// The storage key is built by runtime::subtitle_asset_key, which sanitises again.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace scrapers::opensubtitles {

std::string_view subtitle_content_type(std::string_view file_name) noexcept;

std::string subtitle_file_name(const std::optional<std::string>& preferred,
                               const std::optional<std::string>& fallback, std::int64_t file_id);

}  // namespace scrapers::opensubtitles
