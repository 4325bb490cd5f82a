// Command line of readnovel-segment:
//   readnovel-segment <segment_id> [<segment_id> ...] [--delay MS] [--limit N]
//   readnovel-segment --edition <edition_id>          [--delay MS] [--limit N]
// Both --flag=value and --flag value; --help, --version. Every id must be a UUID;
// segment ids and --edition exclude each other; --delay (default 1000 ms between
// requests) 0..3600000; --limit (how many segments to process at most) 1..1000000;
// both whole numbers without a sign (runtime/cli_numbers.hpp). A bad
// argument is one line naming it and exit status 2, before any database access.
#pragma once

#include <string>
#include <vector>

#include "scrapers/readnovel/readnovel_segment.hpp"
#include "scrapers/runtime/parsed_cli.hpp"

namespace scrapers::readnovel {

runtime::ParsedCli<ReadnovelSegmentOptions> parse_readnovel_segment_cli(const runtime::CommandLine& command_line);

}  // namespace scrapers::readnovel
