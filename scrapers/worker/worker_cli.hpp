// The worker's command line: [--concurrency N] [--programs a,b,...] [--poll DURATION]
// [--exit-when-idle DURATION] [--shutdown-timeout DURATION]. Parsing prints nothing and
// touches nothing; a bad value (concurrency outside 1..256, a program the registry does
// not know, a duration parse_duration rejects, a zero poll) is a one-line usage error.
#pragma once

#include "scrapers/runtime/parsed_cli.hpp"
#include "scrapers/worker/worker.hpp"

namespace scrapers::worker {

inline constexpr int kMaxConcurrency = 256;

runtime::ParsedCli<WorkerOptions> parse_worker_cli(const runtime::CommandLine& command_line);

}  // namespace scrapers::worker
