// Whether a search result is a subtitle of the show and the episode a run is after.
//
// A name search is fuzzy: its answer mixes in other shows that share a word or an
// episode title. A result counts for the show only through its own feature_details:
//   - once the show's ids are known (ShowIds: parent_feature_id, parent_imdb_id,
//     parent_tmdb_id), by those ids: any id both sides carry must be equal (one that
//     differs makes it another show); a result that carries none of the known ids is
//     judged by its title as below;
//   - otherwise by parent_title, compared after normalize_show_title on both sides.
// A result whose show cannot be told (no parent title, no id shared with the known
// ones) never matches.
// Its season_number and episode_number must equal the ones searched (missing = no).
//
// normalize_show_title is deliberately conservative: it folds only differences of
// spelling, never of words. Case (ASCII, Latin-1/Latin Extended-A, Greek, Cyrillic),
// diacritics (Latin letters with accents lose them: "Pokémon" = "Pokemon"; combining
// marks are dropped; ß → ss, æ → ae, œ → oe, ø → o), apostrophes (removed: "Hell's" =
// "Hells"), every other punctuation or symbol (a word break: "Re:Zero" = "Re Zero"),
// "&" (= "and"), spacing (all spaces removed: "Re Zero" = "ReZero") and one leading
// "The". Letters of other scripts are kept as they are. "Solo Leveling" and "Solo
// Leveling: Ragnarok" stay different shows.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "scrapers/opensubtitles/search_response.hpp"

namespace scrapers::opensubtitles {

std::string normalize_show_title(std::string_view title);

struct ShowIds {
  std::optional<std::int64_t> feature_id;  // parent_feature_id
  std::optional<std::int64_t> imdb_id;     // parent_imdb_id (no "tt")
  std::optional<std::int64_t> tmdb_id;     // parent_tmdb_id

  bool empty() const noexcept { return !feature_id && !imdb_id && !tmdb_id; }
  bool operator==(const ShowIds&) const = default;
};

// The parent ids a result carries.
ShowIds show_ids_of(const SubtitleResult& result);

// The show a run looks for: the title it was given and, once one match was
// certain, the ids the API gave for that show.
struct ShowIdentity {
  std::string title;
  ShowIds ids;
};

enum class ShowVerdict {
  same_show,     // by ids, or by title when no id is shared
  other_show,    // an id differs, or the title does
  unknown_show,  // no parent title and no id shared with the known ones
};

struct ShowVerdictDetail {
  ShowVerdict verdict = ShowVerdict::unknown_show;
  bool by_ids = false;  // decided by an id (not by the title)
};

ShowVerdictDetail judge_show(const ShowIdentity& show, const SubtitleResult& result);

// feature_details season_number and episode_number equal the ones given.
bool is_episode(const SubtitleResult& result, int season, int episode);

}  // namespace scrapers::opensubtitles
