// Command line of bulk-download-subtitles (bulk_download.hpp says what the flags mean):
//   bulk-download-subtitles [-w|--workId <uuid>] [-e|--editionId <uuid>] [--segmentId <uuid>]...
//                           (-s|--seriesName <name> | --query <text>) [-l|--languages en]
//                           [-d|--delay 1000] [--limit N] [--allow-ai]
// The short forms are those of the original worker's script. At least one of --workId,
// --editionId, --segmentId. Both --flag=value and --flag value (-w value, -wvalue);
// --help, --version. --delay 0..3600000 and --limit
// 1..1000000 are whole numbers without a sign (runtime/cli_numbers.hpp). A bad argument, or a missing
// OPENSUBTITLES_API_KEY (or only one of OPENSUBTITLES_USERNAME / _PASSWORD), is one
// line naming it and exit status 2, before any database access. A .env file in the
// working directory is read first, as the programs do for DATABASE_URL.
#pragma once

#include <string>
#include <vector>

#include "scrapers/opensubtitles/bulk_download.hpp"
#include "scrapers/runtime/parsed_cli.hpp"

namespace scrapers::opensubtitles {

runtime::ParsedCli<BulkDownloadOptions> parse_bulk_download_cli(const runtime::CommandLine& command_line);

}  // namespace scrapers::opensubtitles
