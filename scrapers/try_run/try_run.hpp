// try-run: a real tracked job that does nothing but last a while, for checking a
// deployment (database, job rows, heartbeats, signals) and for tests and demos of the
// queue. `pipeline-jobs try-run [--seconds N] [--fail | --fail-with MSG]
// [--heartbeat-interval D] [--json]`.
//
// The job (scrape, input {scriptType: 'pipeline-jobs-try-run', seconds, failWith?})
// stays running for --seconds (sleeping in short slices so a signal ends it at once),
// then ends success with {total: 1, success: 1, failed: 0}, or failed with the given
// message (--fail: "failed on purpose") and {total: 1, success: 0, failed: 1}.
// Prints "job <id> <status>" (or JSON {job_id, status, exit_code} with --json).
#pragma once

#include <chrono>
#include <optional>
#include <string>

#include "scrapers/runtime/services.hpp"
#include "tracking/database.hpp"

namespace scrapers::try_run {

inline constexpr const char* kScriptType = "pipeline-jobs-try-run";
inline constexpr const char* kFailedOnPurpose = "failed on purpose";

struct TryRunOptions {
  std::chrono::milliseconds run_for{0};
  std::optional<std::string> fail_with;
  std::optional<std::chrono::milliseconds> heartbeat_interval;
  bool json = false;
};

int run_try_run(const TryRunOptions& options, tracking::Database& db, runtime::Services& services);

}  // namespace scrapers::try_run
