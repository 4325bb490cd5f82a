// How a per-item run ends (readnovel-segment, chereads-segment, bulk-download-subtitles):
// its batch counts become the job's status and error, and the process exit status.
//
// The policy lives in two functions and nowhere else:
// - batch_failure(): whether the job fails, and its error text. The job fails when the
//   run stopped early (interrupt, blocked streak, refused login: the stop's reason), or
//   when any attempted item failed ("3 of 48 chapters failed (first: number 12: …)"),
//   with its counts kept in the output; a re-run only does the items still missing,
//   since stored ones are skipped. Locked chapters, items not found and items a quota
//   stop left are not failures. An EarlyStop::pause (a spent download quota) keeps what
//   was stored: without failed items the job succeeds when something was stored, and
//   otherwise fails "<stop reason>: nothing was downloaded".
// - batch_failure_kind(): whether a retry can fix that failure (the row's errors entry):
//   a stop by an Outcome::stop (spent quota, refused login) is permanent; a blocked
//   streak, or failed items that were all blocked, is blocked; failed items that all
//   failed for good (SegmentOutcome::failed_for_good: a 404, a layout change) are
//   permanent; other failed items are retryable (the retry only does the items still
//   missing); an interrupt is
//   retryable (run_tracked_job() records a cancel as cancelled).
// - batch_exit_status(): the job's exit status; a successful job in which some item
//   failed (possible only through a custom policy) still exits job_failed (1).
// run_batch_job() applies them around run_tracked_job(): the body hands back a
// BatchEnding (result + counts), so no caller keeps the counts on the side.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "scrapers/runtime/job_runner.hpp"
#include "scrapers/runtime/segment_batch.hpp"
#include "tracking/database.hpp"

namespace scrapers::runtime {

// What the stop that ended a run early (BatchStats::aborted) means for the job.
enum class EarlyStop {
  failure,  // the job fails with the stop's reason
  pause,    // what was stored stands; the rest waits for the next run
};

// What a per-item job body hands back: the job's result and the counts behind it.
struct BatchEnding {
  JobResult result;
  BatchStats stats;
};

// The job error for a finished batch, or nullopt when the job succeeds. `noun` names
// the items in the error text ("chapters", "segments", "episodes").
std::optional<std::string> batch_failure(const BatchStats& stats, std::string_view noun,
                                         EarlyStop stop = EarlyStop::failure);

// Whether a retry can fix the failure batch_failure() names for these counts.
tracking::FailureKind batch_failure_kind(const BatchStats& stats);

// The ending of a finished batch: `output` recorded either way, the job failed with
// batch_failure()'s text when it names one, else successful.
BatchEnding end_batch(const BatchStats& stats, std::string_view noun, nlohmann::json output,
                      EarlyStop stop = EarlyStop::failure);

// The process exit status for a job that ended with `job_exit_status` after a batch
// with these counts.
int batch_exit_status(int job_exit_status, const BatchStats& stats);

// BatchOptions::on_progress for a batch run as `context`'s job: the job's progress row,
// at most about once a second and once at the end (JobContext::record_progress).
std::function<void(const BatchProgress&)> progress_of(JobContext& context);

using BatchBody = std::function<BatchEnding(JobContext&)>;

// run_tracked_job() with `body`'s result as the job's, returning batch_exit_status().
// A body that throws fails the job (exit 1) exactly as under run_tracked_job().
int run_batch_job(tracking::Database& db, const JobSpec& spec, const BatchBody& body);

}  // namespace scrapers::runtime
