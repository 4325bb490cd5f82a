// chereads-work: the chapter list of a chereads.com book into the catalog.
//
// Before the job: the work is got or created (the given id; title 'Unknown Title'
// unless given). The job (input {url, title, scriptType: 'scrape-chereads-work'},
// work_id set at creation) then reads the chapter list — the novel page's embedded
// JSON first, the chapter-list HTML second; a page recognised as neither fails the
// job as layout_changed, a challenge as blocked — gets or creates the edition
// (media_type 'novel', provider 'chereads', canonical_url the given URL; job
// edition_id set at once) and upserts every chapter in one statement. Locked
// chapters are listed like the others and counted.
// Output: {workId, editionId, bookId, totalChapters, inserted, updated, skipped,
// locked, ignored, ignoredItems, source} plus total/success/failed.
#pragma once

#include <optional>
#include <string>

#include "scrapers/runtime/services.hpp"
#include "tracking/database.hpp"

namespace scrapers::chereads {

inline constexpr const char* kDefaultWorkTitle = "Unknown Title";
inline constexpr const char* kWorkScriptType = "scrape-chereads-work";

struct ChereadsWorkOptions {
  std::string url;
  std::string work_id;
  std::optional<std::string> title;

  std::string effective_title() const { return title.value_or(kDefaultWorkTitle); }
};

int run_chereads_work(const ChereadsWorkOptions& options, tracking::Database& db, runtime::Services& services);

}  // namespace scrapers::chereads
