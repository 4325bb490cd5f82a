#include "scrapers/opensubtitles/episode_code.hpp"

#include <cstddef>
#include <cstdio>

namespace scrapers::opensubtitles {
namespace {

constexpr std::size_t kMaxDigits = 6;

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// Reads a run of digits at pos; nullopt when there is none or it is too long.
std::optional<int> read_number(std::string_view text, std::size_t& pos) noexcept {
  const std::size_t start = pos;
  int value = 0;
  while (pos < text.size() && is_digit(text[pos])) {
    if (pos - start >= kMaxDigits) return std::nullopt;
    value = value * 10 + (text[pos] - '0');
    ++pos;
  }
  if (pos == start) return std::nullopt;
  return value;
}

}  // namespace

std::optional<EpisodeCode> parse_episode_code(std::string_view text) noexcept {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != 'S' && text[i] != 's') continue;
    std::size_t pos = i + 1;
    const auto season = read_number(text, pos);
    if (!season || pos >= text.size() || (text[pos] != 'E' && text[pos] != 'e')) continue;
    ++pos;
    const auto episode = read_number(text, pos);
    if (!episode) continue;
    return EpisodeCode{*season, *episode};
  }
  return std::nullopt;
}

std::string format_episode_code(EpisodeCode code) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "S%02dE%02d", code.season, code.episode);
  return buffer;
}

}  // namespace scrapers::opensubtitles
