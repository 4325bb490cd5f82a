#include "scrapers/chereads/chereads_segment_cli.hpp"
#include "scrapers/runtime/cli_support.hpp"

#include <functional>
#include <limits>
#include <memory>

#include "common/util/uuid.hpp"

namespace scrapers::chereads {
namespace {

std::unique_ptr<CLI::App> make_app(ChereadsSegmentOptions& options) {
  auto app = std::make_unique<CLI::App>(
      "Fetches the chapter pages of a chereads edition's segments and stores each chapter as a "
      "clean HTML document (asset role 'content'). Locked chapters are counted and stay pending.",
      "chereads-segment");
  runtime::add_version_flag(*app);
  app->add_option("--editionId,--edition-id", options.edition_id, "UUID of the chereads edition")->required();
  app->add_option("--start", options.start, "first chapter number (default 1)");
  app->add_option("--end", options.end, "last chapter number (default 999999)");
  app->add_option("--delay", options.delay_ms, "milliseconds between requests (default 2000)");
  app->add_option("--limit", options.limit, "fetch at most N chapters")
      ->check(CLI::Range(std::int64_t{1}, std::numeric_limits<std::int64_t>::max()));
  app->footer(
      "Environment: DATABASE_URL, CHEREADS_BASE, ASSET_DIR or CLOUDFLARE_R2_*, LOG_LEVEL.\n"
      "Exit status: 0 success, 1 job failed or some chapters failed, 2 bad arguments, 130 interrupted.");
  return app;
}

std::string validate(const ChereadsSegmentOptions& options) {
  if (!is_uuid(options.edition_id)) return "--editionId: '" + options.edition_id + "' is not a UUID";
  if (options.start < 1) return "--start: must be at least 1 (got " + std::to_string(options.start) + ")";
  if (options.end < options.start) {
    return "--end: must not be below --start (" + std::to_string(options.end) + " < " +
           std::to_string(options.start) + ")";
  }
  if (options.delay_ms < 0 || options.delay_ms > kMaxDelayMs) {
    return "--delay: must be between 0 and " + std::to_string(kMaxDelayMs) + " milliseconds (got " +
           std::to_string(options.delay_ms) + ")";
  }
  return {};
}

}  // namespace

runtime::ParsedCli<ChereadsSegmentOptions> parse_chereads_segment_cli(const runtime::CommandLine& command_line) {
  return runtime::parse_command_line<ChereadsSegmentOptions>(command_line, make_app, validate);
}

}  // namespace scrapers::chereads
