// bulk-download-subtitles: subtitles for the episodes of an edition (or of every
// anime edition of a work, or of the segments named) through the OpenSubtitles REST API.
//
//   bulk-download-subtitles [-w|--workId <uuid>] [-e|--editionId <uuid>] [--segmentId <uuid>]...
//                           (-s|--seriesName <name> | --query <text>) [-l|--languages en]
//                           [-d|--delay 1000] [--limit N] [--allow-ai]
//
// What the run covers (bulk_scope.hpp): --editionId's edition, else --workId's anime
// editions; --segmentId (repeatable) narrows it to those segments, which alone also
// name their edition(s) and work. Given together, --editionId must be an edition of
// --workId and every --segmentId a segment of them: otherwise the arguments contradict
// each other, one line and exit 2 (runtime/pre_job_lookup.hpp). --query replaces the
// search text (by default --seriesName); --seriesName defaults to --query.
//
// Environment: OPENSUBTITLES_API_KEY (required), OPENSUBTITLES_USERNAME and
// OPENSUBTITLES_PASSWORD (optional, both or neither: log in for the account's
// quota), OPENSUBTITLES_USER_AGENT (default "ChapterBridge v1.0.0"),
// OPENSUBTITLES_BASE_URL. Requests are paced at 5 per second and at least --delay
// apart per host; 429 answers are retried after Retry-After by the transport.
// Segments that already have a 'subtitle' asset are skipped without any API call;
// so are titles without SxxEyy, which do not use up a --limit slot either (listed
// in skippedTitles); --limit caps the episodes attempted. A 406 quota answer stops
// the run at once: the rest is counted notAttempted, the run is a success when
// something was downloaded and no episode failed (failed otherwise) and the output carries
// quotaExhausted and the reset time. 401/403 fail the run; so does a login
// (credentials given) that fails for any reason: nothing is then downloaded
// anonymously. The API key, the token and the password never appear in logs, job
// rows or errors.
// Job: input {seriesName, languages, scriptType:'bulk-download-subtitles', delay,
// limit, segmentIds?, query?}, work_id and edition_id at creation (edition_id when the
// run has exactly one edition; with several, edition_id follows the edition being
// processed; segment_id when exactly one --segmentId). A database failure while
// resolving the work, edition or segments, or an id that names no row, fails the job
// (the row exists). Output {total, success, failed, errors, skipped, notAttempted,
// beyondLimit, alreadyPresent, notFound, withoutEpisodeCode, quotaExhausted,
// nothingFound, remaining?, quotaResetTime?, ...}, also printed on stdout. `total` is
// the number of episodes the run set out to process: those pending (no subtitle yet,
// an SxxEyy title) after --limit, before any stop; each of them ends success, failed,
// notFound or — left by a quota stop, a refused login or an interrupt — notAttempted,
// so total = success + failed + notFound + notAttempted. beyondLimit counts the pending
// episodes --limit left for a later run. nothingFound (and a
// WARN line) when searches were answered and not one episode had a subtitle (e.g.
// a wrong --seriesName); the job still succeeds. Any failed episode fails the job.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/util/error.hpp"
#include "scrapers/runtime/services.hpp"
#include "tracking/database.hpp"

namespace scrapers::opensubtitles {

inline constexpr std::string_view kBulkScriptType = "bulk-download-subtitles";
inline constexpr int kApiRequestsPerMinute = 300;    // 5 per second
inline constexpr std::size_t kMaxSegmentIds = 1000;  // --segmentId given at most this often

struct BulkDownloadOptions {
  std::optional<std::string> work_id;
  std::optional<std::string> edition_id;
  std::vector<std::string> segment_ids;  // --segmentId, as given
  std::optional<std::string> series_name;
  std::optional<std::string> query;  // search text instead of the series name
  std::string languages = "en";
  long long delay_ms = 1000;
  std::optional<std::size_t> limit;
  bool allow_ai = false;
};

struct ApiEnvironment {
  std::string api_key;  // secret
  std::optional<std::string> username;
  std::optional<std::string> password;  // secret
  std::string user_agent;
};

// The variables above; invalid_argument naming the variable that is missing or
// incomplete (never its value).
Result<ApiEnvironment> api_environment_from_env();

// "" when usable, else one line naming the bad argument.
std::string validate_bulk_options(const BulkDownloadOptions& options);

// The show's name (--seriesName, else --query) and the text searched for (--query,
// else --seriesName), for validated options.
const std::string& show_name(const BulkDownloadOptions& options);
const std::string& search_text(const BulkDownloadOptions& options);

int run_bulk_download(const BulkDownloadOptions& options, tracking::Database& db, runtime::Services& services);

}  // namespace scrapers::opensubtitles
