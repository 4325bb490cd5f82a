#include "scrapers/runtime/batch_ending.hpp"

#include <utility>

namespace scrapers::runtime {

std::optional<std::string> batch_failure(const BatchStats& stats, std::string_view noun, EarlyStop stop) {
  if (stats.aborted) {
    if (stop == EarlyStop::failure) return stats.abort_reason;
    if (stats.stored == 0) return stats.abort_reason + ": nothing was downloaded";
  }
  const std::size_t attempted = stats.stored + stats.failed;
  if (attempted > 0 && stats.stored == 0) {
    return "all " + std::to_string(attempted) + " attempted " + std::string(noun) + " failed";
  }
  return std::nullopt;
}

BatchEnding end_batch(const BatchStats& stats, std::string_view noun, nlohmann::json output, EarlyStop stop) {
  if (auto error = batch_failure(stats, noun, stop)) {
    return {JobResult::failure(std::move(*error), std::move(output)), stats};
  }
  return {JobResult::success(std::move(output)), stats};
}

int batch_exit_status(int job_exit_status, const BatchStats& stats) {
  if (job_exit_status == exit_code::ok && stats.failed > 0) return exit_code::job_failed;
  return job_exit_status;
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
