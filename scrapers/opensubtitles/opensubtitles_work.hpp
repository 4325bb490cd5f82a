// opensubtitles-work: the episode list of an opensubtitles.com TV-show page into the
// catalog.
//
//   opensubtitles-work -u|--url <tvshow-url> (-w|--workId <uuid> | -t|--title <title>)
//                      [-p|--provider opensubtitles]
//
// The work is an existing one (--workId, looked up before the job; an unknown id
// fails the job; a --title given too is ignored, with one warning line) or a new one
// created from --title inside the job, only once the
// page was fetched and parsed (so a failed run leaves no empty work; the job's
// work_id is set when it is created). The page is fetched and parsed (parse.hpp);
// each numbered season that lists episodes becomes one edition (media_type 'anime',
// provider '{provider}-s{N}', canonical_url = the page URL; get-or-create, so a
// re-run adds nothing) and its episodes are upserted in one statement as 'episode'
// segments numbered 1..N across all seasons in page order, titled by their label.
// "Specials" and empty seasons are reported in the output, not stored. A challenge
// page fails the job as blocked, an unrecognised page as layout_changed.
// Job: input {url, provider, scriptType:'scrape-opensubtitles-work', totalSegments}
// (totalSegments merged once known), work_id at creation (--workId) or once the
// work is created (--title). Output {workId,
// seasonCount, totalEpisodes, editions, skippedSeasons, inserted, updated,
// unchanged, total, success, failed, errors}, also printed on stdout.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "scrapers/opensubtitles/site.hpp"
#include "scrapers/runtime/services.hpp"
#include "tracking/database.hpp"

namespace scrapers::opensubtitles {

inline constexpr std::string_view kWorkScriptType = "scrape-opensubtitles-work";

struct OpensubtitlesWorkOptions {
  std::string url;
  std::optional<std::string> work_id;
  std::optional<std::string> title;
  std::string provider = "opensubtitles";
};

inline constexpr std::size_t kMaxProviderLength = 64;  // characters (code points)

// A label the original worker accepted and a catalog row can hold: valid UTF-8, 1 to
// kMaxProviderLength characters, not only spaces, no control character (C0 — tab and
// newline included —, DEL, C1, U+2028/U+2029). It names the editions only: no object
// key or file path is ever made from it.
bool is_provider_label(std::string_view provider);

// "" when the options are usable against `urls` (--url on its site_base), else one
// line naming the bad argument.
std::string validate_work_options(const OpensubtitlesWorkOptions& options, const SiteUrls& urls);

int run_opensubtitles_work(const OpensubtitlesWorkOptions& options, tracking::Database& db,
                           runtime::Services& services);

}  // namespace scrapers::opensubtitles
