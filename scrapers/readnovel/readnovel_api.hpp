// readnovel-api: the chapter list of a readnovel.eu novel, from the wuxiaworld.eu API,
// into the catalog.
//
// The job (input {novelSlug, scriptType: 'scrape-readnovel-api', apiUrl}; work_id at
// creation when the work exists) fetches {READNOVEL_API_BASE}/api/chapters/{slug}/ as
// JSON, gets or creates the work's edition (media_type 'novel', provider 'readnovel',
// canonical_url https://readnovel.eu/novel/{slug}; race-free) and records its id on
// the job at once, then upserts every chapter as a segment (number = index, title,
// canonical_url https://readnovel.eu/chapter/{novSlugChapSlug}) in one statement:
// new → inserted, url changed → updated, else skipped. A malformed element is
// counted in `errors` (and listed in `problems`), not fatal. A work has one readnovel
// edition: when it already exists for another novel's URL the job fails rather than
// mixing two novels' chapters.
// Failures (unknown work, unknown slug, HTML or a challenge instead of JSON,
// malformed JSON, no usable element) end the job failed with one clear line, exit 1.
// Output: {editionId, totalChapters, inserted, updated, skipped, errors, problems}
// plus total (= totalChapters), success (= inserted + updated + skipped), failed (= errors).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "scrapers/readnovel/parse.hpp"
#include "scrapers/runtime/services.hpp"
#include "tracking/catalog.hpp"
#include "tracking/database.hpp"

namespace scrapers::readnovel {

struct ReadnovelApiOptions {
  std::string work_id;
  std::string novel_slug;
};

inline constexpr const char* kApiScriptType = "scrape-readnovel-api";
inline constexpr const char* kProvider = "readnovel";
// At most this many element problems are listed in the job output (all are counted).
inline constexpr std::size_t kMaxListedProblems = 50;

int run_readnovel_api(const ReadnovelApiOptions& options, tracking::Database& db, runtime::Services& services);

// The segments to upsert for a parsed list (canonical readnovel.eu chapter URLs).
std::vector<tracking::SegmentInput> segment_inputs(const ChapterList& list);

// The job output for a list and its upsert counts.
nlohmann::json api_output(const std::string& edition_id, const ChapterList& list,
                          const tracking::UpsertCounts& counts);

}  // namespace scrapers::readnovel
