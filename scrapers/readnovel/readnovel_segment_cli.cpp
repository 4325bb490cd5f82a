#include "scrapers/readnovel/readnovel_segment_cli.hpp"
#include "scrapers/runtime/cli_numbers.hpp"
#include "scrapers/runtime/cli_support.hpp"

#include <functional>
#include <memory>

#include "common/util/uuid.hpp"

namespace scrapers::readnovel {
namespace {

std::unique_ptr<CLI::App> make_app(ReadnovelSegmentOptions& options) {
  auto app = std::make_unique<CLI::App>(
      "Fetches the chapter text of readnovel segments (wuxiaworld.eu getchapter API, else the chapter "
      "page), stores it as a clean HTML document and registers it as the segment's 'content' asset.",
      "readnovel-segment");
  runtime::add_version_flag(*app);
  app->add_option("segment_id", options.segment_ids, "UUIDs of the segments to fetch");
  app->add_option_function<std::string>(
      "--edition", [&options](const std::string& id) { options.edition_id = id; },
      "UUID of an edition: every segment of it that has no asset yet, by number");
  runtime::add_whole_number_option(
      *app, "--delay", 0, runtime::kMaxDelayMs,
      [&options](std::uint64_t ms) { options.delay_ms = static_cast<std::int64_t>(ms); },
      "milliseconds between requests (default 1000)");
  runtime::add_whole_number_option(
      *app, "--limit", 1, runtime::kMaxLimit,
      [&options](std::uint64_t n) { options.limit = static_cast<std::int64_t>(n); }, "process at most N segments");
  app->footer(
      "Environment: DATABASE_URL, READNOVEL_API_BASE, READNOVEL_SITE_BASE, ASSET_DIR or "
      "CLOUDFLARE_R2_*, LOG_LEVEL.\n"
      "Exit status: 0 success, 1 job failed or a segment failed, 2 bad arguments, 130 interrupted.");
  return app;
}

std::string validate(const ReadnovelSegmentOptions& options) {
  if (options.edition_id && !options.segment_ids.empty()) {
    return "segment_id: give segment ids or --edition, not both";
  }
  if (!options.edition_id && options.segment_ids.empty()) {
    return "segment_id: give at least one segment id, or --edition <edition_id>";
  }
  if (options.edition_id && !is_uuid(*options.edition_id)) {
    return "--edition: '" + *options.edition_id + "' is not a UUID";
  }
  for (const std::string& id : options.segment_ids) {
    if (!is_uuid(id)) return "segment_id: '" + id + "' is not a UUID";
  }
  return {};
}

}  // namespace

runtime::ParsedCli<ReadnovelSegmentOptions> parse_readnovel_segment_cli(const runtime::CommandLine& command_line) {
  return runtime::parse_command_line<ReadnovelSegmentOptions>(command_line, make_app, validate);
}

}  // namespace scrapers::readnovel
