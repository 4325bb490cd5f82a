#include "scrapers/chereads/chereads_segment_cli.hpp"
#include "scrapers/runtime/cli_numbers.hpp"
#include "scrapers/runtime/cli_support.hpp"

#include <functional>
#include <limits>
#include <memory>

#include "common/util/uuid.hpp"

namespace scrapers::chereads {
namespace {

std::unique_ptr<CLI::App> make_app(ChereadsSegmentOptions& options, bool& end_given) {
  auto app = std::make_unique<CLI::App>(
      "Fetches the chapter pages of a chereads edition's segments and stores each chapter as a "
      "clean HTML document (asset role 'content'). Locked chapters are counted and stay pending.",
      "chereads-segment");
  runtime::add_version_flag(*app);
  app->add_option("--editionId,--edition-id", options.edition_id, "UUID of the chereads edition")->required();
  runtime::add_whole_number_option(
      *app, "--start", 1, kMaxChapterNumber,
      [&options](std::uint64_t n) { options.start = static_cast<std::int64_t>(n); },
      "first chapter number (default 1)");
  runtime::add_whole_number_option(
      *app, "--end", 1, kMaxChapterNumber,
      [&options, &end_given](std::uint64_t n) {
        options.end = static_cast<std::int64_t>(n);
        end_given = true;
      },
      "last chapter number (default 999999)");
  runtime::add_whole_number_option(
      *app, "--delay", 0, runtime::kMaxDelayMs,
      [&options](std::uint64_t ms) { options.delay_ms = static_cast<std::int64_t>(ms); },
      "milliseconds between requests (default 2000)");
  runtime::add_whole_number_option(
      *app, "--limit", 1, runtime::kMaxLimit,
      [&options](std::uint64_t n) { options.limit = static_cast<std::int64_t>(n); }, "fetch at most N chapters");
  app->footer(
      "Environment: DATABASE_URL, CHEREADS_BASE, ASSET_DIR or CLOUDFLARE_R2_*, LOG_LEVEL.\n"
      "Exit status: 0 success, 1 job failed or some chapters failed, 2 bad arguments, 130 interrupted.");
  return app;
}

// The option to blame for an empty range is the one the user gave: --start beyond the
// default end, or an --end below --start.
std::string validate(const ChereadsSegmentOptions& options, bool end_given) {
  if (!is_uuid(options.edition_id)) return "--editionId: '" + options.edition_id + "' is not a UUID";
  if (options.end >= options.start) return {};
  if (!end_given) {
    return "--start: " + std::to_string(options.start) + " is beyond the default last chapter " +
           std::to_string(options.end) + " (give --end too)";
  }
  return "--end: must not be below --start (" + std::to_string(options.end) + " < " +
         std::to_string(options.start) + ")";
}

}  // namespace

runtime::ParsedCli<ChereadsSegmentOptions> parse_chereads_segment_cli(const runtime::CommandLine& command_line) {
  bool end_given = false;
  return runtime::parse_command_line<ChereadsSegmentOptions>(
      command_line, [&](ChereadsSegmentOptions& options) { return make_app(options, end_given); },
      [&](ChereadsSegmentOptions& options) { return validate(options, end_given); });
}

}  // namespace scrapers::chereads
