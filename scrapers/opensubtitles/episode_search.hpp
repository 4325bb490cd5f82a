// Finding the subtitle of one episode: which searches are sent and what is chosen.
//
// - By name, then by id: searches send the show's name (the search text when one is
//   given, else the show title) until one match was certain (subtitle_choice.hpp:
//   the chosen result carries the show's ids and no other show answered to the same
//   title); from then on, for the rest of the run, they send the show's id instead of
//   any text: parent_feature_id, else parent_imdb_id, else parent_tmdb_id. The ids are
//   kept here only, for the run (show(), learned_from()); the data model has no place
//   on the edition for them, so the job's output reports them.
// - Choice: only among results of the show, season and episode searched
//   (choose_episode_subtitle); never a guess.
// - Pages: page 1, and while it holds no acceptable result and the answer's
//   total_pages says there are more, the next page, at most kMaxSearchPages pages.
// - Fallback: when the episode's own number finds nothing, the segment's sequential
//   number is searched once as the episode (same rules).
// - Nothing chosen: EpisodeFind::reason says why in one line: several shows answered
//   to the title (their ids), or nothing acceptable, with what was passed over.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "common/util/error.hpp"
#include "scrapers/opensubtitles/api_client.hpp"
#include "scrapers/opensubtitles/episode_code.hpp"
#include "scrapers/opensubtitles/subtitle_choice.hpp"

namespace scrapers::opensubtitles {

inline constexpr int kMaxSearchPages = 3;

struct SearchSettings {
  std::string show_title;                  // the show to match (--seriesName)
  std::optional<std::string> search_text;  // sent instead of show_title while searching by name
  std::string languages;                   // normalised, comma-separated
  bool allow_ai_translated = false;
};

struct SearchCounts {
  std::size_t searches = 0;           // GET /subtitles requests
  std::size_t fallback_searches = 0;  // episodes searched again with the sequential number
  std::size_t extra_pages = 0;        // requests for page 2 and later
  std::size_t searches_by_id = 0;     // requests that sent the show's id instead of its name
};

struct EpisodeFind {
  std::optional<SubtitleChoice> choice;
  std::string reason;  // when nothing was chosen
};

class EpisodeSearch {
 public:
  EpisodeSearch(ApiClient& client, SearchSettings settings);

  Result<EpisodeFind> find(EpisodeCode code, std::optional<int> sequential_number);

  const ShowIdentity& show() const noexcept { return show_; }
  // The episode ("S01E01") whose match made the show's ids certain, when they are.
  const std::optional<std::string>& learned_from() const noexcept { return learned_from_; }
  const SearchCounts& counts() const noexcept { return counts_; }

 private:
  Result<ChoiceReport> search_pages(int season, int episode);
  SearchQuery query_for(int season, int episode, int page) const;
  void remember(const ChoiceReport& report, EpisodeCode code);

  ApiClient* client_;
  SearchSettings settings_;
  ChoiceOptions options_;
  ShowIdentity show_;
  std::optional<std::string> learned_from_;
  SearchCounts counts_;
};

}  // namespace scrapers::opensubtitles
