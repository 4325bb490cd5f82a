#include "scrapers/runtime/segment_batch.hpp"

#include "common/util/log.hpp"
#include "common/util/progress.hpp"
#include "common/util/signals.hpp"

namespace scrapers::runtime {
namespace {

nlohmann::json item(const tracking::Segment& segment, const std::string& reason) {
  return {{"segmentId", segment.id}, {"number", segment.number}, {"reason", reason}};
}

std::string label(const tracking::Segment& segment, std::size_t index, std::size_t total) {
  return "[" + std::to_string(index) + "/" + std::to_string(total) + "] segment " + segment.number + " (" +
         segment.id + ")";
}

void stop_run(BatchStats& stats, BatchStop why, std::string reason) {
  stats.aborted = true;
  stats.stop = why;
  stats.abort_reason = std::move(reason);
}

void report(const BatchOptions& options, BatchProgress progress) {
  if (options.on_progress) options.on_progress(progress);
}

// Counts one outcome; returns false when the run must stop here.
bool record(BatchStats& stats, const tracking::Segment& segment, const SegmentOutcome& outcome,
            const std::string& where, int& blocked_streak, int blocked_limit) {
  using Kind = SegmentOutcome::Kind;
  if (outcome.kind != Kind::blocked) blocked_streak = 0;
  switch (outcome.kind) {
    case Kind::stored:
      ++stats.stored;
      log::info(where + " stored" + (outcome.detail.empty() ? "" : ": " + outcome.detail));
      return true;
    case Kind::skipped:
      ++stats.skipped;
      stats.skipped_items.push_back(item(segment, outcome.detail));
      log::info(where + " skipped: " + outcome.detail);
      return true;
    case Kind::locked:
      ++stats.locked;
      log::info(where + " locked: not readable on the web, skipped");
      return true;
    case Kind::failed:
    case Kind::blocked:
      ++stats.failed;
      if (outcome.kind == Kind::failed && !outcome.retryable) ++stats.failed_for_good;
      stats.failures.push_back(item(segment, outcome.detail));
      log::warn(where + " failed: " + outcome.detail);
      if (outcome.kind == Kind::blocked) {
        ++stats.blocked;
        if (blocked_limit > 0 && ++blocked_streak >= blocked_limit) {
          stop_run(stats, BatchStop::blocked,
                   std::to_string(blocked_streak) +
                       " consecutive blocked answers: the site is blocking us, stopping");
          return false;
        }
      }
      return true;
    case Kind::stop:
      ++stats.not_attempted;  // the segment that hit the stop was not done either
      stop_run(stats, BatchStop::outcome, outcome.detail);
      log::warn(where + " stopping the run: " + outcome.detail);
      return false;
  }
  return true;
}

}  // namespace

BatchStats run_segment_batch(const std::vector<tracking::Segment>& segments, const BatchOptions& options,
                             const SegmentProcessor& process) {
  BatchStats stats;
  stats.total = segments.size();
  std::vector<const tracking::Segment*> pending;
  for (const auto& segment : segments) {
    if (segment.has_asset) {
      ++stats.skipped;
      continue;
    }
    if (options.skip_reason) {
      if (auto reason = options.skip_reason(segment)) {
        ++stats.skipped;
        stats.skipped_items.push_back(item(segment, *reason));
        log::info("segment " + segment.number + " (" + segment.id + ") skipped: " + *reason);
        continue;
      }
    }
    pending.push_back(&segment);
  }
  if (stats.skipped > 0) {
    log::info(std::to_string(stats.skipped) + " " + options.noun + " already have an asset: skipped");
  }
  if (options.limit > 0 && pending.size() > options.limit) {
    stats.beyond_limit = pending.size() - options.limit;
    stats.not_attempted = stats.beyond_limit;
    pending.resize(options.limit);
  }
  stats.to_process = pending.size();
  Progress progress(pending.size(), options.noun);
  int blocked_streak = 0;
  for (std::size_t i = 0; i < pending.size(); ++i) {
    const auto& segment = *pending[i];
    report(options, {i, pending.size(), "number " + segment.number, false});
    if (interrupted()) {
      stop_run(stats, BatchStop::interrupted, cancel_raised() ? "cancelled" : "interrupted by signal");
      stats.not_attempted += pending.size() - i;
      break;
    }
    ++stats.processed;
    const SegmentOutcome outcome = process(segment);
    progress.advance();
    if (!record(stats, segment, outcome, label(segment, i + 1, pending.size()), blocked_streak,
                options.stop_after_consecutive_blocked)) {
      stats.not_attempted += pending.size() - i - 1;
      break;
    }
  }
  report(options, {stats.processed, pending.size(), {}, true});
  return stats;
}

}  // namespace scrapers::runtime
