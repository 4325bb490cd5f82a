// Command line of readnovel-api:
//   readnovel-api <work_id> <novel-slug>
// --help and --version. work_id must be a UUID, the slug lower-case letters, digits
// and hyphens (as in https://readnovel.eu/novel/<slug>). A bad argument is one line
// naming it and exit status 2, before any database access.
#pragma once

#include <string>
#include <vector>

#include "scrapers/readnovel/readnovel_api.hpp"
#include "scrapers/runtime/parsed_cli.hpp"

namespace scrapers::readnovel {

runtime::ParsedCli<ReadnovelApiOptions> parse_readnovel_api_cli(const runtime::CommandLine& command_line);

}  // namespace scrapers::readnovel
