#include "scrapers/readnovel/readnovel_api_cli.hpp"
#include "scrapers/runtime/cli_support.hpp"

#include <functional>
#include <memory>

#include "common/util/uuid.hpp"
#include "scrapers/readnovel/urls.hpp"

namespace scrapers::readnovel {
namespace {

std::unique_ptr<CLI::App> make_app(ReadnovelApiOptions& options) {
  auto app = std::make_unique<CLI::App>(
      "Reads the chapter list of a readnovel.eu novel from the wuxiaworld.eu API into the catalog: the "
      "work's 'readnovel' edition (got or created) and one segment per chapter.",
      "readnovel-api");
  runtime::add_version_flag(*app);
  app->add_option("work_id", options.work_id, "UUID of an existing work")->required();
  app->add_option("novel-slug", options.novel_slug, "novel slug, as in https://readnovel.eu/novel/<slug>")
      ->required();
  app->footer(
      "Environment: DATABASE_URL, READNOVEL_API_BASE (default https://wuxiaworld.eu), "
      "READNOVEL_SITE_BASE, LOG_LEVEL.\n"
      "Exit status: 0 success, 1 job failed, 2 bad arguments, 130 interrupted.");
  return app;
}

std::string validate(const ReadnovelApiOptions& options) {
  if (!is_uuid(options.work_id)) return "work_id: '" + options.work_id + "' is not a UUID";
  if (!is_valid_novel_slug(options.novel_slug)) {
    return "novel-slug: '" + options.novel_slug +
           "' is not a slug (lower-case letters, digits and inner hyphens, e.g. solo-leveling)";
  }
  return {};
}

}  // namespace

runtime::ParsedCli<ReadnovelApiOptions> parse_readnovel_api_cli(const runtime::CommandLine& command_line) {
  return runtime::parse_command_line<ReadnovelApiOptions>(command_line, make_app, validate);
}

}  // namespace scrapers::readnovel
