// Adopting a job row that already exists, instead of creating one: how a program runs
// for a row that a queue (or any caller) prepared and names in PIPELINE_JOB_ID.
//
// adopt_job() is one guarded UPDATE, so two processes can never both adopt one row:
//   queued                              -> running, attempt + 1, started_at = now(),
//                                          worker = this process, error cleared;
//   running, worker = params.claimed_by -> stays running with its attempt, worker and
//                                          started_at (the caller already counted it);
//   anything else (finished, or running for another worker) -> invalid_argument,
//                                          the row untouched; an unknown id -> not_found.
// In both accepted cases the input patch is merged into the row's input (its keys win),
// the given ids are written, and heartbeat_at is refreshed.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "common/util/error.hpp"
#include "tracking/database.hpp"
#include "tracking/jobs.hpp"

namespace scrapers::tracking {

struct AdoptParams {
  std::string job_id;
  // The `worker` value of the caller that already marked the row running (it passes it
  // to the program); nullopt when the program may only adopt a queued row.
  std::optional<std::string> claimed_by;
  Json input_patch = Json::object();
  JobIds ids;
};

struct AdoptedJob {
  std::string id;
  int attempt = 0;
  std::string worker;       // the value heartbeats keep writing
  bool was_queued = false;  // false: the caller had claimed it running
};

Result<AdoptedJob> adopt_job(Database& db, const AdoptParams& params);

}  // namespace scrapers::tracking
