// readnovel-segment: chapter content for readnovel segments.
//
// Segments come from the command line (in the order given, duplicates once) or, with
// --edition, are the edition's segments without an asset, by number (none pending:
// said so, exit 0, no job). The job (input {segmentIds, scriptType:
// 'scrape-readnovel-segment', totalSegments}) records the first segment's work_id
// and edition_id before processing. A segment that already has an asset is skipped
// without any request. For the others the chapter slug is taken from canonical_url;
// the content comes from the getchapter JSON API, else from the chapter page HTML
// (fetch.hpp); the text is cleaned (text_clean.hpp), refused under 100 characters,
// turned into the shared standalone HTML document and stored under
// raw/novel/{work}/{edition}/number-{NNNN}/{title}.html, then registered
// (cleaned_text, text/html, pipeline) and linked (role 'content') in one statement.
// Requests are paced by --delay (the transport waits between requests to a host).
// Per-segment failures are counted and listed; the run goes on. The job is failed
// when any attempted segment failed (exit 1) or the run stopped early (interrupt:
// exit 130); otherwise success (runtime::batch_failure holds the rule).
// Output: {totalSegments, success, skipped, failed, notAttempted, failures,
// replacementCharacters, watermarkLines} plus total.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "scrapers/runtime/segment_batch.hpp"
#include "scrapers/runtime/services.hpp"
#include "tracking/database.hpp"

namespace scrapers::readnovel {

struct ReadnovelSegmentOptions {
  std::vector<std::string> segment_ids;
  std::optional<std::string> edition_id;
  std::int64_t delay_ms = 1000;
  std::int64_t limit = 0;  // 0 = no limit
};

inline constexpr const char* kSegmentScriptType = "scrape-readnovel-segment";

// Text-quality counters summed over the stored chapters.
struct ContentTotals {
  std::size_t replacement_characters = 0;
  std::size_t watermark_lines = 0;
};

int run_readnovel_segment(const ReadnovelSegmentOptions& options, tracking::Database& db,
                          runtime::Services& services);

nlohmann::json segment_output(const runtime::BatchStats& stats, const ContentTotals& totals);

}  // namespace scrapers::readnovel
