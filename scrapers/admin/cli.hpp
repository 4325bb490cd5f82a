// Command line of `pipeline-jobs`, the job-tracking admin tool.
//
//   pipeline-jobs migrate
//   pipeline-jobs active                     running jobs, newest start first
//   pipeline-jobs failed [--limit 10]        newest failures first
//   pipeline-jobs stats [--job-type scrape]  per script/status + the queue per program
//   pipeline-jobs retries [--job-type scrape] count per script/attempt
//   pipeline-jobs show <job-id>              one job, input/output/error pretty-printed
//   pipeline-jobs reap [--stale-after 5m]    fail running jobs without a recent heartbeat
//   pipeline-jobs try-run [ARGS...]          the registry's try-run program (try_run.hpp)
//   pipeline-jobs worker [ARGS...]           the queue's worker (scrapers/worker/worker.hpp)
//   pipeline-jobs enqueue | cancel | retry | schedule add|list|remove   the queue (queue_cli.hpp)
//   pipeline-jobs dashboard [--listen 127.0.0.1:8080]   the web dashboard (scrapers/dashboard/dashboard.hpp)
// Every command takes --json (machine-readable output). parse_cli() validates
// everything it can without the database (job type, UUID, durations, limits; try-run's
// and queued programs' arguments with their own parsers), so bad input is a one-line usage error
// (exit 2) before any connection is made. The outcome follows the suite's one
// convention (scrapers/runtime/parsed_cli.hpp).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "scrapers/admin/queue_options.hpp"
#include "scrapers/runtime/parsed_cli.hpp"
#include "tracking/job_types.hpp"

namespace scrapers::admin {

enum class Command {
  migrate,
  active,
  failed,
  stats,
  retries,
  show,
  reap,
  try_run,
  worker,
  enqueue,
  cancel,
  retry,
  schedule_add,
  schedule_list,
  schedule_remove,
  dashboard,
};

struct Options {
  Command command = Command::active;
  bool json = false;
  int limit = 10;                                          // failed
  tracking::JobType job_type = tracking::JobType::scrape;  // stats, retries
  std::string job_id;                                      // show, cancel, retry
  std::chrono::seconds stale_after{300};                   // reap
  std::vector<std::string> program_args;                   // try-run, worker, enqueue, schedule add: their own
  QueueOptions queue;                                      // enqueue, schedule (queue_options.hpp)
  std::string listen = "127.0.0.1:8080";                   // dashboard (checked by dashboard_main)
};

runtime::ParsedCli<Options> parse_cli(int argc, const char* const* argv);
// The same, from one string without the program name (for tests).
runtime::ParsedCli<Options> parse_cli(const std::string& arguments);

}  // namespace scrapers::admin
