#include "scrapers/readnovel/readnovel_api.hpp"

#include <algorithm>

#include "common/util/log.hpp"
#include "scrapers/readnovel/fetch.hpp"
#include "scrapers/readnovel/site.hpp"
#include "scrapers/readnovel/urls.hpp"
#include "scrapers/runtime/configuration.hpp"
#include "scrapers/runtime/job_runner.hpp"

namespace scrapers::readnovel {
namespace {

using nlohmann::json;

void log_problems(const ChapterList& list) {
  for (const ElementProblem& problem : list.problems) log::warn("chapter list: skipped " + problem.message);
}

tracking::Edition edition_for(tracking::Database& db, const ReadnovelApiOptions& options) {
  tracking::EditionKey key;
  key.work_id = options.work_id;
  key.media_type = "novel";
  key.provider = kProvider;
  key.canonical_url = novel_page_url(kCanonicalSiteBase, options.novel_slug);
  key.is_official = false;
  tracking::Edition edition = tracking::get_or_create_edition(db, key).value_or_throw();
  if (edition.canonical_url != key.canonical_url) {
    // One readnovel edition per work: never mix a second novel's chapters into it.
    throw ErrorException(make_error(ErrorKind::invalid_argument,
                                    "work " + options.work_id + " already has a readnovel edition (" + edition.id +
                                        ") for " + edition.canonical_url + ", not " + key.canonical_url +
                                        "; change that edition's canonical_url if the novel moved"));
  }
  return edition;
}

runtime::JobResult import_list(const ReadnovelApiOptions& options, const SiteUrls& site, runtime::JobContext& ctx,
                               runtime::Services& services) {
  ChapterList list = fetch_chapter_list(services.transport, site, options.novel_slug).value_or_throw();
  log::info("chapter list of '" + options.novel_slug + "': " + std::to_string(list.chapters.size()) + " of " +
            std::to_string(list.total_elements) + " elements usable");
  log_problems(list);
  const tracking::Edition edition = edition_for(ctx.db(), options);
  ctx.set_ids({.edition_id = edition.id});
  log::info(std::string(edition.created ? "created" : "found") + " edition " + edition.id);
  const tracking::UpsertCounts counts =
      tracking::upsert_segments(ctx.db(), edition.id, "chapter", segment_inputs(list)).value_or_throw();
  log::info("segments: " + std::to_string(counts.inserted) + " inserted, " + std::to_string(counts.updated) +
            " updated, " + std::to_string(counts.skipped) + " unchanged");
  return runtime::JobResult::success(api_output(edition.id, list, counts));
}

}  // namespace

std::vector<tracking::SegmentInput> segment_inputs(const ChapterList& list) {
  std::vector<tracking::SegmentInput> inputs;
  inputs.reserve(list.chapters.size());
  for (const ChapterEntry& chapter : list.chapters) {
    inputs.push_back(
        {std::to_string(chapter.index), chapter.title, chapter_page_url(kCanonicalSiteBase, chapter.slug)});
  }
  return inputs;
}

json api_output(const std::string& edition_id, const ChapterList& list, const tracking::UpsertCounts& counts) {
  json problems = json::array();
  for (std::size_t i = 0; i < std::min(list.problems.size(), kMaxListedProblems); ++i) {
    problems.push_back(list.problems[i].message);
  }
  const int success = counts.inserted + counts.updated + counts.skipped;
  return {{"editionId", edition_id},     {"totalChapters", list.total_elements},
          {"inserted", counts.inserted}, {"updated", counts.updated},
          {"skipped", counts.skipped},   {"errors", list.problems.size()},
          {"problems", problems},        {"total", list.total_elements},
          {"success", success},          {"failed", list.problems.size()}};
}

int run_readnovel_api(const ReadnovelApiOptions& options, tracking::Database& db, runtime::Services& services) {
  auto site = SiteUrls::from_env();
  if (!site.ok()) return runtime::configuration_error(site.error());
  // Known before the job so that work_id is set at creation; a missing work is the
  // job's failure (the job row exists, work_id empty).
  auto exists = tracking::work_exists(db, options.work_id);
  runtime::JobSpec spec;
  spec.input = {{"novelSlug", options.novel_slug},
                {"scriptType", kApiScriptType},
                {"apiUrl", chapter_list_url(site->api_base, options.novel_slug)}};
  if (exists.ok() && exists.value()) spec.ids.work_id = options.work_id;
  return runtime::run_tracked_job(db, spec, [&](runtime::JobContext& ctx) {
    if (!exists.ok()) throw ErrorException(exists.error());
    if (!exists.value()) {
      throw ErrorException(make_error(ErrorKind::not_found, "work " + options.work_id + " not found"));
    }
    return import_list(options, *site, ctx, services);
  });
}

}  // namespace scrapers::readnovel
