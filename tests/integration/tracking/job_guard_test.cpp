// JobGuard against a real PostgreSQL: running on construction, heartbeats on a second
// connection that survive it being killed, and every way a run can end.
#include "tracking/job_guard.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <thread>

#include "common/util/progress_stamp.hpp"
#include "common/util/signals.hpp"
#include "tests/integration/tracking/tracking_fixture.hpp"
#include "tests/support/eventually.hpp"
#include "tracking/jobs.hpp"

namespace scrapers::testing {
namespace {

using namespace std::chrono_literals;
using Json = nlohmann::json;

class Guard : public TrackingTest {
 protected:
  void SetUp() override {
    TrackingTest::SetUp();
    if (IsSkipped()) return;
    job_ = tracking::create_job(*db_, tracking::JobType::scrape, {{"scriptType", "guard-test"}}).value();
  }
  void TearDown() override { reset_interrupt_for_tests(); }

  // Terminates every backend of this database except the test's own SQL connection.
  void kill_other_connections() {
    sql_->query(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid()");
  }

  tracking::JobGuardOptions fast{100ms};
  std::string job_;
};

TEST_F(Guard, ConstructingMarksTheJobRunningAsTheNextAttempt) {
  tracking::JobGuard guard(*db_, job_, fast);
  EXPECT_EQ(guard.attempt(), 1);
  EXPECT_EQ(column(job_, "status"), "running");
  EXPECT_TRUE(is_true(job_, "started_at IS NOT NULL"));
  ASSERT_TRUE(guard.succeed({{"total", 0}, {"success", 0}, {"failed", 0}}).ok());
}

TEST_F(Guard, SucceedRecordsSuccessTheOutputAndFinishedAt) {
  {
    tracking::JobGuard guard(*db_, job_, fast);
    ASSERT_TRUE(guard.succeed({{"totalChapters", 3}, {"success", 3}, {"errors", 0}}).ok());
    EXPECT_TRUE(guard.finished());
  }
  EXPECT_EQ(column(job_, "status"), "success");
  EXPECT_TRUE(is_true(job_, "finished_at >= started_at"));
  EXPECT_EQ(Json::parse(*column(job_, "output")),
            (Json{{"totalChapters", 3}, {"success", 3}, {"errors", 0}, {"total", 3}, {"failed", 0}}));
}

TEST_F(Guard, HeartbeatsAdvanceWhileTheRunLasts) {
  tracking::JobGuard guard(*db_, job_, fast);
  EXPECT_TRUE(eventually([&] { return guard.heartbeats() >= 2; }));
  EXPECT_TRUE(is_true(job_, "heartbeat_at > started_at"));
  ASSERT_TRUE(guard.succeed({{"total", 0}, {"success", 0}, {"failed", 0}}).ok());
  const int after = guard.heartbeats();
  const auto last_beat = column(job_, "heartbeat_at");
  // Three intervals without a beat: the thread was joined when the run ended.
  EXPECT_FALSE(eventually([&] { return guard.heartbeats() != after; }, 3 * fast.heartbeat_interval));
  EXPECT_EQ(column(job_, "heartbeat_at"), last_beat) << "heartbeats stop when the run ends";
}

TEST_F(Guard, HeartbeatsSurviveTheirConnectionBeingKilled) {
  tracking::JobGuard guard(*db_, job_, fast);
  ASSERT_TRUE(eventually([&] { return guard.heartbeats() >= 1; })) << "the heartbeat connection is open";
  kill_other_connections();
  const auto killed_at = *sql_->scalar("SELECT now()::text");
  EXPECT_TRUE(eventually([&] { return is_true(job_, "heartbeat_at > '" + killed_at + "'::timestamptz"); }))
      << "heartbeats resumed on a new connection";
  EXPECT_EQ(column(job_, "status"), "running");
  ASSERT_TRUE(guard.succeed({{"total", 1}, {"success", 1}, {"failed", 0}}).ok())
      << "the end is recorded although the main connection was killed too";
  EXPECT_EQ(column(job_, "status"), "success");
}

TEST_F(Guard, FailRecordsTheErrorAndKeepsPartialCounts) {
  {
    tracking::JobGuard guard(*db_, job_, fast);
    ASSERT_TRUE(guard.fail("API timeout", Json{{"totalSegments", 10}, {"success", 4}, {"failed", 6}}).ok());
  }
  EXPECT_EQ(column(job_, "status"), "failed");
  EXPECT_EQ(column(job_, "error"), "API timeout");
  EXPECT_EQ(column(job_, "output->>'total'"), "10");
  EXPECT_TRUE(is_true(job_, "finished_at IS NOT NULL"));
}

TEST_F(Guard, AnOutputWithoutTheMinimumCountsEndsTheJobFailedSayingWhy) {
  tracking::JobGuard guard(*db_, job_, fast);
  auto ended = guard.succeed({{"inserted", 3}});
  ASSERT_FALSE(ended.ok());
  EXPECT_EQ(column(job_, "status"), "failed");
  EXPECT_NE(column(job_, "error").value_or("").find("minimum field"), std::string::npos);
  EXPECT_EQ(column(job_, "output->>'inserted'"), "3") << "the output is kept for inspection";
}

TEST_F(Guard, DestroyedWithoutAnOutcomeTheJobFails) {
  { tracking::JobGuard guard(*db_, job_, fast); }
  EXPECT_EQ(column(job_, "status"), "failed");
  EXPECT_EQ(column(job_, "error"), "run ended without reporting success");
  EXPECT_TRUE(is_true(job_, "finished_at IS NOT NULL"));
}

TEST_F(Guard, DestroyedByAnExceptionTheJobFailsSayingSo) {
  try {
    tracking::JobGuard guard(*db_, job_, fast);
    throw std::runtime_error("boom");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(column(job_, "status"), "failed");
  EXPECT_EQ(column(job_, "error"), "run aborted by an exception");
}

TEST_F(Guard, DestroyedAfterASignalTheJobFailsAsInterrupted) {
  {
    tracking::JobGuard guard(*db_, job_, fast);
    simulate_interrupt(SIGINT);
  }
  EXPECT_EQ(column(job_, "status"), "failed");
  EXPECT_EQ(column(job_, "error"), "interrupted by signal");
}

TEST_F(Guard, EndingTwiceIsAnErrorAndChangesNothing) {
  tracking::JobGuard guard(*db_, job_, fast);
  ASSERT_TRUE(guard.succeed({{"total", 0}, {"success", 0}, {"failed", 0}}).ok());
  auto again = guard.fail("late");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(column(job_, "status"), "success");
}

TEST_F(Guard, AJobReapedMeanwhileKeepsItsEndingWhenTheRunFinishesLate) {
  tracking::JobGuard guard(*db_, job_, tracking::JobGuardOptions{std::chrono::hours(1)});  // no beat meanwhile
  sql_->exec(
      "UPDATE pipeline_jobs SET heartbeat_at = now() - interval '1 hour', started_at = now() - interval '1 hour'");
  ASSERT_EQ(tracking::reap_stale_jobs(*db_, std::chrono::seconds(60)).value().size(), 1u);
  auto late = guard.succeed({{"total", 1}, {"success", 1}, {"failed", 0}});
  ASSERT_FALSE(late.ok()) << "a reaped job never comes back as success";
  EXPECT_NE(late.error().message.find("no longer running"), std::string::npos) << late.error().message;
  EXPECT_EQ(column(job_, "status"), "failed");
  EXPECT_NE(column(job_, "error")->find("worker lost"), std::string::npos);
  EXPECT_EQ(column(job_, "output"), std::nullopt) << "the late run's output is not written either";
}

TEST_F(Guard, AFailureOfAnAttemptRescuedMeanwhileWritesNeitherStatusNorErrorsEntry) {
  tracking::JobGuard guard(*db_, job_, fast);
  sql_->exec("UPDATE pipeline_jobs SET status = 'queued', attempt = attempt + 5");
  ASSERT_FALSE(guard.fail("late failure").ok());
  EXPECT_EQ(column(job_, "status"), "queued");
  EXPECT_EQ(column(job_, "errors"), "[]");
}

TEST_F(Guard, NulsInTheOutputAndErrorStillEndTheJob) {
  using namespace std::string_literals;
  {
    tracking::JobGuard guard(*db_, job_, fast);
    const Json output = {
        {"total", 1}, {"success", 0}, {"failed", 1}, {"slug\0"s, "a\0b"s}, {"reset", "\x01soon"s}};
    ASSERT_TRUE(guard.fail("the API says \"Not\0 found\"\x02"s, output).ok());
  }
  EXPECT_EQ(column(job_, "status"), "failed");
  EXPECT_EQ(column(job_, "error"), "the API says \"Not found\"");
  EXPECT_EQ(Json::parse(*column(job_, "output")).at("slug"), "ab");
  EXPECT_EQ(Json::parse(*column(job_, "errors")).at(0).at("error"), "the API says \"Not found\"");
}

TEST_F(Guard, AnUnknownJobCannotBeGuarded) {
  try {
    tracking::JobGuard guard(*db_, "0b7c2a6e-8a43-4a0c-9a57-5b4f9c1f2d3e", fast);
    FAIL() << "expected ErrorException";
  } catch (const ErrorException& e) {
    EXPECT_EQ(e.error().kind, ErrorKind::not_found);
  }
}

TEST_F(Guard, FailAppendsOneErrorsEntryForTheAttemptWithItsKind) {
  {
    tracking::JobGuard guard(*db_, job_, fast);
    ASSERT_TRUE(guard.fail("HTTP 404", std::nullopt, tracking::FailureKind::permanent).ok());
  }
  const auto errors = Json::parse(*column(job_, "errors"));
  ASSERT_EQ(errors.size(), 1u) << errors;
  EXPECT_EQ(errors[0]["attempt"], 1);
  EXPECT_EQ(errors[0]["error"], "HTTP 404");
  EXPECT_EQ(errors[0]["kind"], "permanent");
  EXPECT_EQ(errors[0]["retryable"], false);
  EXPECT_EQ(errors[0]["worker"], tracking::this_worker());
  EXPECT_TRUE(errors[0]["at"].get<std::string>().ends_with("Z"));
  {
    tracking::JobGuard again(*db_, job_, fast);  // a second attempt on the same row
    ASSERT_TRUE(again.fail("Just a moment...", std::nullopt, tracking::FailureKind::blocked).ok());
  }
  const auto both = Json::parse(*column(job_, "errors"));
  ASSERT_EQ(both.size(), 2u) << both;
  EXPECT_EQ(both[1]["attempt"], 2);
  EXPECT_EQ(both[1]["kind"], "blocked");
  EXPECT_EQ(both[1]["retryable"], true);
}

TEST_F(Guard, ASuccessWritesNoErrorsEntry) {
  {
    tracking::JobGuard guard(*db_, job_, fast);
    ASSERT_TRUE(guard.succeed({{"total", 0}, {"success", 0}, {"failed", 0}}).ok());
  }
  EXPECT_EQ(column(job_, "errors"), "[]");
}

TEST_F(Guard, ACancelSeenByTheHeartbeatRaisesTheInterruptFlag) {
  tracking::JobGuard guard(*db_, job_, fast);
  EXPECT_FALSE(interrupted());
  sql_->query("UPDATE pipeline_jobs SET cancel_requested_at = now() WHERE id = $1", {job_});
  EXPECT_TRUE(eventually([] { return interrupted(); })) << "the next heartbeat notices the cancel";
  EXPECT_TRUE(cancel_raised());
  EXPECT_EQ(interrupting_signal(), 0) << "no signal was involved";
}

TEST_F(Guard, DestroyedAfterACancelTheJobFailsAsCancelledNotRetryable) {
  {
    tracking::JobGuard guard(*db_, job_, fast);
    raise_cancel();
  }
  EXPECT_EQ(column(job_, "status"), "failed");
  EXPECT_EQ(column(job_, "error"), "cancelled");
  EXPECT_EQ(column(job_, "errors->0->>'kind'"), "cancelled");
  EXPECT_EQ(column(job_, "errors->0->>'retryable'"), "false");
}

TEST_F(Guard, ReportProgressWritesTheRowAndTellsOfACancelInTheSameRoundTrip) {
  tracking::JobGuard guard(*db_, job_, tracking::JobGuardOptions{1h});  // no heartbeat during the test
  auto first = guard.report_progress({3, 48, std::string("number 4")});
  ASSERT_TRUE(first.ok()) << first.error().describe();
  EXPECT_FALSE(*first);
  const auto progress = Json::parse(*column(job_, "progress"));
  EXPECT_EQ(progress["done"], 3);
  EXPECT_EQ(progress["total"], 48);
  EXPECT_EQ(progress["item"], "number 4");
  EXPECT_TRUE(progress["updated_at"].is_string());
  EXPECT_FALSE(interrupted());
  sql_->query("UPDATE pipeline_jobs SET cancel_requested_at = now() WHERE id = $1", {job_});
  auto second = guard.report_progress({4, 48, std::nullopt});
  ASSERT_TRUE(second.ok());
  EXPECT_TRUE(*second);
  EXPECT_TRUE(interrupted()) << "the cancel raises the interrupt flag at once";
  EXPECT_EQ(column(job_, "progress->>'done'"), "4");
  EXPECT_EQ(column(job_, "progress->'item'"), "null");
  ASSERT_TRUE(guard.fail("cancelled", std::nullopt, tracking::FailureKind::cancelled).ok());
}

TEST_F(Guard, ReportProgressOnAJobNoLongerRunningWritesNothing) {
  tracking::JobGuard guard(*db_, job_, tracking::JobGuardOptions{1h});
  sql_->query("UPDATE pipeline_jobs SET status = 'failed' WHERE id = $1", {job_});
  auto written = guard.report_progress({1, 2, std::nullopt});
  ASSERT_TRUE(written.ok());
  EXPECT_FALSE(*written);
  EXPECT_EQ(column(job_, "progress"), std::nullopt);
}

}  // namespace
}  // namespace scrapers::testing

namespace scrapers::testing {
namespace {

// A guard beating every 50 ms that calls the main thread stalled after 300 ms without progress.
tracking::JobGuardOptions stall_after_300ms() {
  tracking::JobGuardOptions options{50ms};
  options.stall_timeout = 300ms;
  return options;
}

TEST_F(Guard, AMainThreadWithoutProgressStopsTheHeartbeatAndTheJobIsReaped) {
  note_progress();
  tracking::JobGuard guard(*db_, job_, stall_after_300ms());
  ASSERT_TRUE(eventually([&] { return guard.heartbeats() >= 2; })) << "beats while the run is young";
  // No progress is noted from here on, as in a parse that never returns.
  ASSERT_TRUE(eventually([] { return since_last_progress() > 400ms; }));
  const int beats = guard.heartbeats();
  const auto last_beat = column(job_, "heartbeat_at");
  EXPECT_FALSE(eventually([&] { return guard.heartbeats() != beats; }, 6 * 50ms)) << "no beat once stalled";
  EXPECT_EQ(column(job_, "heartbeat_at"), last_beat);
  std::vector<tracking::ReapedJob> reaped;
  EXPECT_TRUE(eventually([&] {
    reaped = tracking::reap_stale_jobs(*db_, 1s).value_or_throw();
    return !reaped.empty();
  })) << "the stale job is reaped";
  EXPECT_EQ(column(job_, "status"), "failed");
}

TEST_F(Guard, ProgressAfterAStallResumesTheHeartbeat) {
  note_progress();
  tracking::JobGuard guard(*db_, job_, stall_after_300ms());
  ASSERT_TRUE(eventually([] { return since_last_progress() > 400ms; }));
  const int beats = guard.heartbeats();
  ASSERT_FALSE(eventually([&] { return guard.heartbeats() != beats; }, 6 * 50ms));
  note_progress();
  EXPECT_TRUE(eventually([&] { return guard.heartbeats() > beats; })) << "beats again once the run moves";
  ASSERT_TRUE(guard.succeed({{"total", 0}, {"success", 0}, {"failed", 0}}).ok());
}

TEST_F(Guard, ADeliberateSleepLongerThanTheStallBoundKeepsTheHeartbeat) {
  note_progress();
  tracking::JobGuard guard(*db_, job_, stall_after_300ms());
  ASSERT_TRUE(interruptible_sleep(1s));  // a pacing or retry wait, not a stall
  // A stalled heartbeat would have stopped 300 ms after the start.
  EXPECT_TRUE(is_true(job_, "heartbeat_at > started_at + interval '600 milliseconds'"))
      << "the heartbeat kept beating through the wait";
  ASSERT_TRUE(guard.succeed({{"total", 0}, {"success", 0}, {"failed", 0}}).ok());
}

}  // namespace
}  // namespace scrapers::testing
