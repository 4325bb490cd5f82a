// chereads-segment: chapter content for the segments of a chereads edition.
//
// The job (input {startChapter, endChapter, delay, scriptType:
// 'scrape-chereads-segment'} (+ limit), work_id and edition_id at creation) takes the
// edition's segments with start <= number <= end in order. Segments that already
// hold an asset, or have no url, are skipped without a request; a url off the
// configured chereads site (CHEREADS_BASE) is a failure, never fetched. Each other chapter
// page is fetched (the transport waits --delay between requests), parsed
// (parse_chapter_page), turned into the shared standalone HTML document and stored,
// registered (cleaned_text, text/html, pipeline) and linked (role 'content') under
// raw/novel/{work}/{edition}/number-{NNNN}/{title}.html — exactly as
// readnovel-segment does. A locked chapter is counted `locked`, not an error; a
// challenge is `blocked`, and three blocked answers in a row stop the run.
// An unknown edition fails the job (no ids) with a clear message.
// Output: {totalSegments, success, skipped, errors, locked, blocked, notAttempted,
// failures} plus total/success/failed. Any failed chapter fails the job (exit 1).
#pragma once

#include <cstdint>
#include <string>

#include "scrapers/runtime/services.hpp"
#include "tracking/database.hpp"

namespace scrapers::chereads {

struct ChereadsSegmentOptions {
  std::string edition_id;
  std::int64_t start = 1;
  std::int64_t end = 999999;
  std::int64_t delay_ms = 2000;
  std::int64_t limit = 0;  // 0 = no limit
};

inline constexpr const char* kSegmentScriptType = "scrape-chereads-segment";
inline constexpr int kStopAfterConsecutiveBlocked = 3;

int run_chereads_segment(const ChereadsSegmentOptions& options, tracking::Database& db,
                         runtime::Services& services);

}  // namespace scrapers::chereads
