// JobGuard: a job's run, shaped like a transaction (begin: running; commit: success; else failed).
//
// Constructing the guard marks the job `running` (attempt + 1, started_at, in one
// UPDATE) and starts a heartbeat thread that refreshes heartbeat_at every
// `heartbeat_interval` over its OWN connection; heartbeat failures are logged and
// retried on the next tick, never propagated. succeed(output) ends the job `success`
// (output checked for total/success/failed, see job_output.hpp); fail(error, output?)
// ends it `failed`, keeping partial counts when given. A guard destroyed without either
// marks the job failed: "interrupted by signal" when scrapers::interrupted(), otherwise
// "run ended without reporting success". The final write is retried once on a fresh
// connection, so a dropped connection does not leave the job `running`.
// A guard may also take over a job that adopt_job() already marked running
// (job_adoption.hpp): it then only heartbeats and ends it, counting no attempt itself.
// Failing appends, before the row is marked failed, one entry per attempt to the row's
// `errors`: {attempt, error, at (ISO UTC), worker, kind, retryable}, where kind says
// whether a retry can fix it (FailureKind); the queue's finish_attempt() reads it.
// Cancellation: each heartbeat is one UPDATE that also reads cancel_requested_at; once
// it is set the guard raises the process's interrupt flag (signals.hpp raise_cancel()),
// so loops that stop on SIGINT/SIGTERM stop on a cancel too. report_progress() writes
// progress on the main connection and reads the cancel in the same round trip.
// A heartbeat proves progress, not only a live process: it is skipped while the main
// thread has noted no progress for stall_timeout (progress_stamp.hpp: transfers,
// parsed pages, reported items and deliberate waits count), and resumes if it moves.
// The Database must outlive the guard and stay where it is while the guard lives.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/util/error.hpp"
#include "tracking/database.hpp"
#include "tracking/job_adoption.hpp"

namespace scrapers::tracking {

// Whether a failed attempt is worth another one (recorded as the errors entry's kind).
enum class FailureKind {
  retryable,  // a retry may well succeed (network, timeout, database, unknown)
  permanent,  // a retry cannot fix it (bad input, 404, layout change, quota spent)
  blocked,    // an anti-bot block: worth a retry after the long delay
  cancelled,  // a cancel was requested: never retried
};
std::string_view to_string(FailureKind kind);
// retryable and blocked are worth another attempt.
bool is_retryable(FailureKind kind);

// What a per-item program has done so far (pipeline_jobs.progress).
struct JobProgress {
  long long done = 0;
  std::optional<long long> total{};
  std::optional<std::string> item{};  // the item in hand
};

struct JobGuardOptions {
  std::chrono::milliseconds heartbeat_interval{15000};
  // Once the main thread has noted no progress (common/util/progress_stamp.hpp) for
  // this long, the heartbeat stops refreshing the row (logged once), so a hung parse
  // or transfer lets the job go stale and be reaped. Zero: never.
  std::chrono::milliseconds stall_timeout{std::chrono::minutes(10)};
};

class JobGuard {
 public:
  // Throws ErrorException when the job cannot be marked running (unknown id, database).
  JobGuard(Database& db, std::string job_id, JobGuardOptions options = {});
  // Takes over a job that is already running (adopted); starts heartbeating.
  JobGuard(Database& db, const AdoptedJob& adopted, JobGuardOptions options = {});
  ~JobGuard();
  JobGuard(const JobGuard&) = delete;
  JobGuard& operator=(const JobGuard&) = delete;
  JobGuard(JobGuard&&) = delete;
  JobGuard& operator=(JobGuard&&) = delete;

  const std::string& job_id() const { return job_id_; }
  int attempt() const { return attempt_; }
  bool finished() const { return finished_; }
  // Heartbeats written by the thread so far (the initial `running` write not counted).
  int heartbeats() const;

  // Ends the job `success`. An output lacking the minimum counts ends it `failed` with
  // that message instead and returns the Error. Calling after the job ended is an error.
  Status succeed(nlohmann::json output);
  // Ends the job `failed` with `error` (and the output, counts filled where possible),
  // appending the attempt's errors entry with `kind` first.
  Status fail(const std::string& error, std::optional<nlohmann::json> output = std::nullopt,
              FailureKind kind = FailureKind::retryable);

  // Writes progress (and heartbeat_at) on the main connection; returns whether a cancel
  // was requested, raising the interrupt flag when it was. A row no longer running: false.
  Result<bool> report_progress(const JobProgress& progress) const;

 private:
  class Heartbeat;
  Status finish(bool success, std::optional<nlohmann::json> output, std::optional<std::string> error,
                FailureKind kind = FailureKind::retryable);

  Database& db_;
  std::string job_id_;
  int attempt_ = 0;
  bool finished_ = false;
  std::unique_ptr<Heartbeat> heartbeat_;
};

}  // namespace scrapers::tracking
