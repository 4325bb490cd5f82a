#include "scrapers/opensubtitles/bulk_download.hpp"

#include <iostream>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/http/browser_headers.hpp"
#include "common/util/env.hpp"
#include "common/util/log.hpp"
#include "common/util/uuid.hpp"
#include "scrapers/opensubtitles/api_client.hpp"
#include "scrapers/opensubtitles/api_query.hpp"
#include "scrapers/opensubtitles/bulk_scope.hpp"
#include "scrapers/opensubtitles/episode_downloader.hpp"
#include "scrapers/opensubtitles/site.hpp"
#include "scrapers/runtime/batch_ending.hpp"
#include "scrapers/runtime/configuration.hpp"
#include "scrapers/runtime/job_runner.hpp"
#include "scrapers/runtime/pre_job_lookup.hpp"
#include "scrapers/runtime/segment_batch.hpp"
#include "tracking/catalog.hpp"

namespace scrapers::opensubtitles {
namespace {

using nlohmann::json;

// "" when `text` is usable as a series name or search text, else why not.
std::string text_problem(const std::string& text) {
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return "must not be empty";
  if (text.size() > 200) return "longer than 200 bytes";
  return {};
}

std::string id_problem(const std::string& flag, const std::string& id) {
  return is_uuid(id) ? std::string() : flag + ": '" + id + "' is not a UUID";
}

ApiClient make_client(const ApiEnvironment& environment, const SiteUrls& site, runtime::Services& services) {
  ApiConfig config;
  config.base_url = site.api_base;
  config.api_key = environment.api_key;
  config.user_agent = environment.user_agent;
  config.request_interval = std::chrono::milliseconds(0);  // the transport paces (5/s, --delay)
  config.rate_limit_retries = 0;                           // the transport retries 429 after Retry-After
  return or_throw(ApiClient::create(services.transport, services.clock, std::move(config)));
}

// Searches answered and not one subtitle for any of those episodes (e.g. a wrong --seriesName).
bool nothing_found(const DownloaderCounts& counts) {
  return counts.searched_episodes > 0 && counts.not_found == counts.searched_episodes;
}

void warn_when_nothing_found(const DownloaderCounts& counts, const BulkDownloadOptions& options,
                             const std::string& languages) {
  if (!nothing_found(counts)) return;
  log::warn("no subtitle was found for any of the " + std::to_string(counts.searched_episodes) +
            " episodes searched; check the search text '" + search_text(options) + "' (" +
            (options.query ? "--query" : "--seriesName") + ") and --languages " + languages);
}

json build_output(const runtime::BatchStats& stats, const EpisodeDownloader& downloader, const ApiClient& client,
                  const BulkScope& scope, const std::string& languages) {
  const std::size_t processed_skips = stats.skipped_items.size();
  json output = {{"total", stats.to_process},
                 {"success", stats.stored},
                 {"failed", stats.failed},
                 {"errors", stats.failed},
                 {"skipped", stats.skipped},
                 {"alreadyPresent", stats.skipped - processed_skips},
                 {"notFound", downloader.counts().not_found},
                 {"withoutEpisodeCode", downloader.counts().without_code},
                 {"notAttempted", stats.not_attempted - stats.beyond_limit},
                 {"beyondLimit", stats.beyond_limit},
                 {"quotaExhausted", downloader.quota_exhausted()},
                 {"nothingFound", nothing_found(downloader.counts())},
                 {"loggedIn", downloader.logged_in()},
                 {"languages", languages},
                 {"searches", downloader.counts().searches},
                 {"fallbackSearches", downloader.counts().fallback_searches},
                 {"linksRequested", downloader.counts().links_requested},
                 {"workId", scope.work_id.value_or("")},
                 {"editions", scope.editions.size()},
                 {"skippedTitles", downloader.untitled()},
                 {"skippedItems", stats.skipped_items},
                 {"failures", stats.failures}};
  if (scope.editions.size() == 1) output["editionId"] = scope.editions.front().id;
  output.update(downloader.report());  // show ids, searches by id, extra pages, parts
  if (const auto& quota = client.quota()) {
    if (quota->remaining) output["remaining"] = *quota->remaining;
    if (quota->reset_time_utc) output["quotaResetTime"] = *quota->reset_time_utc;
    if (quota->reset_time) output["quotaResetIn"] = *quota->reset_time;
  }
  return output;
}

// A refused login or key stops the run (downloader.fatal(): the stop's reason is its
// error); a spent quota only pauses it.
runtime::BatchEnding finish(json output, const runtime::BatchStats& stats, const EpisodeDownloader& downloader) {
  std::cout << output.dump() << std::endl;
  const auto stop = downloader.quota_exhausted() ? runtime::EarlyStop::pause : runtime::EarlyStop::failure;
  return runtime::end_batch(stats, "episodes", std::move(output), stop);
}

std::optional<Login> login_of(const ApiEnvironment& environment) {
  if (!environment.username || !environment.password) return std::nullopt;
  return Login{*environment.username, *environment.password};
}

// The job: every pending episode of the scope through one downloader.
runtime::BatchEnding bulk_body(const BulkDownloadOptions& options, const ApiEnvironment& environment,
                               const SiteUrls& site, const BulkScope& scope, const std::string& languages,
                               runtime::Services& services, runtime::JobContext& ctx) {
  if (scope.problem) throw ErrorException(*scope.problem);
  const auto segments = segments_in_scope(ctx.db(), scope);
  log::info(std::to_string(segments.size()) + " episodes in " + std::to_string(scope.editions.size()) +
            " edition(s); languages " + languages);
  ApiClient client = make_client(environment, site, services);
  DownloaderSettings settings;
  settings.series_name = show_name(options);
  settings.search_text = options.query;
  settings.languages = languages;
  settings.allow_ai_translated = options.allow_ai;
  settings.login = login_of(environment);
  EpisodeDownloader downloader(client, ctx.db(), services.blobs, std::move(settings));
  runtime::BatchOptions batch;
  batch.limit = options.limit.value_or(0);
  batch.noun = "episodes";
  batch.on_progress = runtime::progress_of(ctx);
  batch.skip_reason = [&](const tracking::Segment& segment) { return downloader.skip_reason(segment); };
  std::string current_edition = scope.editions.size() == 1 ? scope.editions.front().id : std::string();
  const runtime::BatchStats stats = runtime::run_segment_batch(
      segments, batch, [&](const tracking::Segment& segment) {
        if (segment.edition_id != current_edition) {  // the edition being worked on, updated as the run moves on
          current_edition = segment.edition_id;
          ctx.set_ids(tracking::JobIds{.edition_id = current_edition});
        }
        return downloader.process(segment);
      });
  warn_when_nothing_found(downloader.counts(), options, languages);
  return finish(build_output(stats, downloader, client, scope, languages), stats, downloader);
}

}  // namespace

Result<ApiEnvironment> api_environment_from_env() {
  ApiEnvironment environment;
  auto key = env::get("OPENSUBTITLES_API_KEY");
  if (!key) {
    return make_error(ErrorKind::invalid_argument,
                      "OPENSUBTITLES_API_KEY is not set (get a key at https://www.opensubtitles.com/consumers)");
  }
  environment.api_key = std::move(*key);
  environment.username = env::get("OPENSUBTITLES_USERNAME");
  environment.password = env::get("OPENSUBTITLES_PASSWORD");
  if (environment.username.has_value() != environment.password.has_value()) {
    return make_error(ErrorKind::invalid_argument,
                      environment.username ? "OPENSUBTITLES_PASSWORD is not set (OPENSUBTITLES_USERNAME is)"
                                           : "OPENSUBTITLES_USERNAME is not set (OPENSUBTITLES_PASSWORD is)");
  }
  auto user_agent = http::user_agent_from_env("OPENSUBTITLES_USER_AGENT", kDefaultApiUserAgent);
  if (!user_agent.ok()) return std::move(user_agent).error();
  environment.user_agent = std::move(user_agent).value();
  return environment;
}

const std::string& show_name(const BulkDownloadOptions& options) {
  return options.series_name ? *options.series_name : *options.query;
}

const std::string& search_text(const BulkDownloadOptions& options) {
  return options.query ? *options.query : *options.series_name;
}

std::string validate_bulk_options(const BulkDownloadOptions& options) {
  if (!options.work_id && !options.edition_id && options.segment_ids.empty()) {
    return "give --workId, --editionId or --segmentId";
  }
  if (options.work_id) {
    if (auto problem = id_problem("--workId", *options.work_id); !problem.empty()) return problem;
  }
  if (options.edition_id) {
    if (auto problem = id_problem("--editionId", *options.edition_id); !problem.empty()) return problem;
  }
  for (const auto& id : options.segment_ids) {
    if (auto problem = id_problem("--segmentId", id); !problem.empty()) return problem;
  }
  if (options.segment_ids.size() > kMaxSegmentIds) {
    return "--segmentId: at most " + std::to_string(kMaxSegmentIds) + " (use --editionId or --workId)";
  }
  if (!options.series_name && !options.query) return "give --seriesName (or --query)";
  if (options.series_name) {
    if (auto problem = text_problem(*options.series_name); !problem.empty()) return "--seriesName: " + problem;
  }
  if (options.query) {
    if (auto problem = text_problem(*options.query); !problem.empty()) return "--query: " + problem;
  }
  const auto languages = language_list(options.languages);
  if (languages.empty()) return "--languages: give at least one language code, e.g. en or en,pt-br";
  for (const auto& code : languages) {
    if (!is_language_code(code)) return "--languages: '" + code + "' is not a language code (e.g. en, pt-br)";
  }
  if (options.delay_ms < 0 || options.delay_ms > 3'600'000) return "--delay: must be 0..3600000 milliseconds";
  if (options.limit && *options.limit == 0) return "--limit: must be at least 1";
  return {};
}

int run_bulk_download(const BulkDownloadOptions& options, tracking::Database& db, runtime::Services& services) {
  auto site = SiteUrls::from_env();
  if (!site.ok()) return runtime::configuration_error(site.error());
  auto environment = api_environment_from_env();
  if (!environment.ok()) {
    log::error(environment.error().message);
    return runtime::exit_code::usage;
  }
  if (!http::is_app_user_agent(environment->user_agent)) {
    log::warn("OPENSUBTITLES_USER_AGENT '" + environment->user_agent +
              "' is not of the form '<AppName> v<version>' the API asks for (e.g. 'MyApp v1.2.3')");
  }
  // A database failure or an unknown id here is the job's failure: the job row is still
  // created. Rows that contradict the arguments are the arguments' fault: exit 2.
  const BulkScope scope = resolve_bulk_scope(
      db, ScopeRequest{options.work_id, options.edition_id, options.segment_ids});
  const std::string languages = normalize_languages(options.languages);
  runtime::JobSpec spec;
  spec.input = {{"seriesName", show_name(options)},
                {"languages", languages},
                {"scriptType", std::string(kBulkScriptType)},
                {"delay", options.delay_ms},
                {"limit", options.limit ? json(*options.limit) : json(nullptr)}};
  if (!options.segment_ids.empty()) spec.input["segmentIds"] = options.segment_ids;
  if (options.query) spec.input["query"] = *options.query;
  spec.ids.work_id = scope.work_id;
  if (scope.editions.size() == 1) spec.ids.edition_id = scope.editions.front().id;
  if (scope.segments && scope.segments->size() == 1) spec.ids.segment_id = scope.segments->front().id;
  if (scope.contradiction) return runtime::refuse_arguments(db, spec, *scope.contradiction);
  return runtime::run_batch_job(db, spec, [&](runtime::JobContext& ctx) {
    return bulk_body(options, *environment, *site, scope, languages, services, ctx);
  });
}

}  // namespace scrapers::opensubtitles
