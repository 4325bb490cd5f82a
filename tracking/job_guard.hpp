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
// The Database must outlive the guard and stay where it is while the guard lives.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/util/error.hpp"
#include "tracking/database.hpp"
#include "tracking/job_adoption.hpp"

namespace scrapers::tracking {

struct JobGuardOptions {
  std::chrono::milliseconds heartbeat_interval{15000};
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
  // Ends the job `failed` with `error` (and the output, counts filled where possible).
  Status fail(const std::string& error, std::optional<nlohmann::json> output = std::nullopt);

 private:
  class Heartbeat;
  Status finish(bool success, std::optional<nlohmann::json> output, std::optional<std::string> error);

  Database& db_;
  std::string job_id_;
  int attempt_ = 0;
  bool finished_ = false;
  std::unique_ptr<Heartbeat> heartbeat_;
};

}  // namespace scrapers::tracking
