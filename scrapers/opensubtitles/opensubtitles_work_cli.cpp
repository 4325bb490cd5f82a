#include "scrapers/opensubtitles/opensubtitles_work_cli.hpp"
#include "scrapers/runtime/cli_support.hpp"

#include <functional>
#include <memory>

namespace scrapers::opensubtitles {
namespace {

std::unique_ptr<CLI::App> make_app(OpensubtitlesWorkOptions& options) {
  auto app = std::make_unique<CLI::App>(
      "Reads the seasons and episodes of an opensubtitles.com TV-show page into the catalog: one "
      "'anime' edition per season ('<provider>-s<N>') and one 'episode' segment per episode.",
      "opensubtitles-work");
  runtime::add_version_flag(*app);
  app->add_option("-u,--url", options.url,
                  "TV-show page, e.g. https://www.opensubtitles.com/en/tvshows/2024-solo-leveling")
      ->required();
  app->add_option_function<std::string>(
      "-w,--workId,--work-id", [&options](const std::string& id) { options.work_id = id; },
      "UUID of an existing work");
  app->add_option_function<std::string>(
      "-t,--title", [&options](const std::string& title) { options.title = title; },
      "title of a new work to create (ignored, with a warning, when --workId is given)");
  app->add_option("-p,--provider", options.provider,
                  "provider label of the editions, '<provider>-s<N>' (default opensubtitles; at most 64 "
                  "characters, no control characters)");
  app->footer(
      "Environment: DATABASE_URL, OPENSUBTITLES_SITE_BASE, LOG_LEVEL, HTTP_* (see README).\n"
      "Exit status: 0 success, 1 job failed, 2 bad arguments, 130 interrupted.");
  return app;
}

std::string validate(const OpensubtitlesWorkOptions& options) {
  auto urls = SiteUrls::from_env();
  if (!urls.ok()) return urls.error().message;
  return validate_work_options(options, *urls);
}

}  // namespace

runtime::ParsedCli<OpensubtitlesWorkOptions> parse_opensubtitles_work_cli(
    const runtime::CommandLine& command_line) {
  return runtime::parse_command_line<OpensubtitlesWorkOptions>(command_line, make_app, validate);
}

}  // namespace scrapers::opensubtitles
