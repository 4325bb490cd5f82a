// queue_stats against a real PostgreSQL: runnable versus waiting (run_at ahead, a
// dependency pending, a paused source, no program), running, the oldest runnable age,
// failures in the last hour and p50/p95 durations, per program.
#include <gtest/gtest.h>

#include <map>

#include "tests/integration/tracking/tracking_fixture.hpp"
#include "tracking/monitoring.hpp"

namespace scrapers::testing {
namespace {

class QueueStats : public TrackingTest {
 protected:
  // One job of `program` (none: a standalone row keyed by its scriptType); `columns` and
  // `values` continue the INSERT's column and value lists (", run_at", ", now()").
  std::string job(const std::string& program, const std::string& status, const std::string& columns = "",
                  const std::string& values = "") const {
    const std::string input = program.empty() ? "{\"scriptType\": \"standalone\"}"
                                              : "{\"program\": \"" + program + "\", \"args\": []}";
    return *sql_->scalar("INSERT INTO pipeline_jobs (job_type, status, input" + columns +
                             ") VALUES ('scrape', $1, $2::jsonb" + values + ") RETURNING id::text",
                         {status, input});
  }
  std::map<std::string, tracking::QueueStatsRow> stats() const {
    auto rows = tracking::queue_stats(*db_);
    EXPECT_TRUE(rows.ok()) << rows.error().describe();
    std::map<std::string, tracking::QueueStatsRow> by_program;
    if (!rows) return {};
    for (const auto& r : *rows) {
      by_program[r.program.value_or("(none)")] = r;
    }
    return by_program;
  }
};

TEST_F(QueueStats, QueuedJobsAreRunnableOrWaitingByTheClaimsOwnRules) {
  const auto paused = *sql_->scalar(
      "INSERT INTO sources (name, status) VALUES ('p', 'paused') RETURNING id::text");
  const auto pending_parent = job("parent", "queued");
  const auto done_parent = job("parent", "success", ", started_at, finished_at", ", now(), now()");
  job("a", "queued", ", created_at", ", now() - interval '90 seconds'");            // runnable, the oldest
  job("a", "queued", ", run_at", ", now() - interval '30 seconds'");                // runnable: run_at reached
  job("a", "queued", ", run_at", ", now() + interval '1 hour'");                    // waiting: not yet
  job("a", "queued", ", depends_on", ", ARRAY['" + pending_parent + "']::uuid[]");  // waiting: parent queued
  job("a", "queued", ", depends_on", ", ARRAY['" + done_parent + "']::uuid[]");     // runnable: parent done
  job("a", "queued", ", source_id", ", '" + paused + "'");                          // waiting: source paused
  job("a", "running", ", started_at", ", now()");
  job("", "queued");  // waiting: nothing to run it
  auto s = stats();
  ASSERT_EQ(s.count("a"), 1u);
  EXPECT_EQ(s["a"].runnable, 3);
  EXPECT_EQ(s["a"].waiting, 3);
  EXPECT_EQ(s["a"].running, 1);
  ASSERT_TRUE(s["a"].oldest_runnable_age_seconds.has_value());
  EXPECT_GE(*s["a"].oldest_runnable_age_seconds, 90.0);
  EXPECT_LT(*s["a"].oldest_runnable_age_seconds, 600.0);
  EXPECT_EQ(s["parent"].runnable, 1);
  EXPECT_EQ(s["standalone"].waiting, 1) << "no program: keyed by scriptType";
  EXPECT_EQ(s["standalone"].runnable, 0);
  EXPECT_FALSE(s["standalone"].oldest_runnable_age_seconds.has_value());
}

TEST_F(QueueStats, DurationPercentilesAndFailuresOfTheLastHour) {
  for (int seconds : {10, 20, 30, 40, 100}) {
    job("b", "success", ", started_at, finished_at",
        ", now() - interval '1 day', now() - interval '1 day' + make_interval(secs => " + std::to_string(seconds) +
            ")");
  }
  // Two failed attempts recorded in the hour (one of them now queued again), one older.
  job("b", "queued", ", errors",
      ", jsonb_build_array(jsonb_build_object('attempt', 1, 'error', 'x', 'at', "
      "to_char((now() - interval '5 minutes') AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')), "
      "jsonb_build_object('attempt', 2, 'error', 'y', 'at', '2020-01-01T00:00:00Z'))");
  job("b", "failed", ", errors, finished_at",
      ", jsonb_build_array(jsonb_build_object('attempt', 1, 'error', 'z', 'at', "
      "to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))), now()");
  // A failure without an attempt history (a standalone run) in the hour, one long ago.
  job("b", "failed", ", finished_at", ", now() - interval '10 minutes'");
  job("b", "failed", ", finished_at", ", now() - interval '2 hours'");
  auto s = stats();
  EXPECT_EQ(s["b"].failed_last_hour, 3);
  ASSERT_TRUE(s["b"].p50_duration_seconds.has_value());
  EXPECT_DOUBLE_EQ(*s["b"].p50_duration_seconds, 30.0);
  ASSERT_TRUE(s["b"].p95_duration_seconds.has_value());
  EXPECT_DOUBLE_EQ(*s["b"].p95_duration_seconds, 88.0) << "interpolated between 40 and 100";
}

TEST_F(QueueStats, OnlyTheRequestedJobTypeIsCounted) {
  sql_->exec(
      "INSERT INTO pipeline_jobs (job_type, status, input) VALUES ('clean', 'queued', '{\"program\": \"c\"}')");
  EXPECT_TRUE(stats().empty());
  auto clean = tracking::queue_stats(*db_, tracking::JobType::clean);
  ASSERT_TRUE(clean.ok());
  ASSERT_EQ(clean->size(), 1u);
  EXPECT_EQ((*clean)[0].runnable, 1);
}

}  // namespace
}  // namespace scrapers::testing
