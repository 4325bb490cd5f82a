#include "scrapers/opensubtitles/show_plan.hpp"

#include <algorithm>

namespace scrapers::opensubtitles {

ShowPlan plan_show(const ShowPage& page) {
  ShowPlan plan;
  int next_number = 1;
  for (const auto& panel : page.seasons) {
    if (!panel.number) {
      plan.skipped.push_back(SkippedPanel{panel.header, panel.episodes.size(), "no season number"});
      continue;
    }
    if (panel.episodes.empty()) {
      plan.skipped.push_back(SkippedPanel{panel.header, 0, "no episodes"});
      continue;
    }
    auto it = std::find_if(plan.seasons.begin(), plan.seasons.end(),
                           [&](const PlannedSeason& s) { return s.season == *panel.number; });
    if (it == plan.seasons.end()) {
      plan.seasons.push_back(PlannedSeason{*panel.number, {}});
      it = std::prev(plan.seasons.end());
    }
    for (const auto& episode : panel.episodes) {
      it->episodes.push_back(PlannedEpisode{next_number++, episode.label, episode.url});
    }
  }
  for (const auto& season : plan.seasons) plan.total_episodes += season.episodes.size();
  return plan;
}

}  // namespace scrapers::opensubtitles
