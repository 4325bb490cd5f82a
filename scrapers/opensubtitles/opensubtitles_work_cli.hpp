// Command line of opensubtitles-work:
//   opensubtitles-work --url <tvshow-url> (--workId <uuid> | --title <title>) [--provider opensubtitles]
// Both --flag=value and --flag value; --help, --version. A bad argument (URL not a
// /{locale}/tvshows/{year}-{slug} page on OPENSUBTITLES_SITE_BASE, not exactly one of
// --workId/--title, a malformed UUID, a provider that is not a short identifier) is
// one line naming it and exit status 2, before any database access.
#pragma once

#include <string>
#include <vector>

#include "scrapers/opensubtitles/opensubtitles_work.hpp"
#include "scrapers/runtime/parsed_cli.hpp"

namespace scrapers::opensubtitles {

runtime::ParsedCli<OpensubtitlesWorkOptions> parse_opensubtitles_work_cli(
    const runtime::CommandLine& command_line);

}  // namespace scrapers::opensubtitles
