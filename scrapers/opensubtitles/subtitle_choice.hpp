// Choosing the subtitle to download for one episode from a search result.
//
// With a target (choose_episode_subtitle), a result is considered only when it is a
// subtitle of the target's show, season and episode (show_match.hpp); the others are
// counted (other show, naming no show, other episode) and never chosen. When the
// results that match by title (the show's ids not known yet) belong to more than one
// show (different parent ids), nothing is chosen: `ambiguous_ids` lists them.
// A considered result qualifies when its language matches one of the wanted languages
// (case-insensitive; any language when none are given), it is not machine
// translated, it is not AI translated unless allow_ai_translated, and it has at
// least one file. Among qualifying results the choice prefers a trusted uploader
// (from_trusted), then the higher download_count (null counts as 0), then the
// API's own order. Null flags count as false.
// The choice carries every file of the result as ordered parts: by cd_number, files
// without one after the numbered ones in list order; file_id/file_name are part 1's.
// `certain_ids` holds the chosen result's show ids when the show match was certain (the
// result carries ids and no other show answered to the same title). The report also
// says why the other results were passed over, for the run's log and notFound reasons.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scrapers/opensubtitles/search_response.hpp"
#include "scrapers/opensubtitles/show_match.hpp"

namespace scrapers::opensubtitles {

struct ChoiceOptions {
  std::vector<std::string> languages;  // lower-case codes; empty = any language
  bool allow_ai_translated = false;
};

struct EpisodeTarget {
  ShowIdentity show;
  int season = 0;
  int episode = 0;
};

struct SubtitleChoice {
  std::size_t result_index = 0;  // into the results given
  std::string subtitle_id;
  std::int64_t file_id = 0;  // part 1
  std::optional<std::string> file_name;
  std::optional<std::string> language;
  std::vector<SubtitleFile> parts;  // every file, in order (one for most subtitles)
};

struct ChoiceReport {
  std::optional<SubtitleChoice> choice;
  std::optional<ShowIds> certain_ids;
  std::vector<std::int64_t> ambiguous_ids;  // several shows answered to the title: nothing chosen
  std::size_t other_show = 0;
  std::size_t unknown_show = 0;
  std::size_t other_episode = 0;
  std::size_t other_language = 0;
  std::size_t machine_translated = 0;
  std::size_t ai_translated = 0;
  std::size_t without_files = 0;
  std::vector<std::string> other_show_titles;  // distinct, as the API wrote them, at most 3

  // "3 results passed over: 2 for another show ('Blue Exorcist', 'Blue Period'), 1 machine-translated";
  // "" when none were.
  std::string summary() const;
  // Adds another page's counts (the choice and ids are not merged).
  void add_counts(const ChoiceReport& other);
};

// Ranking only, any show and episode.
ChoiceReport choose_subtitle(const std::vector<SubtitleResult>& results, const ChoiceOptions& options);
// Only among the results of the target's show, season and episode.
ChoiceReport choose_episode_subtitle(const std::vector<SubtitleResult>& results, const ChoiceOptions& options,
                                     const EpisodeTarget& target);

// "en,pt-br" -> {"en", "pt-br"} (normalised as normalize_languages does).
std::vector<std::string> language_list(std::string_view languages);

}  // namespace scrapers::opensubtitles
