#include "scrapers/runtime/batch_ending.hpp"

#include <gtest/gtest.h>

namespace scrapers::runtime {
namespace {

using nlohmann::json;

// Counts as the batch loop leaves them.
BatchStats counts(std::size_t stored, std::size_t failed, std::size_t skipped = 0) {
  BatchStats stats;
  stats.total = stored + failed + skipped;
  stats.processed = stored + failed;
  stats.stored = stored;
  stats.failed = failed;
  stats.skipped = skipped;
  return stats;
}

BatchStats stopped(std::size_t stored, std::size_t failed, std::string reason) {
  BatchStats stats = counts(stored, failed);
  stats.aborted = true;
  stats.abort_reason = std::move(reason);
  stats.not_attempted = 4;
  return stats;
}

std::vector<tracking::Segment> segments(int count) {
  std::vector<tracking::Segment> out(static_cast<std::size_t>(count));
  for (int i = 0; i < count; ++i) out[static_cast<std::size_t>(i)].id = "seg-" + std::to_string(i + 1);
  return out;
}

TEST(BatchFailure, AnyFailedItemFailsTheRunNamingTheCountsAndTheFirstFailure) {
  int calls = 0;
  std::vector<tracking::Segment> batch = segments(3);
  batch[1].number = "12";
  const BatchStats stats = run_segment_batch(batch, {}, [&](const tracking::Segment&) {
    return ++calls == 2 ? SegmentOutcome::failed("content too short") : SegmentOutcome::stored("ok");
  });
  EXPECT_EQ(batch_failure(stats, "chapters"), "1 of 3 chapters failed (first: number 12: content too short)");
  EXPECT_EQ(batch_failure(counts(7, 3), "chapters"), "3 of 10 chapters failed");
  EXPECT_EQ(batch_failure(counts(7, 0), "chapters"), std::nullopt);
}

TEST(BatchFailure, EveryAttemptedItemFailingFailsTheRunToo) {
  const BatchStats stats = run_segment_batch(
      segments(2), {}, [](const tracking::Segment&) { return SegmentOutcome::failed("404"); });
  EXPECT_EQ(batch_failure(stats, "chapters"), "2 of 2 chapters failed (first: segment seg-1: 404)");
  EXPECT_EQ(batch_failure(counts(0, 3, 5), "episodes"), "3 of 3 episodes failed");
}

TEST(BatchFailure, ARunWithNothingToDoSucceeds) {
  EXPECT_EQ(batch_failure(counts(0, 0, 6), "segments"), std::nullopt);
  EXPECT_EQ(batch_failure(BatchStats{}, "segments"), std::nullopt);
}

TEST(BatchFailure, AnEarlyStopFailsTheRunWithTheStopReasonWhateverWasStored) {
  EXPECT_EQ(batch_failure(stopped(1, 3, "3 consecutive blocked answers"), "chapters"),
            "3 consecutive blocked answers");
  EXPECT_EQ(batch_failure(stopped(0, 0, "interrupted by signal"), "chapters"), "interrupted by signal");
}

TEST(BatchFailure, APauseKeepsWhatWasStoredAndFailsOnlyWhenNothingWas) {
  EXPECT_EQ(batch_failure(stopped(2, 0, "download quota exhausted"), "episodes", EarlyStop::pause), std::nullopt);
  EXPECT_EQ(batch_failure(stopped(0, 0, "download quota exhausted"), "episodes", EarlyStop::pause),
            "download quota exhausted: nothing was downloaded");
  EXPECT_EQ(batch_failure(stopped(2, 1, "download quota exhausted"), "episodes", EarlyStop::pause),
            "1 of 3 episodes failed")
      << "items that failed before the stop still fail the run";
}

TEST(BatchFailure, APauseOnlyAppliesToARunThatStopped) {
  EXPECT_EQ(batch_failure(counts(0, 2), "episodes", EarlyStop::pause), "2 of 2 episodes failed");
  EXPECT_EQ(batch_failure(counts(1, 0), "episodes", EarlyStop::pause), std::nullopt);
}

TEST(EndBatch, AFailedRunKeepsItsOutputAndCountsAndCarriesTheError) {
  const json output = {{"total", 2}, {"success", 0}, {"failed", 2}};
  const BatchEnding ending = end_batch(counts(0, 2), "segments", output);
  EXPECT_TRUE(ending.result.failed);
  EXPECT_EQ(ending.result.error, "2 of 2 segments failed");
  EXPECT_EQ(ending.result.output, output);
  EXPECT_EQ(ending.stats.failed, 2u);
}

TEST(EndBatch, ASuccessfulRunKeepsItsOutputAndCounts) {
  const json output = {{"total", 3}, {"success", 2}, {"failed", 0}};
  const BatchEnding ending = end_batch(counts(2, 0, 1), "segments", output);
  EXPECT_FALSE(ending.result.failed);
  EXPECT_EQ(ending.result.output, output);
  EXPECT_EQ(ending.stats.stored, 2u);
  EXPECT_EQ(ending.stats.skipped, 1u);
}

TEST(EndBatch, APausedRunWithSomethingStoredSucceeds) {
  const BatchEnding ending = end_batch(stopped(3, 0, "download quota exhausted"), "episodes", json::object(),
                                       EarlyStop::pause);
  EXPECT_FALSE(ending.result.failed);
  const BatchEnding stop = end_batch(stopped(3, 0, "login refused"), "episodes", json::object());
  EXPECT_TRUE(stop.result.failed);
  EXPECT_EQ(stop.result.error, "login refused");
}

TEST(BatchExitStatus, ASuccessfulJobWithAFailedItemExitsOne) {
  EXPECT_EQ(batch_exit_status(exit_code::ok, counts(7, 3)), exit_code::job_failed);
  EXPECT_EQ(batch_exit_status(exit_code::ok, counts(7, 0, 2)), exit_code::ok);
}

TEST(BatchExitStatus, AnyOtherJobStatusIsKept) {
  EXPECT_EQ(batch_exit_status(exit_code::job_failed, counts(0, 0)), exit_code::job_failed);
  EXPECT_EQ(batch_exit_status(exit_code::job_failed, counts(0, 2)), exit_code::job_failed);
  EXPECT_EQ(batch_exit_status(exit_code::interrupted, counts(1, 2)), exit_code::interrupted);
}

BatchStats stopped_by(BatchStop why, std::size_t stored, std::size_t failed) {
  BatchStats stats = stopped(stored, failed, "stopped");
  stats.stop = why;
  return stats;
}

TEST(BatchFailureKind, FailedItemsAreRetryableUnlessEveryOneWasBlocked) {
  EXPECT_EQ(batch_failure_kind(counts(7, 3)), tracking::FailureKind::retryable);
  BatchStats all_blocked = counts(7, 3);
  all_blocked.blocked = 3;
  EXPECT_EQ(batch_failure_kind(all_blocked), tracking::FailureKind::blocked);
  BatchStats some_blocked = counts(7, 3);
  some_blocked.blocked = 2;
  EXPECT_EQ(batch_failure_kind(some_blocked), tracking::FailureKind::retryable);
}

TEST(BatchFailureKind, FailedItemsThatAllFailedForGoodArePermanent) {
  BatchStats all = counts(7, 2);
  all.failed_for_good = 2;
  EXPECT_EQ(batch_failure_kind(all), tracking::FailureKind::permanent);
  BatchStats some = counts(7, 2);
  some.failed_for_good = 1;
  EXPECT_EQ(batch_failure_kind(some), tracking::FailureKind::retryable) << "one failure a retry may fix";
}

TEST(BatchFailureKind, AStopOutcomeIsPermanentABlockedStreakBlockedAnInterruptRetryable) {
  EXPECT_EQ(batch_failure_kind(stopped_by(BatchStop::outcome, 0, 0)), tracking::FailureKind::permanent);
  EXPECT_EQ(batch_failure_kind(stopped_by(BatchStop::outcome, 2, 1)), tracking::FailureKind::permanent)
      << "a spent quota or refused login: retrying now cannot help";
  EXPECT_EQ(batch_failure_kind(stopped_by(BatchStop::blocked, 1, 3)), tracking::FailureKind::blocked);
  EXPECT_EQ(batch_failure_kind(stopped_by(BatchStop::interrupted, 1, 0)), tracking::FailureKind::retryable);
}

TEST(EndBatch, TheFailedResultCarriesTheFailureKind) {
  const BatchEnding quota = end_batch(stopped_by(BatchStop::outcome, 0, 0), "episodes", json::object(),
                                      EarlyStop::pause);
  ASSERT_TRUE(quota.result.failed);
  EXPECT_EQ(quota.result.failure_kind, tracking::FailureKind::permanent);
  const BatchEnding items = end_batch(counts(4, 1), "chapters", json::object());
  ASSERT_TRUE(items.result.failed);
  EXPECT_EQ(items.result.failure_kind, tracking::FailureKind::retryable);
}

}  // namespace
}  // namespace scrapers::runtime
