#include "scrapers/chereads/chereads_work.hpp"

#include <utility>

#include "common/util/log.hpp"
#include "scrapers/chereads/page_fetch.hpp"
#include "scrapers/chereads/parse.hpp"
#include "scrapers/chereads/segment_matching.hpp"
#include "scrapers/chereads/site.hpp"
#include "scrapers/chereads/work_url.hpp"
#include "scrapers/runtime/configuration.hpp"
#include "scrapers/runtime/job_runner.hpp"
#include "tracking/catalog.hpp"

namespace scrapers::chereads {
namespace {

using nlohmann::json;

constexpr std::size_t kMaxIgnoredItemsInOutput = 50;

// The list from one page, or the reason there is none.
Result<ChapterList> list_from(runtime::Services& services, const std::string& url) {
  auto page = fetch_page(services.transport, url);
  if (!page.ok()) return std::move(page).error();
  return parse_chapter_list(page->body, url, page->content_type_header());
}

// Novel page (embedded JSON) first, chapter-list page second.
ChapterList load_chapter_list(runtime::Services& services, const std::string& base, const std::string& book_id) {
  const std::string novel_url = novel_page_url(base, book_id);
  auto from_novel = list_from(services, novel_url);
  if (from_novel.ok()) return std::move(from_novel).value();
  const Error& first = from_novel.error();
  if (first.kind == ErrorKind::blocked) throw ErrorException(first);
  log::info("novel page gave no chapter list (" + first.message + "); trying the chapter-list page");
  const std::string list_url = chapter_list_url(base, book_id);
  auto from_list = list_from(services, list_url);
  if (from_list.ok()) return std::move(from_list).value();
  Error error = std::move(from_list).error();
  error.message = "no chapter list: novel page: " + first.message + "; chapter-list page: " + error.message;
  throw ErrorException(std::move(error));
}

json conflict_items(const SegmentMatchPlan& plan) {
  json items = json::array();
  for (const SegmentConflict& c : plan.conflicts) {
    if (items.size() >= kMaxIgnoredItemsInOutput) break;
    items.push_back(
        {{"chapter", {{"number", c.chapter.number.str()}, {"title", c.chapter.title}, {"url", c.chapter.url}}},
         {"segment",
          {{"id", c.segment.id},
           {"number", c.segment.number},
           {"title", c.segment.title},
           {"url", c.segment.canonical_url.value_or("")},
           {"hasContent", c.segment.has_asset}}},
         {"reason", c.reason}});
  }
  return items;
}

// The list fitted onto the edition's existing segments (segment_matching.hpp).
SegmentMatchPlan match_existing(tracking::Database& db, const tracking::Edition& edition,
                                const ChapterList& list) {
  std::vector<tracking::Segment> existing;
  if (!edition.created) {
    tracking::SegmentQuery query;
    query.edition_id = edition.id;
    existing = or_throw(tracking::list_segments(db, query));
  }
  SegmentMatchPlan plan = plan_segment_matches(list.chapters, existing);
  if (plan.matched_by_id > 0)
    log::info(std::to_string(plan.matched_by_id) + " chapters found on existing segments by chapter id (" +
              std::to_string(plan.renumbered_elsewhere) + " under another number, kept as they are)");
  for (const SegmentConflict& c : plan.conflicts)
    log::warn("chapter " + c.chapter.number.str() + " (" + c.chapter.url + ") left alone: number " +
              c.segment.number + " is held by segment " + c.segment.id + ": " + c.reason);
  return plan;
}

json ignored_items(const ChapterList& list) {
  json items = json::array();
  for (const SkippedItem& s : list.skipped) {
    if (items.size() >= kMaxIgnoredItemsInOutput) break;
    items.push_back({{"title", s.title}, {"reason", std::string(to_string(s.reason))}, {"detail", s.detail}});
  }
  return items;
}

void log_list(const ChapterList& list) {
  log::info("chapter list from " + std::string(to_string(list.source)) + ": " +
            std::to_string(list.chapters.size()) + " chapters (" + std::to_string(list.locked_count()) +
            " locked), " + std::to_string(list.skipped.size()) + " items ignored");
  for (const SkippedItem& s : list.skipped) {
    log::info("ignored '" + s.title + "': " + std::string(to_string(s.reason)) + " (" + s.detail + ")");
  }
}

// The work's chereads edition, which must be this book's: one chereads edition per
// work, so a second book's chapters are never mixed into it.
tracking::Edition edition_for(tracking::Database& db, const ChereadsWorkOptions& options,
                              const WorkUrl& work_url) {
  tracking::Edition edition = or_throw(tracking::get_or_create_edition(
      db, tracking::EditionKey{options.work_id, "novel", "chereads", options.url, false}));
  if (!edition.created && book_id_of(edition.canonical_url) != work_url.book_id) {
    throw ErrorException(make_error(ErrorKind::invalid_argument,
                                    "work " + options.work_id + " already has a chereads edition (" + edition.id +
                                        ") for " + edition.canonical_url + ", not " + options.url +
                                        "; change that edition's canonical_url if the book moved"));
  }
  return edition;
}

runtime::JobResult work_body(const ChereadsWorkOptions& options, const WorkUrl& work_url,
                             runtime::Services& services, runtime::JobContext& ctx) {
  // The host the user named (a twin of the configured site's) gets the requests.
  const ChapterList list = load_chapter_list(services, work_url.base, work_url.book_id);
  log_list(list);
  if (!list.book_id.empty() && list.book_id != work_url.book_id) {
    log::warn("the page describes book " + list.book_id + ", not " + work_url.book_id +
              "; its chapter links are kept");
  }
  const tracking::Edition edition = edition_for(ctx.db(), options, work_url);
  ctx.set_ids(tracking::JobIds{{}, {}, edition.id, {}});
  log::info(std::string(edition.created ? "created" : "found") + " edition " + edition.id);
  const SegmentMatchPlan plan = match_existing(ctx.db(), edition, list);
  const tracking::UpsertCounts counts = or_throw(
      tracking::upsert_segments(ctx.db(), edition.id, "chapter", plan.upserts));
  const std::size_t total = list.chapters.size();
  log::info("segments: " + std::to_string(counts.inserted) + " inserted, " + std::to_string(counts.updated) +
            " updated, " + std::to_string(counts.skipped) + " unchanged");
  return runtime::JobResult::success({{"workId", options.work_id},
                                      {"editionId", edition.id},
                                      {"bookId", work_url.book_id},
                                      {"totalChapters", total},
                                      {"inserted", counts.inserted},
                                      {"updated", counts.updated},
                                      {"skipped", counts.skipped},
                                      {"locked", list.locked_count()},
                                      {"ignored", list.skipped.size()},
                                      {"ignoredItems", ignored_items(list)},
                                      {"source", std::string(to_string(list.source))},
                                      {"matchedById", plan.matched_by_id},
                                      {"conflictCount", plan.conflicts.size()},
                                      {"conflicts", conflict_items(plan)},
                                      {"total", total},
                                      {"success", plan.upserts.size()},
                                      {"failed", 0},
                                      {"errors", 0}});
}

}  // namespace

int run_chereads_work(const ChereadsWorkOptions& options, tracking::Database& db, runtime::Services& services) {
  auto site = SiteUrls::from_env();
  if (!site.ok()) return runtime::configuration_error(site.error());
  auto work_url = parse_work_url(options.url, site->base);
  if (!work_url.ok()) {
    log::error(work_url.error().describe());
    return runtime::exit_code::usage;
  }
  // Before the job so that work_id is set at creation; a failure is the job's failure
  // (the job row exists, work_id empty).
  auto created = tracking::ensure_work(db, options.work_id, options.effective_title());
  if (created.ok()) log::info(std::string(*created ? "created work " : "found work ") + options.work_id);
  runtime::JobSpec spec;
  spec.input = {{"url", options.url}, {"title", options.effective_title()}, {"scriptType", kWorkScriptType}};
  if (created.ok()) spec.ids.work_id = options.work_id;
  return runtime::run_tracked_job(db, spec, [&](runtime::JobContext& ctx) {
    if (!created.ok()) {
      Error error = created.error();
      error.message = "cannot get or create work " + options.work_id + ": " + error.message;
      throw ErrorException(std::move(error));
    }
    return work_body(options, *work_url, services, ctx);
  });
}

}  // namespace scrapers::chereads
