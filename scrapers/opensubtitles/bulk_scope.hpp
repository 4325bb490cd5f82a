// What a bulk-download-subtitles run covers, resolved before its job exists (so the
// job's ids are set at creation), from --editionId, --workId and --segmentId.
//
//   --editionId E            E's segments (E must exist)
//   --workId W               the segments of W's anime editions, in creation order
//                            (W must exist and have one)
//   --segmentId S...         only those segments, in the order given, duplicates
//                            dropped; alone they name their edition(s) and work
// Given together, they must agree: E an edition of W, each S a segment of E (or of W);
// segments given alone must all belong to one work. Otherwise `contradiction` says so
// (invalid_argument, naming the flag): the arguments are wrong, the program exits 2.
// An id that names no row, or a database failure on the way, is `problem`
// (runtime/pre_job_lookup.hpp wording): it fails the job once the job exists.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/util/error.hpp"
#include "tracking/catalog.hpp"
#include "tracking/database.hpp"

namespace scrapers::opensubtitles {

struct ScopeRequest {
  std::optional<std::string> work_id;
  std::optional<std::string> edition_id;
  std::vector<std::string> segment_ids;
};

struct BulkScope {
  std::optional<std::string> work_id;
  std::vector<tracking::Edition> editions;
  // --segmentId's segments (has_asset: a 'subtitle' link), when the run is limited to them.
  std::optional<std::vector<tracking::Segment>> segments;
  std::optional<Error> problem;        // fails the job once it exists
  std::optional<Error> contradiction;  // bad arguments: exit 2
};

BulkScope resolve_bulk_scope(tracking::Database& db, const ScopeRequest& request);

// The scope's segments, ordered by edition then number (or as --segmentId gave them),
// with has_asset for the 'subtitle' role. Throws ErrorException on a database failure.
std::vector<tracking::Segment> segments_in_scope(tracking::Database& db, const BulkScope& scope);

}  // namespace scrapers::opensubtitles
