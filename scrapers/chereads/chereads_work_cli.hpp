// Command line of chereads-work:
//   chereads-work --url=<chapter-list-url> --workId=<uuid> [--title=<title>]
// Both --flag=value and --flag value; --help, --version. --workId must be a UUID,
// --url a /chapterlist/{bookId}/ or /novel/{bookId} page on CHEREADS_BASE (default
// https://www.chereads.com), --title non-empty. A bad argument is one line naming
// it and exit status 2, before any database access.
#pragma once

#include <string>
#include <vector>

#include "scrapers/chereads/chereads_work.hpp"
#include "scrapers/runtime/parsed_cli.hpp"

namespace scrapers::chereads {

runtime::ParsedCli<ChereadsWorkOptions> parse_chereads_work_cli(const runtime::CommandLine& command_line);

}  // namespace scrapers::chereads
