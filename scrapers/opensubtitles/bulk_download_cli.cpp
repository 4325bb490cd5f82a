#include "scrapers/opensubtitles/bulk_download_cli.hpp"
#include "scrapers/runtime/cli_numbers.hpp"
#include "scrapers/runtime/cli_support.hpp"

#include <functional>
#include <memory>

#include "common/util/env.hpp"

namespace scrapers::opensubtitles {
namespace {

std::unique_ptr<CLI::App> make_app(BulkDownloadOptions& options) {
  auto app = std::make_unique<CLI::App>(
      "Downloads subtitles for the episodes of an edition (or of every anime edition of a work) "
      "through the OpenSubtitles REST API and stores them as 'subtitle' assets.",
      "bulk-download-subtitles");
  runtime::add_version_flag(*app);
  app->add_option_function<std::string>(
      "-w,--workId,--work-id", [&options](const std::string& id) { options.work_id = id; },
      "UUID of a work: all of its anime editions");
  app->add_option_function<std::string>(
      "-e,--editionId,--edition-id", [&options](const std::string& id) { options.edition_id = id; },
      "UUID of one edition (with --workId: an edition of that work)");
  app->add_option("--segmentId,--segment-id", options.segment_ids,
                  "UUID of one episode segment (repeatable): only these episodes");
  app->add_option_function<std::string>(
      "-s,--seriesName,--series-name", [&options](const std::string& name) { options.series_name = name; },
      "series name to search for (default: --query)");
  app->add_option_function<std::string>(
      "--query", [&options](const std::string& text) { options.query = text; },
      "text to search for instead of --seriesName");
  app->add_option("-l,--languages", options.languages, "comma-separated language codes (default en)");
  runtime::add_whole_number_option(
      *app, "--delay,-d", 0, runtime::kMaxDelayMs,
      [&options](std::uint64_t ms) { options.delay_ms = static_cast<long long>(ms); },
      "milliseconds between requests to one host (default 1000)");
  runtime::add_whole_number_option(
      *app, "--limit", 1, runtime::kMaxLimit,
      [&options](std::uint64_t n) { options.limit = static_cast<std::size_t>(n); },
      "at most N episodes attempted");
  app->add_flag("--allow-ai", options.allow_ai, "accept AI-translated subtitles");
  app->footer(
      "Environment: OPENSUBTITLES_API_KEY (required), OPENSUBTITLES_USERNAME + OPENSUBTITLES_PASSWORD\n"
      "(optional login), OPENSUBTITLES_USER_AGENT, OPENSUBTITLES_BASE_URL, DATABASE_URL, ASSET_DIR or\n"
      "CLOUDFLARE_R2_*, LOG_LEVEL.\n"
      "Exit status: 0 success, 1 job failed or some episodes failed, 2 bad arguments, 130 interrupted.");
  return app;
}

std::string validate(const BulkDownloadOptions& options) {
  if (std::string problem = validate_bulk_options(options); !problem.empty()) return problem;
  env::load_dotenv(".env");
  auto environment = api_environment_from_env();
  return environment.ok() ? std::string() : environment.error().message;
}

}  // namespace

runtime::ParsedCli<BulkDownloadOptions> parse_bulk_download_cli(const runtime::CommandLine& command_line) {
  return runtime::parse_command_line<BulkDownloadOptions>(command_line, make_app, validate);
}

}  // namespace scrapers::opensubtitles
