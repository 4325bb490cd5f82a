#include "scrapers/opensubtitles/bulk_scope.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

#include "scrapers/runtime/pre_job_lookup.hpp"

namespace scrapers::opensubtitles {
namespace {

constexpr const char* kRole = "subtitle";

BulkScope with_problem(Error error) {
  BulkScope scope;
  scope.problem = std::move(error);
  return scope;
}

BulkScope with_contradiction(std::string message, std::string flag) {
  BulkScope scope;
  scope.contradiction = runtime::contradicting_arguments(std::move(message), std::move(flag));
  return scope;
}

BulkScope edition_scope(tracking::Database& db, const std::string& edition_id,
                        const std::optional<std::string>& work_id) {
  auto edition = runtime::look_up_edition(db, edition_id, "--editionId");
  if (!edition.ok()) return with_problem(std::move(edition).error());
  if (work_id && edition->work_id != *work_id) {
    return with_contradiction("edition " + edition_id + " belongs to work " + edition->work_id +
                                  ", not to --workId " + *work_id,
                              "--editionId");
  }
  BulkScope scope;
  scope.work_id = edition->work_id;
  scope.editions.push_back(std::move(*edition));
  return scope;
}

// The work's anime editions.
BulkScope work_scope(tracking::Database& db, const std::string& work_id) {
  auto exists = tracking::work_exists(db, work_id);
  if (!exists.ok())
    return with_problem(runtime::lookup_failed("look up work " + work_id, std::move(exists).error()));
  if (!*exists) return with_problem(runtime::does_not_exist("work", work_id, "--workId"));
  auto editions = tracking::editions_of_work(db, work_id);
  if (!editions.ok()) {
    return with_problem(
        runtime::lookup_failed("list the editions of work " + work_id, std::move(editions).error()));
  }
  BulkScope scope;
  scope.work_id = work_id;
  for (auto& edition : *editions) {
    if (edition.media_type == "anime") scope.editions.push_back(std::move(edition));
  }
  if (scope.editions.empty()) {
    return with_problem(make_error(ErrorKind::not_found,
                                   "work " + work_id + " has no anime edition (run opensubtitles-work first)",
                                   "--workId"));
  }
  return scope;
}

std::vector<std::string> unique_in_order(const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  for (const auto& id : ids) {
    if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
  }
  return out;
}

// Why `segment` does not belong where the other flags say, or "".
std::string misplaced(const tracking::Segment& segment, const ScopeRequest& request, const std::string& work_id) {
  const std::string which = "segment " + segment.id + " belongs to ";
  if (request.edition_id && segment.edition_id != *request.edition_id) {
    return which + "edition " + segment.edition_id + ", not to --editionId " + *request.edition_id;
  }
  if (request.work_id && segment.work_id != *request.work_id) {
    return which + "work " + segment.work_id + ", not to --workId " + *request.work_id;
  }
  if (segment.work_id != work_id)
    return which + "work " + segment.work_id + ", the other segments to work " + work_id;
  return {};
}

// The distinct editions of `segments`, in order of first appearance.
Result<std::vector<tracking::Edition>> editions_of(tracking::Database& db,
                                                   const std::vector<tracking::Segment>& segments) {
  std::vector<tracking::Edition> editions;
  for (const auto& segment : segments) {
    const bool known = std::any_of(editions.begin(), editions.end(),
                                   [&](const tracking::Edition& e) { return e.id == segment.edition_id; });
    if (known) continue;
    auto edition = runtime::look_up_edition(db, segment.edition_id, "--segmentId");
    if (!edition.ok()) return std::move(edition).error();
    editions.push_back(std::move(*edition));
  }
  return editions;
}

BulkScope segment_scope(tracking::Database& db, const ScopeRequest& request) {
  if (request.edition_id) {  // the edition first: it must exist and belong to --workId
    BulkScope base = edition_scope(db, *request.edition_id, request.work_id);
    if (base.problem || base.contradiction) return base;
  }
  const std::vector<std::string> ids = unique_in_order(request.segment_ids);
  auto loaded = tracking::load_segments(db, ids, std::string(kRole));
  if (!loaded.ok())
    return with_problem(runtime::lookup_failed("look up the --segmentId segments", std::move(loaded).error()));
  for (const auto& id : ids) {
    const bool found = std::any_of(loaded->begin(), loaded->end(),
                                   [&](const tracking::Segment& s) { return s.id == id; });
    if (!found) return with_problem(runtime::does_not_exist("segment", id, "--segmentId"));
  }
  const std::string work_id = request.work_id.value_or(loaded->front().work_id);
  for (const auto& segment : *loaded) {
    if (std::string why = misplaced(segment, request, work_id); !why.empty())
      return with_contradiction(why, "--segmentId");
  }
  auto editions = editions_of(db, *loaded);
  if (!editions.ok()) return with_problem(std::move(editions).error());
  BulkScope scope;
  scope.work_id = work_id;
  scope.editions = std::move(*editions);
  scope.segments = std::move(*loaded);
  return scope;
}

}  // namespace

BulkScope resolve_bulk_scope(tracking::Database& db, const ScopeRequest& request) {
  if (!request.segment_ids.empty()) return segment_scope(db, request);
  if (request.edition_id) return edition_scope(db, *request.edition_id, request.work_id);
  return work_scope(db, *request.work_id);
}

std::vector<tracking::Segment> segments_in_scope(tracking::Database& db, const BulkScope& scope) {
  if (scope.segments) return *scope.segments;
  std::vector<tracking::Segment> all;
  for (const auto& edition : scope.editions) {
    tracking::SegmentQuery query;
    query.edition_id = edition.id;
    query.asset_role = kRole;
    auto segments = or_throw(tracking::list_segments(db, query));
    all.insert(all.end(), std::make_move_iterator(segments.begin()), std::make_move_iterator(segments.end()));
  }
  return all;
}

}  // namespace scrapers::opensubtitles
