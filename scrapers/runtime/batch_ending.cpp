#include "scrapers/runtime/batch_ending.hpp"

#include <utility>

namespace scrapers::runtime {
namespace {

// " (first: number 12: content too short)" for the first listed failure, or "".
std::string first_failure(const BatchStats& stats) {
  if (!stats.failures.is_array() || stats.failures.empty()) return {};
  const nlohmann::json& first = stats.failures.front();
  const std::string number = first.value("number", std::string());
  const std::string where = number.empty() ? "segment " + first.value("segmentId", std::string("?"))
                                           : "number " + number;
  return " (first: " + where + ": " + first.value("reason", std::string("no reason given")) + ")";
}

}  // namespace

std::optional<std::string> batch_failure(const BatchStats& stats, std::string_view noun, EarlyStop stop) {
  if (stats.aborted) {
    if (stop == EarlyStop::failure) return stats.abort_reason;
    if (stats.stored == 0 && stats.failed == 0) return stats.abort_reason + ": nothing was downloaded";
  }
  if (stats.failed > 0) {
    const std::size_t attempted = stats.stored + stats.failed;
    return std::to_string(stats.failed) + " of " + std::to_string(attempted) + " " + std::string(noun) +
           " failed" + first_failure(stats);
  }
  return std::nullopt;
}

tracking::FailureKind batch_failure_kind(const BatchStats& stats) {
  using tracking::FailureKind;
  if (stats.aborted && stats.stop == BatchStop::outcome) return FailureKind::permanent;
  if (stats.aborted && stats.stop == BatchStop::blocked) return FailureKind::blocked;
  if (stats.failed > 0 && stats.blocked == stats.failed) return FailureKind::blocked;
  if (stats.failed > 0 && stats.failed_for_good == stats.failed) return FailureKind::permanent;
  return FailureKind::retryable;
}

BatchEnding end_batch(const BatchStats& stats, std::string_view noun, nlohmann::json output, EarlyStop stop) {
  if (auto error = batch_failure(stats, noun, stop)) {
    return {JobResult::failure(std::move(*error), std::move(output), batch_failure_kind(stats)), stats};
  }
  return {JobResult::success(std::move(output)), stats};
}

int batch_exit_status(int job_exit_status, const BatchStats& stats) {
  if (job_exit_status == exit_code::ok && stats.failed > 0) return exit_code::job_failed;
  return job_exit_status;
}

std::function<void(const BatchProgress&)> progress_of(JobContext& context) {
  return [&context](const BatchProgress& progress) {
    tracking::JobProgress row{static_cast<long long>(progress.done), static_cast<long long>(progress.total),
                              std::nullopt};
    if (!progress.item.empty()) row.item = progress.item;
    context.record_progress(row, progress.finished);
  };
}

int run_batch_job(tracking::Database& db, const JobSpec& spec, const BatchBody& body) {
  BatchStats stats;  // stays empty when the body throws
  const int status = run_tracked_job(db, spec, [&](JobContext& context) {
    BatchEnding ending = body(context);
    stats = std::move(ending.stats);
    return std::move(ending.result);
  });
  return batch_exit_status(status, stats);
}

}  // namespace scrapers::runtime
