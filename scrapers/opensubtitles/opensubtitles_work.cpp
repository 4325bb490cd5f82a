#include "scrapers/opensubtitles/opensubtitles_work.hpp"

#include <iostream>
#include <utility>

#include <nlohmann/json.hpp>

#include "common/http/base_url.hpp"
#include "common/http/classify.hpp"
#include "common/http/url.hpp"
#include "common/text/utf8.hpp"
#include "common/util/log.hpp"
#include "common/util/uuid.hpp"
#include "scrapers/opensubtitles/parse.hpp"
#include "scrapers/opensubtitles/show_plan.hpp"
#include "scrapers/runtime/configuration.hpp"
#include "scrapers/runtime/job_runner.hpp"
#include "tracking/catalog.hpp"

namespace scrapers::opensubtitles {
namespace {

using nlohmann::json;

ShowPage fetch_show_page(runtime::Services& services, const std::string& url) {
  http::Request request;
  request.url = url;
  request.headers.set("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
  request.headers.set("Accept-Language", "en");
  http::Response response = or_throw(services.transport.send(request));
  if (auto ok = http::expect_ok(response, url); !ok.ok()) throw ErrorException(ok.error());
  return or_throw(parse_show_page(response.body, url, response.content_type_header()));
}

void log_page(const ShowPage& page, const ShowPlan& plan) {
  log::info("show '" + page.title + "': " + std::to_string(page.seasons.size()) + " season panels, " +
            std::to_string(plan.total_episodes) + " episodes in " + std::to_string(plan.seasons.size()) +
            " numbered seasons");
  for (const auto& warning : page.warnings) log::warn(warning);
  for (const auto& skipped : plan.skipped) {
    log::warn("season panel '" + skipped.header + "' not stored: " + skipped.reason + " (" +
              std::to_string(skipped.episodes) + " episodes listed)");
  }
}

json skipped_seasons(const ShowPlan& plan) {
  json out = json::array();
  for (const auto& s : plan.skipped) {
    out.push_back({{"header", s.header}, {"episodes", s.episodes}, {"reason", s.reason}});
  }
  return out;
}

std::vector<tracking::SegmentInput> segment_inputs(const PlannedSeason& season) {
  std::vector<tracking::SegmentInput> out;
  for (const auto& e : season.episodes) out.push_back({std::to_string(e.number), e.title, e.url});
  return out;
}

// One season's edition (got or created) and its episodes (one upsert); its line for the output.
json store_season(const OpensubtitlesWorkOptions& options, const std::string& work_id, const PlannedSeason& season,
                  tracking::Database& db, tracking::UpsertCounts& total) {
  const std::string provider = options.provider + "-s" + std::to_string(season.season);
  const tracking::Edition edition = or_throw(
      tracking::get_or_create_edition(db, tracking::EditionKey{work_id, "anime", provider, options.url, false}));
  const tracking::UpsertCounts counts = or_throw(
      tracking::upsert_segments(db, edition.id, "episode", segment_inputs(season)));
  log::info(std::string(edition.created ? "created" : "found") + " edition " + edition.id + " (" + provider +
            "): " + std::to_string(counts.inserted) + " inserted, " + std::to_string(counts.updated) +
            " updated, " + std::to_string(counts.skipped) + " unchanged");
  total.inserted += counts.inserted;
  total.updated += counts.updated;
  total.skipped += counts.skipped;
  return {{"season", season.season},
          {"editionId", edition.id},
          {"provider", provider},
          {"created", edition.created},
          {"episodes", season.episodes.size()},
          {"inserted", counts.inserted},
          {"updated", counts.updated},
          {"unchanged", counts.skipped}};
}

// The work the episodes go to: --workId's (known to exist), or a new one from
// --title, created only now that the page was read, and recorded on the job.
std::string work_for(const OpensubtitlesWorkOptions& options, const std::optional<std::string>& existing,
                     runtime::JobContext& ctx) {
  if (existing) return *existing;
  auto created = tracking::create_work(ctx.db(), *options.title);
  if (!created.ok()) {
    Error error = std::move(created).error();
    error.message = "cannot create the work '" + *options.title + "': " + error.message;
    throw ErrorException(std::move(error));
  }
  log::info("created work " + *created + " '" + *options.title + "'");
  ctx.set_ids(tracking::JobIds{{}, *created, {}, {}});
  return std::move(*created);
}

runtime::JobResult work_body(const OpensubtitlesWorkOptions& options, const std::optional<std::string>& existing,
                             runtime::Services& services, runtime::JobContext& ctx) {
  const ShowPage page = fetch_show_page(services, options.url);
  const ShowPlan plan = plan_show(page);
  log_page(page, plan);
  ctx.merge_input({{"totalSegments", plan.total_episodes}});
  const std::string work_id = work_for(options, existing, ctx);
  json editions = json::array();
  tracking::UpsertCounts total;
  for (const auto& season : plan.seasons)
    editions.push_back(store_season(options, work_id, season, ctx.db(), total));
  if (plan.seasons.size() == 1)
    ctx.set_ids(tracking::JobIds{{}, {}, editions[0]["editionId"].get<std::string>(), {}});
  json output = {{"workId", work_id},
                 {"seasonCount", plan.seasons.size()},
                 {"totalEpisodes", plan.total_episodes},
                 {"showTitle", page.title},
                 {"editions", editions},
                 {"skippedSeasons", skipped_seasons(plan)},
                 {"warnings", page.warnings.size()},
                 {"inserted", total.inserted},
                 {"updated", total.updated},
                 {"unchanged", total.skipped},
                 {"total", plan.total_episodes},
                 {"success", plan.total_episodes},
                 {"failed", 0},
                 {"errors", 0}};
  std::cout << output.dump() << std::endl;
  return runtime::JobResult::success(std::move(output));
}

// --workId's work when it exists (nullopt when it does not).
Result<std::optional<std::string>> find_work(const OpensubtitlesWorkOptions& options, tracking::Database& db) {
  auto exists = tracking::work_exists(db, *options.work_id);
  if (!exists.ok()) return std::move(exists).error();
  if (!*exists) return std::optional<std::string>();
  return std::optional<std::string>(*options.work_id);
}

}  // namespace

bool is_provider_label(std::string_view provider) {
  if (!text::is_valid_utf8(provider) || provider.find_first_not_of(' ') == std::string_view::npos) return false;
  std::size_t characters = 0;
  for (std::size_t at = 0; at < provider.size();) {
    const text::DecodedCodePoint decoded = text::decode_utf8(provider, at);
    const char32_t cp = decoded.cp;
    if (cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029) return false;
    if (++characters > kMaxProviderLength) return false;
    at += decoded.length;
  }
  return true;
}

std::string validate_work_options(const OpensubtitlesWorkOptions& options, const SiteUrls& urls) {
  if (!options.work_id && !options.title) return "give --workId or --title";
  if (options.work_id && !is_uuid(*options.work_id)) return "--workId: '" + *options.work_id + "' is not a UUID";
  if (!options.work_id && options.title->find_first_not_of(" \t\r\n") == std::string::npos) {
    return "--title: must not be empty";
  }
  if (!is_provider_label(options.provider)) {
    return "--provider: not a label (1 to " + std::to_string(kMaxProviderLength) +
           " characters of UTF-8 text, not only spaces, no control characters)";
  }
  const auto url = http::parse_url(options.url);
  if (!url.ok() || !http::is_on_site(options.url, urls.site_base) || !is_tvshow_path(url->path)) {
    return "--url: '" + options.url + "' is not a TV-show page on " + urls.site_base +
           " (/{locale}/tvshows/{year}-{slug})";
  }
  return {};
}

int run_opensubtitles_work(const OpensubtitlesWorkOptions& options, tracking::Database& db,
                           runtime::Services& services) {
  auto site = SiteUrls::from_env();
  if (!site.ok()) return runtime::configuration_error(site.error());
  if (const std::string problem = validate_work_options(options, *site); !problem.empty()) {
    log::error(problem);
    return runtime::exit_code::usage;
  }
  // --workId is looked up before the job, so the row names the work from the start; a
  // database failure there is the job's failure (the job row is still created). A
  // --title work is created inside the job, once the page was read: a failed run
  // leaves no empty work behind.
  if (options.work_id && options.title) {
    log::warn("--title '" + *options.title + "' ignored: the episodes go to the existing work --workId " +
              *options.work_id);
  }
  Result<std::optional<std::string>> work = std::optional<std::string>();
  if (options.work_id) work = find_work(options, db);
  runtime::JobSpec spec;
  spec.input = {
      {"url", options.url}, {"provider", options.provider}, {"scriptType", std::string(kWorkScriptType)}};
  if (work.ok() && *work) spec.ids.work_id = **work;
  return runtime::run_tracked_job(db, spec, [&](runtime::JobContext& ctx) -> runtime::JobResult {
    if (!work.ok()) {
      throw ErrorException(make_error(work.error().kind, "cannot resolve the work: " + work.error().describe()));
    }
    if (options.work_id && !*work) {
      throw ErrorException(
          make_error(ErrorKind::not_found, "work " + *options.work_id + " does not exist", "--workId"));
    }
    return work_body(options, *work, services, ctx);
  });
}

}  // namespace scrapers::opensubtitles
