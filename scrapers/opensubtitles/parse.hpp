// Parsing an opensubtitles.com TV-show page (/{locale}/tvshows/{year}-{slug}).
//
// The page is Bootstrap-style server HTML: one `#accordion-list > li.panel` per
// season, its `.box-sub-season-link` reading "Season N" (or e.g. "Specials"),
// and one `.list-subtitles-inside > li.box-sub` per episode holding a
// `.label-default` code ("S01E01") and a `.box-sub-headline a` link.
// parse_show_page reports every panel in page order: numbered, unnumbered and
// empty ones alike (deciding which become editions is plan_show's job). Links are
// resolved against page_url, the page's address on the configured site base.
// Errors: a Cloudflare challenge is ErrorKind::blocked; a page without the season
// list, without panels, with a panel lacking its header, or whose panels hold no
// episode at all (e.g. loaded by script) is ErrorKind::layout_changed, never
// "0 episodes"; undecodable bytes are ErrorKind::bad_encoding. An episode without a
// code label is skipped with a warning; one without a usable link keeps an empty url.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/util/error.hpp"
#include "scrapers/opensubtitles/episode_code.hpp"

namespace scrapers::opensubtitles {

struct ShowEpisode {
  std::string label;                // "S01E01", whitespace collapsed
  std::string title;                // link text ("I’m Used to It"), may be empty
  std::string url;                  // absolute episode link, "" when none usable
  std::optional<EpisodeCode> code;  // parsed from the label
};

struct ShowSeason {
  std::string header;         // "Season 1", "Specials"
  std::optional<int> number;  // N of "Season N"; nullopt for "Specials" and the like
  std::vector<ShowEpisode> episodes;
};

struct ShowPage {
  std::string title;                  // the page's h1, "" when absent
  std::vector<ShowSeason> seasons;    // every panel, page order
  std::vector<std::string> warnings;  // items skipped, for the run's log

  std::size_t episode_count() const;
};

Result<ShowPage> parse_show_page(std::string_view body, std::string_view page_url,
                                 std::string_view content_type = {});

// Cloudflare's interstitial: any of the shared challenge markers
// (common/text/challenge.hpp).
bool is_challenge_page(std::string_view body);

// N from /Season\s+(\d+)/i (the first match; at most six digits); nullopt otherwise.
std::optional<int> season_number_of(std::string_view header);

// "/{locale}/tvshows/{year}-{slug}" with an optional trailing slash: locale of
// letters and '-' (en, pt-BR), a four-digit year, a non-empty slug of ASCII
// letters, digits, '-', '_', '.' and percent escapes.
bool is_tvshow_path(std::string_view path);

}  // namespace scrapers::opensubtitles
