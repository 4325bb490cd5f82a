#include "scrapers/opensubtitles/subtitle_file.hpp"

#include <array>
#include <utility>

#include "common/text/ascii.hpp"
#include "common/text/filename.hpp"
#include "common/text/whitespace.hpp"

namespace scrapers::opensubtitles {
std::string_view subtitle_content_type(std::string_view file_name) noexcept {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 4> kTypes = {{
      {".srt", "text/plain"},
      {".vtt", "text/vtt"},
      {".ass", "text/x-ssa"},
      {".ssa", "text/x-ssa"},
  }};
  const std::string_view name = text::trim(file_name);
  for (const auto& [extension, type] : kTypes) {
    if (text::ends_with_ascii_icase(name, extension)) return type;
  }
  return "application/octet-stream";
}

std::string subtitle_file_name(const std::optional<std::string>& preferred,
                               const std::optional<std::string>& fallback, std::int64_t file_id) {
  for (const auto* candidate : {&preferred, &fallback}) {
    if (*candidate && !text::trim(**candidate).empty()) return text::sanitize_filename(**candidate);
  }
  return "subtitle-" + std::to_string(file_id) + ".srt";
}

}  // namespace scrapers::opensubtitles
