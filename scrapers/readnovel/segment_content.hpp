// One readnovel segment's content, end to end: fetch (API, then page), clean, check
// the length, build the document, store + register + link. Used by readnovel-segment's
// batch loop; never throws for a per-segment problem (it becomes the outcome).
#pragma once

#include <string>

#include "scrapers/readnovel/parse.hpp"
#include "scrapers/readnovel/readnovel_segment.hpp"
#include "scrapers/readnovel/site.hpp"
#include "scrapers/readnovel/text_clean.hpp"
#include "scrapers/runtime/segment_batch.hpp"
#include "scrapers/runtime/services.hpp"
#include "tracking/catalog.hpp"
#include "tracking/database.hpp"

namespace scrapers::readnovel {

// The chapter as it will be stored: title, cleaned paragraphs and the document.
struct PreparedChapter {
  std::string title;
  CleanedText text;
  std::string document;
};

// Cleans fetched content; missing_field when the text is too short. The title is the
// content's own (cleaned), else the segment's.
Result<PreparedChapter> prepare_chapter(const ChapterContent& content, const tracking::Segment& segment);

// Fetches from `site` (the API first, then the chapter page).
runtime::SegmentOutcome process_segment(const tracking::Segment& segment, tracking::Database& db,
                                        runtime::Services& services, const SiteUrls& site, ContentTotals& totals);

}  // namespace scrapers::readnovel
