#include "scrapers/chereads/chereads_segment.hpp"

#include <optional>
#include <utility>

#include "common/http/base_url.hpp"
#include "common/util/log.hpp"
#include "scrapers/chereads/page_fetch.hpp"
#include "scrapers/chereads/parse.hpp"
#include "scrapers/chereads/site.hpp"
#include "scrapers/runtime/batch_ending.hpp"
#include "scrapers/runtime/chapter_document.hpp"
#include "scrapers/runtime/configuration.hpp"
#include "scrapers/runtime/failure_kind.hpp"
#include "scrapers/runtime/job_runner.hpp"
#include "scrapers/runtime/pre_job_lookup.hpp"
#include "scrapers/runtime/segment_assets.hpp"
#include "scrapers/runtime/segment_batch.hpp"
#include "tracking/catalog.hpp"

namespace scrapers::chereads {
namespace {

using nlohmann::json;
using runtime::SegmentOutcome;

SegmentOutcome outcome_of(const Error& error) {
  // An interrupt is the run's end, not this chapter's failure.
  if (error.kind == ErrorKind::interrupted) return SegmentOutcome::stop("interrupted by signal");
  if (error.kind == ErrorKind::blocked) return SegmentOutcome::blocked(error.describe());
  if (runtime::failure_kind_of(error) == tracking::FailureKind::permanent) {
    return SegmentOutcome::failed_for_good(error.describe());  // a retry of the job cannot fix it
  }
  return SegmentOutcome::failed(error.describe());
}

// Why a chapter is not fetched at all (no URL, or off the configured site), or nullopt.
std::optional<std::string> skip_reason(const tracking::Segment& segment, const SiteUrls& site) {
  if (!segment.canonical_url || segment.canonical_url->empty()) return "no url";
  const std::string& url = *segment.canonical_url;
  if (!http::is_on_site(url, site.base)) {
    return "url " + url + " is not on the configured chereads site (" + kBaseVariable + "=" + site.base +
           "); not fetched";
  }
  return std::nullopt;
}

// Fetches, parses and stores one chapter (skip_reason gave none); never throws for a
// per-chapter problem.
SegmentOutcome process_chapter(const tracking::Segment& segment, tracking::Database& db,
                               runtime::Services& services) {
  const std::string& url = segment.canonical_url.value_or(std::string());
  try {
    auto response = fetch_page(services.transport, url);
    if (!response.ok()) return outcome_of(response.error());
    auto page = parse_chapter_page(response->body, url, response->content_type_header());
    if (!page.ok()) return outcome_of(page.error());
    if (page->locked) return SegmentOutcome::locked();
    const std::string title = page->title.empty() ? segment.title : page->title;
    runtime::DocumentOptions document_options;
    document_options.canonical_url = url;
    // The key uses the catalog's title (stable across runs), the document the page's.
    const std::string& key_title = segment.title.empty() ? title : segment.title;
    runtime::SegmentAsset asset{runtime::chapter_asset_key(segment, key_title),
                                runtime::build_chapter_document(title, page->paragraphs, document_options,
                                                                runtime::ParagraphFormat::inline_html),
                                std::string(runtime::kChapterDocumentContentType), "cleaned_text", "content"};
    auto stored = runtime::store_segment_asset(db, services.blobs, segment.id, asset);
    if (!stored.ok()) return SegmentOutcome::failed(stored.error().describe());
    const std::string watermarks = page->watermark_lines > 0
                                       ? ", " + std::to_string(page->watermark_lines) + " watermark lines dropped"
                                       : "";
    return SegmentOutcome::stored(asset.key + " (" + std::to_string(page->characters) + " characters, " +
                                  std::string(to_string(page->source)) + watermarks + ")");
  } catch (const std::exception& e) {
    return SegmentOutcome::failed(e.what());
  }
}

json batch_output(const runtime::BatchStats& stats) {
  const std::size_t skipped = stats.skipped + stats.locked;
  return {{"totalSegments", stats.total},
          {"success", stats.stored},
          {"skipped", skipped},
          {"errors", stats.failed},
          {"locked", stats.locked},
          {"blocked", stats.blocked},
          {"notAttempted", stats.not_attempted},
          {"failures", stats.failures},
          {"skippedItems", stats.skipped_items},
          {"total", stats.total},
          {"failed", stats.failed}};
}

}  // namespace

int run_chereads_segment(const ChereadsSegmentOptions& options, tracking::Database& db,
                         runtime::Services& services) {
  auto site = SiteUrls::from_env();
  if (!site.ok()) return runtime::configuration_error(site.error());
  // Before the job so that its ids are set at creation; a failure is the job's failure
  // (the job row exists, without ids).
  const auto edition = runtime::look_up_edition(db, options.edition_id);
  runtime::JobSpec spec;
  spec.input = {{"startChapter", options.start},
                {"endChapter", options.end},
                {"delay", options.delay_ms},
                {"scriptType", kSegmentScriptType}};
  if (options.limit > 0) spec.input["limit"] = options.limit;
  if (edition.ok()) spec.ids = tracking::JobIds{{}, edition->work_id, edition->id, {}};
  return runtime::run_batch_job(db, spec, [&](runtime::JobContext& ctx) {
    if (!edition.ok()) throw ErrorException(edition.error());
    tracking::SegmentQuery query;
    query.edition_id = options.edition_id;
    query.min_number = std::to_string(options.start);
    query.max_number = std::to_string(options.end);
    auto segments = std::move(tracking::list_segments(ctx.db(), query)).value_or_throw();
    log::info(std::to_string(segments.size()) + " chapters between " + std::to_string(options.start) + " and " +
              std::to_string(options.end) + " in edition " + options.edition_id);
    runtime::BatchOptions batch;
    batch.limit = static_cast<std::size_t>(options.limit);
    batch.stop_after_consecutive_blocked = kStopAfterConsecutiveBlocked;
    batch.noun = "chapters";
    batch.on_progress = runtime::progress_of(ctx);
    batch.skip_reason = [&](const tracking::Segment& segment) { return skip_reason(segment, *site); };
    const runtime::BatchStats stats = runtime::run_segment_batch(
        segments, batch,
        [&](const tracking::Segment& segment) { return process_chapter(segment, ctx.db(), services); });
    return runtime::end_batch(stats, "chapters", batch_output(stats));
  });
}

}  // namespace scrapers::chereads
