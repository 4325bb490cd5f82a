// Command line of `pipeline-jobs`, the job-tracking admin tool.
//
//   pipeline-jobs migrate
//   pipeline-jobs active                     running jobs, newest start first
//   pipeline-jobs failed [--limit 10]        newest failures first
//   pipeline-jobs stats [--job-type scrape]  count + average duration per script/status
//   pipeline-jobs retries [--job-type scrape] count per script/attempt
//   pipeline-jobs show <job-id>              one job, input/output/error pretty-printed
//   pipeline-jobs reap [--stale-after 5m]    fail running jobs without a recent heartbeat
//   pipeline-jobs try-run [--seconds N] [--fail-with MSG]   a short real tracked run
// Every command takes --json (machine-readable output). parse_cli() validates
// everything it can without the database (job type, UUID, durations, limits), so
// bad input is a one-line usage error (exit 2) before any connection is made.
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "tracking/job_types.hpp"

namespace scrapers::admin {

enum class Command { migrate, active, failed, stats, retries, show, reap, try_run };

struct Options {
  Command command = Command::active;
  bool json = false;
  int limit = 10;                                         // failed
  tracking::JobType job_type = tracking::JobType::scrape;  // stats, retries
  std::string job_id;                                     // show
  std::chrono::seconds stale_after{300};                  // reap
  std::chrono::milliseconds run_for{0};                   // try-run --seconds
  std::optional<std::string> fail_with;                   // try-run
  std::optional<std::chrono::milliseconds> heartbeat_interval;  // try-run
};

struct CliOutcome {
  std::optional<Options> options;  // set when the program should run a command
  int exit_code = 0;               // otherwise: 0 (help/version) or 2 (usage error)
  std::string text;                // help/version text (stdout) or one-line error (stderr)
};

CliOutcome parse_cli(int argc, const char* const* argv);
// The same, from one string without the program name (for tests).
CliOutcome parse_cli(const std::string& arguments);

}  // namespace scrapers::admin
