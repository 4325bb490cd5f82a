#include "scrapers/readnovel/readnovel_segment.hpp"

#include <algorithm>
#include <optional>
#include <set>

#include "common/util/log.hpp"
#include "scrapers/readnovel/segment_content.hpp"
#include "scrapers/readnovel/site.hpp"
#include "scrapers/runtime/batch_ending.hpp"
#include "scrapers/runtime/configuration.hpp"
#include "scrapers/runtime/job_runner.hpp"
#include "scrapers/runtime/pre_job_lookup.hpp"
#include "tracking/catalog.hpp"

namespace scrapers::readnovel {
namespace {

using nlohmann::json;

// What the job is about, worked out before it is created.
struct Plan {
  std::vector<std::string> segment_ids;
  bool nothing_pending = false;
};

std::vector<std::string> unique_in_order(const std::vector<std::string>& ids) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const std::string& id : ids) {
    if (seen.insert(id).second) out.push_back(id);
  }
  return out;
}

// --edition: the pending segments (no asset yet), by number.
Result<Plan> plan_for_edition(tracking::Database& db, const std::string& edition_id) {
  Plan plan;
  auto edition = runtime::look_up_edition(db, edition_id);
  if (!edition.ok()) return std::move(edition).error();
  tracking::SegmentQuery query;
  query.edition_id = edition_id;
  auto segments = tracking::list_segments(db, query);
  if (!segments.ok()) {
    return runtime::lookup_failed("list the segments of edition " + edition_id, std::move(segments).error());
  }
  for (const tracking::Segment& segment : segments.value()) {
    if (!segment.has_asset) plan.segment_ids.push_back(segment.id);
  }
  log::info("edition " + edition_id + ": " + std::to_string(segments->size()) + " segments, " +
            std::to_string(plan.segment_ids.size()) + " pending");
  // An edition without segments is not "done": its chapter list was never imported.
  if (segments->empty()) {
    return make_error(ErrorKind::not_found, "edition " + edition_id + " has no segments (run readnovel-api first)");
  }
  plan.nothing_pending = plan.segment_ids.empty();
  return plan;
}

// The segments in plan order; an id with no row becomes a placeholder the
// processor reports as not found.
std::vector<tracking::Segment> load_plan(tracking::Database& db, const Plan& plan,
                                         std::set<std::string>& missing) {
  std::vector<tracking::Segment> loaded = tracking::load_segments(db, plan.segment_ids, std::nullopt)
                                              .value_or_throw();
  std::vector<tracking::Segment> ordered;
  for (const std::string& id : plan.segment_ids) {
    const auto it = std::find_if(loaded.begin(), loaded.end(), [&](const auto& s) { return s.id == id; });
    if (it != loaded.end()) {
      ordered.push_back(*it);
    } else {
      tracking::Segment placeholder;
      placeholder.id = id;
      ordered.push_back(placeholder);
      missing.insert(id);
    }
  }
  return ordered;
}

runtime::BatchEnding run_batch(const ReadnovelSegmentOptions& options, const Plan& plan, const SiteUrls& site,
                               runtime::JobContext& ctx, runtime::Services& services) {
  std::set<std::string> missing;
  const std::vector<tracking::Segment> segments = load_plan(ctx.db(), plan, missing);
  const auto first = std::find_if(segments.begin(), segments.end(),
                                  [&](const auto& s) { return !missing.count(s.id); });
  if (first != segments.end()) ctx.set_ids({.work_id = first->work_id, .edition_id = first->edition_id});
  runtime::BatchOptions batch;
  batch.limit = static_cast<std::size_t>(options.limit);
  batch.noun = "chapters";
  batch.on_progress = runtime::progress_of(ctx);
  ContentTotals totals;
  const runtime::BatchStats stats = runtime::run_segment_batch(
      segments, batch, [&](const tracking::Segment& segment) {
        if (missing.count(segment.id)) return runtime::SegmentOutcome::failed("segment not found");
        return process_segment(segment, ctx.db(), services, site, totals);
      });
  return runtime::end_batch(stats, "chapters", segment_output(stats, totals));
}

}  // namespace

json segment_output(const runtime::BatchStats& stats, const ContentTotals& totals) {
  return {{"totalSegments", stats.total},
          {"success", stats.stored},
          {"skipped", stats.skipped},
          {"failed", stats.failed},
          {"notAttempted", stats.not_attempted},
          {"failures", stats.failures},
          {"replacementCharacters", totals.replacement_characters},
          {"watermarkLines", totals.watermark_lines},
          {"total", stats.total}};
}

int run_readnovel_segment(const ReadnovelSegmentOptions& options, tracking::Database& db,
                          runtime::Services& services) {
  auto site = SiteUrls::from_env();
  if (!site.ok()) return runtime::configuration_error(site.error());
  Plan plan;
  std::optional<Error> planning_error;  // fails the job once it exists
  if (options.edition_id) {
    auto planned = plan_for_edition(db, *options.edition_id);
    if (!planned.ok()) {
      planning_error = std::move(planned).error();
    } else {
      plan = std::move(planned).value();
    }
    // A job row someone prepared for this run still gets its ending (success, zero counts).
    if (plan.nothing_pending && !runtime::adopting_a_job()) {
      log::info("nothing to do: every segment of edition " + *options.edition_id + " already has an asset");
      return runtime::exit_code::ok;
    }
  } else {
    plan.segment_ids = unique_in_order(options.segment_ids);
  }
  runtime::JobSpec spec;
  spec.input = {{"segmentIds", plan.segment_ids},
                {"scriptType", kSegmentScriptType},
                {"totalSegments", plan.segment_ids.size()}};
  return runtime::run_batch_job(db, spec, [&](runtime::JobContext& ctx) {
    if (planning_error) throw ErrorException(*planning_error);
    return run_batch(options, plan, *site, ctx, services);
  });
}

}  // namespace scrapers::readnovel
