// From a parsed show page to what opensubtitles-work stores: one edition per
// numbered season that lists episodes, and its episodes as segments.
//
// Guarantees: seasons appear in page order; panels carrying the same season number
// are merged into one season (one edition); segment numbers run 1..N across all
// planned seasons in page order, so they are unique per edition; a segment's title
// is the episode label ("S01E01") and its url the episode link. Panels without a
// season number ("Specials") and numbered panels without episodes are not planned
// but listed, so the run can report them instead of dropping them silently.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "scrapers/opensubtitles/parse.hpp"

namespace scrapers::opensubtitles {

struct PlannedEpisode {
  int number = 0;     // sequential across all planned seasons, from 1
  std::string title;  // the label, "S01E01"
  std::string url;    // "" when the page had no usable link
};

struct PlannedSeason {
  int season = 0;
  std::vector<PlannedEpisode> episodes;
};

struct SkippedPanel {
  std::string header;        // "Specials", "Season 3"
  std::size_t episodes = 0;  // episodes the panel listed
  std::string reason;        // "no season number" or "no episodes"
};

struct ShowPlan {
  std::vector<PlannedSeason> seasons;
  std::vector<SkippedPanel> skipped;
  std::size_t total_episodes = 0;
};

ShowPlan plan_show(const ShowPage& page);

}  // namespace scrapers::opensubtitles
