// Fitting a freshly read chapter list onto the segments an edition already has.
//
// Editions written by the original worker (numbered by list index, so a prologue is 1
// and "Chapter 1" is 2) or by an older version must not be scrambled: chapters are
// matched to existing segments by chapter id (the last path component of the URL)
// before number. A chapter matched by id keeps its segment, whatever number that has
// (only the title is refreshed). A chapter with no match takes its own number when that
// is free, or when it holds a segment that no chapter of the list matches and that has
// no content (a stale row is re-pointed). Otherwise it is a conflict: a segment with
// content, or one another chapter matched, is never re-pointed; the conflict is reported
// with both sides and left alone. Pure: no database, no network.
#pragma once

#include <string>
#include <vector>

#include "scrapers/chereads/parse.hpp"
#include "tracking/catalog.hpp"

namespace scrapers::chereads {

struct SegmentConflict {
  ChapterRef chapter;         // the chapter the list has under this number
  tracking::Segment segment;  // the segment that already holds the number
  std::string reason;         // "segment has content", "segment is chapter <id> of the list"
};

struct SegmentMatchPlan {
  std::vector<tracking::SegmentInput> upserts;  // by number; one per chapter kept
  std::size_t matched_by_id = 0;                // chapters found on an existing segment by chapter id
  std::size_t renumbered_elsewhere = 0;         // of those, on a segment numbered differently
  std::vector<SegmentConflict> conflicts;       // chapters left out
};

// The chapter id of a chereads chapter URL (its last non-empty path component), or "".
std::string chapter_id_of_url(std::string_view url);

SegmentMatchPlan plan_segment_matches(const std::vector<ChapterRef>& chapters,
                                      const std::vector<tracking::Segment>& existing);

}  // namespace scrapers::chereads
