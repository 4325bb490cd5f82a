// Reading pipeline_jobs: the monitoring queries (active, failed, stats, queue stats,
// retries) and one job.
//
// active_jobs:  status = 'running', newest start first.
// failed_jobs:  status = 'failed', newest finish first, at most `limit`; with `program`,
//               only that program's (input->>'program', else input->>'scriptType').
// job_stats:    per scriptType and status of one job_type, finished jobs only: count and
//               average duration (finished_at - started_at) in seconds.
// queue_stats:  per program (input->>'program', else input->>'scriptType') of one
//               job_type: queued jobs runnable now (the claim's own condition) and
//               waiting (run_at ahead, a dependency not yet succeeded, source paused, or
//               no program to run), running, the age of the oldest runnable job,
//               failures in the last hour, and p50/p95 duration of finished jobs.
// retry_stats:  per scriptType and attempt of one job_type, for running/success/failed.
// Timestamps are ISO 8601 UTC text ("2026-11-28T17:00:00Z"); absent values are nullopt.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/util/error.hpp"
#include "tracking/database.hpp"
#include "tracking/job_types.hpp"

namespace scrapers::tracking {

struct JobRecord {
  std::string id;
  std::string job_type;
  std::string status;
  std::optional<std::string> source_id, work_id, edition_id, segment_id;
  std::optional<std::string> script_type;  // input->>'scriptType'
  nlohmann::json input = nlohmann::json::object();
  std::optional<nlohmann::json> output;
  int attempt = 0;
  std::optional<std::string> error;
  std::string created_at;
  std::optional<std::string> started_at, finished_at, heartbeat_at;
  std::optional<std::string> worker;
  std::optional<double> duration_seconds;  // finished_at - started_at
  // The queue's columns (migration 0003).
  std::optional<std::string> program;  // input->>'program'
  int priority = 0;
  std::optional<std::string> run_at;
  std::optional<int> max_attempts;
  std::vector<std::string> depends_on;
  std::optional<std::string> unique_key;
  std::optional<std::string> cancel_requested_at;
  nlohmann::json errors = nlohmann::json::array();  // [{attempt, error, at, worker}]
  std::optional<nlohmann::json> progress;           // {done, total, item, updated_at}
  std::optional<double> elapsed_seconds;            // now - started_at, while running
};

struct StatsRow {
  std::optional<std::string> script_type;
  std::string status;
  long long count = 0;
  std::optional<double> avg_duration_seconds;
};

struct QueueStatsRow {
  std::optional<std::string> program;
  long long runnable = 0;  // queued and claimable now
  long long waiting = 0;   // queued, not claimable yet
  long long running = 0;
  std::optional<double> oldest_runnable_age_seconds;  // now - coalesce(run_at, created_at)
  // Failed attempts recorded in `errors` within the hour, plus jobs failed within the
  // hour without any recorded attempt (standalone runs, cancelled or dependency-failed
  // queued jobs).
  long long failed_last_hour = 0;
  std::optional<double> p50_duration_seconds, p95_duration_seconds;  // finished jobs
};

struct RetryRow {
  std::optional<std::string> script_type;
  int attempt = 0;
  long long count = 0;
};

// not_found for an unknown id; invalid_argument for a malformed one (before any SQL).
Result<JobRecord> get_job(Database& db, const std::string& job_id);
Result<std::vector<JobRecord>> active_jobs(Database& db);
Result<std::vector<JobRecord>> failed_jobs(Database& db, int limit = 10,
                                           const std::optional<std::string>& program = std::nullopt);
Result<std::vector<StatsRow>> job_stats(Database& db, JobType job_type = JobType::scrape);
Result<std::vector<QueueStatsRow>> queue_stats(Database& db, JobType job_type = JobType::scrape);
Result<std::vector<RetryRow>> retry_stats(Database& db, JobType job_type = JobType::scrape);

// Every field, absent ones as null.
nlohmann::json to_json(const JobRecord& job);

}  // namespace scrapers::tracking
