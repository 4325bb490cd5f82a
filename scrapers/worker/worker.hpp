// `pipeline-jobs worker`: claims jobs from the pipeline_jobs queue and runs each one as
// its program's own process on that row (PIPELINE_JOB_ID / PIPELINE_JOB_WORKER), up to
// `concurrency` at once. See README "Running a fleet".
//
// Guarantees: a child's crash (any signal, any exit status) ends that job's attempt and
// never the worker; no claimed job is left running by a live worker (an unknown program
// or arguments that cannot be completed fail the job at once, not retried); SIGTERM or
// SIGINT puts running jobs back without using an attempt (after --shutdown-timeout the
// rest are killed and the attempt counts; a second signal skips the wait); a lost
// database connection is retried with backoff (1 s .. 30 s) while children keep running,
// and their endings are written once it is back. One connection per worker, each
// transaction self-contained (safe behind a transaction-mode pooler); every child opens
// its own (2 per program run: main + heartbeat).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace scrapers::worker {

struct WorkerOptions {
  int concurrency = 1;                                        // jobs run at once (>= 1)
  std::vector<std::string> programs{};                        // claim only these; empty: all
  std::chrono::milliseconds poll{std::chrono::seconds(1)};    // between claims when idle
  std::optional<std::chrono::milliseconds> exit_when_idle{};  // exit 0 after this long with nothing to do
  std::chrono::milliseconds shutdown_timeout{std::chrono::seconds(30)};
};

// Runs until SIGTERM/SIGINT (graceful shutdown, exit 0) or until idle for
// exit_when_idle (exit 0). Connects from the environment (DATABASE_URL, .env) and
// reconnects when the database goes away; exit 1 only when it cannot start at all
// (2 for a missing or malformed DATABASE_URL).
int run_worker(const WorkerOptions& options);

// The whole `pipeline-jobs worker` command from its own arguments (after "worker"):
// a bad value is one line "pipeline-jobs worker: ..." on stderr and exit 2.
int worker_main(const std::vector<std::string>& args);

}  // namespace scrapers::worker
