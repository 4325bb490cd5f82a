// `pipeline-jobs worker`: claims jobs from the pipeline_jobs queue and runs each one as
// its program's own process on that row (PIPELINE_JOB_ID / PIPELINE_JOB_WORKER), up to
// `concurrency` at once. See README "Running a fleet".
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
// reconnects when the database goes away; exit 1 only when it cannot start at all.
int run_worker(const WorkerOptions& options);

}  // namespace scrapers::worker
