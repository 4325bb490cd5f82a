// Season/episode codes such as "S01E01" in segment titles and page labels.
//
// parse_episode_code finds the first "S<digits>E<digits>" in the text, letters in
// either case, like the regex /S(\d+)E(\d+)/i. A candidate whose numbers have more
// than six digits is not a code (the search goes on after it), so the values
// always fit an int. format_episode_code writes the two-digit-padded label form.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace scrapers::opensubtitles {

struct EpisodeCode {
  int season = 0;
  int episode = 0;

  bool operator==(const EpisodeCode&) const = default;
};

std::optional<EpisodeCode> parse_episode_code(std::string_view text) noexcept;

// "S01E01"; numbers above 99 keep all their digits ("S01E100").
std::string format_episode_code(EpisodeCode code);

}  // namespace scrapers::opensubtitles
