// Command line of try-run (pipeline-jobs try-run, see try_run.hpp):
//   --seconds N (0..86400, fractions allowed), --fail, --fail-with MSG,
//   --heartbeat-interval DURATION (e.g. 500ms), --json, --help, --version.
// A bad value is one line naming it and exit status 2, before any database access.
#pragma once

#include <string>
#include <vector>

#include "scrapers/runtime/parsed_cli.hpp"
#include "scrapers/try_run/try_run.hpp"

namespace scrapers::try_run {

runtime::ParsedCli<TryRunOptions> parse_try_run_cli(const runtime::CommandLine& command_line);

}  // namespace scrapers::try_run
