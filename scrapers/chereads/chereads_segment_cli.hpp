// Command line of chereads-segment:
//   chereads-segment --editionId=<uuid> [--start=1] [--end=999999] [--delay=2000] [--limit=N]
// Both --flag=value and --flag value; --help, --version. --editionId must be a UUID,
// --start and --end 1..1000000000 with --end >= --start, --delay 0..3600000 (milliseconds
// between requests), --limit 1..1000000, all whole numbers without a sign
// (runtime/cli_numbers.hpp). A bad argument is one line naming it and exit status 2,
// before any database access.
#pragma once

#include <string>
#include <vector>

#include "scrapers/chereads/chereads_segment.hpp"
#include "scrapers/runtime/parsed_cli.hpp"

namespace scrapers::chereads {

// The highest chapter number --start/--end accept.
inline constexpr std::uint64_t kMaxChapterNumber = 1'000'000'000;

runtime::ParsedCli<ChereadsSegmentOptions> parse_chereads_segment_cli(const runtime::CommandLine& command_line);

}  // namespace scrapers::chereads
