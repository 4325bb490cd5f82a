// Command line of chereads-segment:
//   chereads-segment --editionId=<uuid> [--start=1] [--end=999999] [--delay=2000] [--limit=N]
// Both --flag=value and --flag value; --help, --version. --editionId must be a UUID,
// --start >= 1, --end >= --start, 0 <= --delay <= 3600000 (milliseconds between
// requests), --limit >= 1. A bad argument is one line naming it and exit status 2,
// before any database access.
#pragma once

#include <string>
#include <vector>

#include "scrapers/chereads/chereads_segment.hpp"
#include "scrapers/runtime/parsed_cli.hpp"

namespace scrapers::chereads {

inline constexpr std::int64_t kMaxDelayMs = 3600000;

runtime::ParsedCli<ChereadsSegmentOptions> parse_chereads_segment_cli(const runtime::CommandLine& command_line);

}  // namespace scrapers::chereads
