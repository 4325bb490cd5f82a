// Command line of opensubtitles-work:
//   opensubtitles-work -u|--url <tvshow-url> (-w|--workId <uuid> | -t|--title <title>)
//                      [-p|--provider opensubtitles]
// The short forms are those of the original worker's script. Both --flag=value and
// --flag value; --help, --version. A bad argument (URL not a /{locale}/tvshows/{year}-{slug}
// page on OPENSUBTITLES_SITE_BASE, neither --workId nor --title, a malformed UUID, a
// provider that is not a label: see is_provider_label()) is one line naming it and exit
// status 2, before any database access. --workId with --title is not an error: the
// work is used and the title ignored, with a warning when the program runs.
#pragma once

#include <string>
#include <vector>

#include "scrapers/opensubtitles/opensubtitles_work.hpp"
#include "scrapers/runtime/parsed_cli.hpp"

namespace scrapers::opensubtitles {

runtime::ParsedCli<OpensubtitlesWorkOptions> parse_opensubtitles_work_cli(
    const runtime::CommandLine& command_line);

}  // namespace scrapers::opensubtitles
