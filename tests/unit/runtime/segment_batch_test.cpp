#include "scrapers/runtime/segment_batch.hpp"

#include <gtest/gtest.h>

#include <csignal>

#include "common/util/signals.hpp"

namespace scrapers::runtime {
namespace {

std::vector<tracking::Segment> segments(int count, std::vector<int> with_asset = {}) {
  std::vector<tracking::Segment> out;
  for (int i = 1; i <= count; ++i) {
    tracking::Segment s;
    s.id = "seg-" + std::to_string(i);
    s.number = std::to_string(i);
    s.has_asset = std::find(with_asset.begin(), with_asset.end(), i) != with_asset.end();
    out.push_back(s);
  }
  return out;
}

TEST(SegmentBatch, SegmentsWithAnAssetAreSkippedWithoutReachingTheProcessor) {
  std::vector<std::string> seen;
  BatchStats stats = run_segment_batch(segments(4, {2, 3}), {}, [&](const tracking::Segment& s) {
    seen.push_back(s.id);
    return SegmentOutcome::stored();
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"seg-1", "seg-4"}));
  EXPECT_EQ(stats.total, 4u);
  EXPECT_EQ(stats.stored, 2u);
  EXPECT_EQ(stats.skipped, 2u);
  EXPECT_FALSE(stats.aborted);
}

TEST(SegmentBatch, LimitCapsProcessedSegmentsAndCountsTheRestAsNotAttempted) {
  int calls = 0;
  BatchOptions options;
  options.limit = 2;
  BatchStats stats = run_segment_batch(segments(5, {1}), options, [&](const tracking::Segment&) {
    ++calls;
    return SegmentOutcome::stored();
  });
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(stats.processed, 2u);
  EXPECT_EQ(stats.not_attempted, 2u);
  EXPECT_EQ(stats.skipped, 1u);
}

TEST(SegmentBatch, SegmentsWithASkipReasonAreListedAndDoNotUseUpTheLimit) {
  BatchOptions options;
  options.limit = 2;
  options.skip_reason = [](const tracking::Segment& s) -> std::optional<std::string> {
    if (s.id == "seg-1" || s.id == "seg-2") return "no url";
    return std::nullopt;
  };
  std::vector<std::string> seen;
  BatchStats stats = run_segment_batch(segments(5), options, [&](const tracking::Segment& s) {
    seen.push_back(s.id);
    return SegmentOutcome::stored();
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"seg-3", "seg-4"}));
  EXPECT_EQ(stats.skipped, 2u);
  ASSERT_EQ(stats.skipped_items.size(), 2u);
  EXPECT_EQ(stats.skipped_items[0]["reason"], "no url");
  EXPECT_EQ(stats.not_attempted, 1u);
}

TEST(SegmentBatch, FailuresAreListedAndTheRunGoesOn) {
  BatchStats stats = run_segment_batch(segments(3), {}, [&](const tracking::Segment& s) {
    return s.id == "seg-2" ? SegmentOutcome::failed("content too short (42 characters)")
                           : SegmentOutcome::stored();
  });
  EXPECT_EQ(stats.stored, 2u);
  EXPECT_EQ(stats.failed, 1u);
  ASSERT_EQ(stats.failures.size(), 1u);
  EXPECT_EQ(stats.failures[0]["segmentId"], "seg-2");
  EXPECT_EQ(stats.failures[0]["reason"], "content too short (42 characters)");
  EXPECT_FALSE(stats.aborted) << "a failed segment does not stop the run";
}

TEST(SegmentBatch, ConsecutiveBlockedAnswersStopTheRun) {
  BatchOptions options;
  options.stop_after_consecutive_blocked = 3;
  int calls = 0;
  BatchStats stats = run_segment_batch(segments(10), options, [&](const tracking::Segment& s) {
    ++calls;
    return s.id == "seg-1" ? SegmentOutcome::stored() : SegmentOutcome::blocked("challenge page");
  });
  EXPECT_EQ(calls, 4);
  EXPECT_EQ(stats.blocked, 3u);
  EXPECT_EQ(stats.failed, 3u);
  EXPECT_EQ(stats.not_attempted, 6u);
  EXPECT_TRUE(stats.aborted);
  EXPECT_NE(stats.abort_reason.find("3 consecutive blocked"), std::string::npos);
}

TEST(SegmentBatch, LockedChaptersAreCountedApartFromFailures) {
  BatchStats stats = run_segment_batch(segments(3), {}, [](const tracking::Segment& s) {
    return s.id == "seg-3" ? SegmentOutcome::locked() : SegmentOutcome::stored();
  });
  EXPECT_EQ(stats.locked, 1u);
  EXPECT_EQ(stats.failed, 0u);
  EXPECT_EQ(stats.stored, 2u);
}

TEST(SegmentBatch, StopOutcomeEndsTheRunAndLeavesTheRestUntouched) {
  int calls = 0;
  BatchStats stats = run_segment_batch(segments(5), {}, [&](const tracking::Segment& s) {
    ++calls;
    return s.id == "seg-3" ? SegmentOutcome::stop("download quota exhausted") : SegmentOutcome::stored();
  });
  EXPECT_EQ(calls, 3);
  EXPECT_EQ(stats.stored, 2u);
  EXPECT_EQ(stats.not_attempted, 3u);
  EXPECT_EQ(stats.abort_reason, "download quota exhausted");
}

TEST(SegmentBatch, AnInterruptStopsBeforeTheNextSegment) {
  reset_interrupt_for_tests();
  int calls = 0;
  BatchStats stats = run_segment_batch(segments(5), {}, [&](const tracking::Segment&) {
    if (++calls == 2) simulate_interrupt(SIGINT);
    return SegmentOutcome::stored();
  });
  reset_interrupt_for_tests();
  EXPECT_EQ(calls, 2);
  EXPECT_TRUE(stats.aborted);
  EXPECT_EQ(stats.abort_reason, "interrupted by signal");
  EXPECT_EQ(stats.not_attempted, 3u);
}

TEST(SegmentBatch, ProgressIsReportedBeforeEachProcessedSegmentAndOnceAtTheEnd) {
  std::vector<BatchProgress> seen;
  BatchOptions options;
  options.on_progress = [&](const BatchProgress& p) { seen.push_back(p); };
  BatchStats stats = run_segment_batch(segments(4, {2}), options,
                                       [](const tracking::Segment&) { return SegmentOutcome::stored(); });
  EXPECT_EQ(stats.stored, 3u);
  ASSERT_EQ(seen.size(), 4u) << "three processed segments and the end";
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(seen[i].done, i);
    EXPECT_EQ(seen[i].total, 3u) << "the segment with an asset is not part of the work";
    EXPECT_FALSE(seen[i].finished);
  }
  EXPECT_EQ(seen[0].item, "number 1");
  EXPECT_EQ(seen[1].item, "number 3");
  EXPECT_EQ(seen[2].item, "number 4");
  EXPECT_EQ(seen[3].done, 3u);
  EXPECT_EQ(seen[3].total, 3u);
  EXPECT_TRUE(seen[3].item.empty());
  EXPECT_TRUE(seen[3].finished);
}

TEST(SegmentBatch, ACancelLearntFromAProgressReportStopsBeforeThatSegment) {
  reset_interrupt_for_tests();
  int calls = 0;
  BatchOptions options;
  options.on_progress = [](const BatchProgress& p) {
    if (p.done == 2 && !p.finished) raise_cancel();
  };
  BatchStats stats = run_segment_batch(segments(5), options, [&](const tracking::Segment&) {
    ++calls;
    return SegmentOutcome::stored();
  });
  reset_interrupt_for_tests();
  EXPECT_EQ(calls, 2);
  EXPECT_TRUE(stats.aborted);
  EXPECT_EQ(stats.stop, BatchStop::interrupted);
  EXPECT_EQ(stats.abort_reason, "cancelled");
  EXPECT_EQ(stats.stored, 2u);
  EXPECT_EQ(stats.not_attempted, 3u);
}

TEST(SegmentBatch, TheStopCauseIsRecorded) {
  BatchStats by_outcome = run_segment_batch(
      segments(2), {}, [](const tracking::Segment&) { return SegmentOutcome::stop("download quota exhausted"); });
  EXPECT_EQ(by_outcome.stop, BatchStop::outcome);
  BatchOptions options;
  options.stop_after_consecutive_blocked = 1;
  BatchStats by_blocks = run_segment_batch(
      segments(2), options, [](const tracking::Segment&) { return SegmentOutcome::blocked("403"); });
  EXPECT_EQ(by_blocks.stop, BatchStop::blocked);
  BatchStats none = run_segment_batch(segments(2), {},
                                      [](const tracking::Segment&) { return SegmentOutcome::stored(); });
  EXPECT_EQ(none.stop, BatchStop::none);
}

TEST(SegmentBatch, FailuresForGoodAreCountedAmongTheFailures) {
  BatchStats stats = run_segment_batch(segments(3), {}, [](const tracking::Segment& s) {
    if (s.id == "seg-1") return SegmentOutcome::failed_for_good("HTTP 404");
    if (s.id == "seg-2") return SegmentOutcome::failed("timeout");
    return SegmentOutcome::stored();
  });
  EXPECT_EQ(stats.failed, 2u);
  EXPECT_EQ(stats.failed_for_good, 1u);
  EXPECT_EQ(stats.failures.size(), 2u);
}

}  // namespace
}  // namespace scrapers::runtime
