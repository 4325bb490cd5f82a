#include "scrapers/chereads/chereads_work_cli.hpp"
#include "scrapers/runtime/cli_support.hpp"

#include <functional>
#include <memory>

#include "common/util/uuid.hpp"
#include "scrapers/chereads/site.hpp"
#include "scrapers/chereads/work_url.hpp"

namespace scrapers::chereads {
namespace {

std::unique_ptr<CLI::App> make_app(ChereadsWorkOptions& options) {
  auto app = std::make_unique<CLI::App>(
      "Reads the chapter list of a chereads.com book into the catalog: the work (got or created), "
      "its 'chereads' edition and one segment per chapter (locked chapters included).",
      "chereads-work");
  runtime::add_version_flag(*app);
  app->add_option("--url", options.url, "chapter-list page, e.g. https://www.chereads.com/chapterlist/<bookId>/")
      ->required();
  app->add_option("--workId,--work-id", options.work_id, "UUID of the work (created when missing)")->required();
  app->add_option_function<std::string>(
      "--title", [&options](const std::string& title) { options.title = title; },
      "title for a new work (default 'Unknown Title')");
  app->footer(
      "Environment: DATABASE_URL, CHEREADS_BASE, ASSET_DIR or CLOUDFLARE_R2_*, LOG_LEVEL.\n"
      "Exit status: 0 success, 1 job failed, 2 bad arguments, 130 interrupted.");
  return app;
}

std::string validate(const ChereadsWorkOptions& options) {
  if (!is_uuid(options.work_id)) return "--workId: '" + options.work_id + "' is not a UUID";
  if (options.title && options.title->find_first_not_of(" \t\r\n") == std::string::npos) {
    return "--title: must not be empty";
  }
  auto site = SiteUrls::from_env();
  if (!site.ok()) return site.error().message;
  auto work_url = parse_work_url(options.url, site->base);
  return work_url.ok() ? std::string() : work_url.error().message;
}

}  // namespace

runtime::ParsedCli<ChereadsWorkOptions> parse_chereads_work_cli(const runtime::CommandLine& command_line) {
  return runtime::parse_command_line<ChereadsWorkOptions>(command_line, make_app, validate);
}

}  // namespace scrapers::chereads
