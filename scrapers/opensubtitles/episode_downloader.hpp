// One episode of bulk-download-subtitles: from a segment to stored subtitles.
//
// skip_reason() names titles without SxxEyy (counted and listed in untitled()), so the
// batch skips them without a request and without using up a --limit slot.
// process() reads SxxEyy from the segment title (none: skipped and listed), logs in
// first when credentials were given (once, on the first episode that needs the API;
// a login that fails for any reason stops the run and fails it: fatal(), so no
// episode is ever downloaded anonymously instead), then finds the subtitle through
// EpisodeSearch (episode_search.hpp: only results of the show, season and episode;
// by name until the show's ids are certain, then by id; up to 3 result pages; the
// sequential number as a fallback). Nothing found: skipped and counted notFound with
// the reason. Found: every part of the chosen subtitle is downloaded (one file for
// most; `files` with several entries are CDs/parts of one episode) and only then
// stored, unchanged, as 'raw_subtitle' assets linked with role 'subtitle' (blob
// first, then row and link in one statement), in part order, under
//   raw/anime/{work}/{edition}/episode-{E}/{sanitised file name}          one part
//   raw/anime/{work}/{edition}/episode-{E}/part-{i}-of-{N}-{sanitised name} several
// so the keys are distinct and sort in part order. A part that cannot be downloaded
// fails the episode (or stops the run on a quota answer) with nothing stored, so an
// episode is never kept with some of its parts only.
// A segment whose SxxEyy is the same as another segment's of the edition that already
// holds a subtitle under that episode's key prefix fails before any request (no
// search, no download spent): the file and key would be the same, and an asset is
// never shared or overwritten across segments.
// Outcomes: stored; skipped (no code, nothing found); failed (a per-episode problem,
// the run goes on); blocked; stop when the download quota is exhausted (quota()
// then says when it resets) or when the API refuses the key, token or login
// (fatal() holds that error, the run fails).
// report() is what the job's output adds: show {title, parentFeatureId,
// parentImdbId, parentTmdbId, learnedFrom} (null until a match was certain),
// searchesById, extraPages, multiPartEpisodes, partsStored.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/storage/blob_store.hpp"
#include "common/util/error.hpp"
#include "scrapers/opensubtitles/api_client.hpp"
#include "scrapers/opensubtitles/episode_code.hpp"
#include "scrapers/opensubtitles/episode_search.hpp"
#include "scrapers/opensubtitles/subtitle_choice.hpp"
#include "scrapers/runtime/segment_batch.hpp"
#include "tracking/catalog.hpp"
#include "tracking/database.hpp"

namespace scrapers::opensubtitles {

struct Login {
  std::string username;
  std::string password;  // secret
};

struct DownloaderSettings {
  std::string series_name;  // the show every chosen result must belong to
  std::string languages;    // normalised, comma-separated
  bool allow_ai_translated = false;
  std::optional<Login> login;
  std::optional<std::string> search_text;  // searched for instead of series_name (--query)
};

struct DownloaderCounts {
  std::size_t searched_episodes = 0;  // episodes whose search(es) got an answer
  std::size_t not_found = 0;
  std::size_t without_code = 0;
  std::size_t searches = 0;
  std::size_t fallback_searches = 0;
  std::size_t links_requested = 0;
  std::size_t multi_part_episodes = 0;  // stored episodes whose subtitle has several parts
  std::size_t parts_stored = 0;         // assets stored (one per part)
};

class EpisodeDownloader {
 public:
  EpisodeDownloader(ApiClient& client, tracking::Database& db, storage::BlobStore& blobs,
                    DownloaderSettings settings);

  // Why the segment is skipped without any request (its title has no SxxEyy), or nullopt.
  std::optional<std::string> skip_reason(const tracking::Segment& segment);
  runtime::SegmentOutcome process(const tracking::Segment& segment);

  const std::optional<Error>& fatal() const noexcept { return fatal_; }
  bool quota_exhausted() const noexcept { return quota_exhausted_; }
  bool logged_in() const noexcept { return client_->logged_in(); }
  const DownloaderCounts& counts() const noexcept { return counts_; }
  // [{segmentId, number, title}] of titles without an SxxEyy code.
  const nlohmann::json& untitled() const noexcept { return untitled_; }
  // The fields the job's output adds (see above).
  nlohmann::json report() const;

 private:
  runtime::SegmentOutcome login_failed(const Error& error);
  runtime::SegmentOutcome outcome_for(const Error& error, const std::string& what);
  runtime::SegmentOutcome download_and_store(const tracking::Segment& segment, EpisodeCode code,
                                             const SubtitleChoice& chosen);
  Status ensure_login();
  void sync_search_counts();

  ApiClient* client_;
  tracking::Database* db_;
  storage::BlobStore* blobs_;
  DownloaderSettings settings_;
  EpisodeSearch search_;
  bool login_attempted_ = false;
  bool quota_exhausted_ = false;
  std::optional<Error> fatal_;
  DownloaderCounts counts_;
  nlohmann::json untitled_ = nlohmann::json::array();
};

}  // namespace scrapers::opensubtitles
