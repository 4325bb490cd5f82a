// Adopting an existing pipeline_jobs row (PIPELINE_JOB_ID) against a real PostgreSQL:
// which rows may be adopted, one attempt per run, input merged, refusals untouched.
#include "tracking/job_adoption.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <barrier>
#include <thread>

#include "tests/integration/tracking/tracking_fixture.hpp"
#include "tracking/job_guard.hpp"

namespace scrapers::testing {
namespace {

using tracking::JobStatus;
using Json = nlohmann::json;

class Adoption : public TrackingTest {
 protected:
  std::string queued_job() {
    return *sql_->scalar(
        "INSERT INTO pipeline_jobs (job_type, status, attempt, input) "
        "VALUES ('scrape', 'queued', 0, '{\"queue\": {\"priority\": 5}}') RETURNING id::text");
  }
  std::string row_text(const std::string& id) {
    return *sql_->scalar("SELECT row_to_json(j)::text FROM pipeline_jobs j WHERE id = $1", {id});
  }
  tracking::AdoptParams params(const std::string& id) {
    tracking::AdoptParams p;
    p.job_id = id;
    p.input_patch = {{"scriptType", "test-script"}, {"delay", 10}};
    return p;
  }
};

TEST_F(Adoption, AQueuedRowBecomesRunningWithOneAttemptAndTheInputMerged) {
  const auto id = queued_job();
  const auto work = *sql_->scalar("INSERT INTO works (title) VALUES ('W') RETURNING id::text");
  auto p = params(id);
  p.ids.work_id = work;
  auto adopted = tracking::adopt_job(*db_, p);
  ASSERT_TRUE(adopted.ok()) << adopted.error().describe();
  EXPECT_TRUE(adopted->was_queued);
  EXPECT_EQ(adopted->attempt, 1);
  EXPECT_EQ(adopted->worker, tracking::this_worker());
  EXPECT_EQ(column(id, "status"), "running");
  EXPECT_EQ(column(id, "attempt"), "1");
  EXPECT_EQ(column(id, "work_id"), work);
  EXPECT_TRUE(is_true(id, "started_at IS NOT NULL AND heartbeat_at IS NOT NULL"));
  EXPECT_EQ(Json::parse(*column(id, "input")),
            (Json{{"queue", {{"priority", 5}}}, {"scriptType", "test-script"}, {"delay", 10}}));
}

TEST_F(Adoption, ARunningRowClaimedByTheCallerIsNotCountedAgain) {
  const auto id = queued_job();
  sql_->query(
      "UPDATE pipeline_jobs SET status = 'running', attempt = 2, worker = 'queue-host:7', "
      "started_at = now() - interval '1 minute' WHERE id = $1",
      {id});
  const auto started = column(id, "started_at");
  auto p = params(id);
  p.claimed_by = "queue-host:7";
  auto adopted = tracking::adopt_job(*db_, p);
  ASSERT_TRUE(adopted.ok()) << adopted.error().describe();
  EXPECT_FALSE(adopted->was_queued);
  EXPECT_EQ(adopted->attempt, 2);
  EXPECT_EQ(adopted->worker, "queue-host:7");
  EXPECT_EQ(column(id, "attempt"), "2");
  EXPECT_EQ(column(id, "worker"), "queue-host:7");
  EXPECT_EQ(column(id, "started_at"), started);
  EXPECT_EQ(column(id, "input->>'scriptType'"), "test-script");
}

TEST_F(Adoption, FinishedRowsRowsOfOtherWorkersAndUnknownIdsAreRefusedUntouched) {
  const auto finished = queued_job();
  sql_->query("UPDATE pipeline_jobs SET status = 'success', attempt = 1, finished_at = now() WHERE id = $1",
              {finished});
  const auto theirs = queued_job();
  sql_->query("UPDATE pipeline_jobs SET status = 'running', attempt = 1, worker = 'other:1' WHERE id = $1",
              {theirs});
  for (const auto& [id, claimed_by, mentions] :
       {std::tuple{finished, std::optional<std::string>("queue-host:7"), "is success"},
        std::tuple{theirs, std::optional<std::string>("queue-host:7"), "not claimed by queue-host:7"},
        std::tuple{theirs, std::optional<std::string>(), "only a queued job"}}) {
    const auto before = row_text(id);
    auto p = params(id);
    p.claimed_by = claimed_by;
    auto adopted = tracking::adopt_job(*db_, p);
    ASSERT_FALSE(adopted.ok());
    EXPECT_EQ(adopted.error().kind, ErrorKind::invalid_argument);
    EXPECT_NE(adopted.error().message.find(mentions), std::string::npos) << adopted.error().message;
    EXPECT_EQ(row_text(id), before) << "a refused row is untouched";
  }
  auto unknown = tracking::adopt_job(*db_, params("0b7c2a6e-8a43-4a0c-9a57-5b4f9c1f2d3e"));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().kind, ErrorKind::not_found);
  auto malformed = tracking::adopt_job(*db_, params("42; DROP TABLE works"));
  ASSERT_FALSE(malformed.ok());
  EXPECT_EQ(malformed.error().kind, ErrorKind::invalid_argument);
}

TEST_F(Adoption, TwoProcessesAdoptingOneQueuedRowCannotBothWin) {
  const auto id = queued_job();
  std::barrier start(2);
  std::atomic<int> won{0};
  auto adopt = [&] {
    auto db = db_->open_another().value();
    start.arrive_and_wait();
    if (tracking::adopt_job(db, params(id)).ok()) ++won;
  };
  std::thread a(adopt), b(adopt);
  a.join();
  b.join();
  EXPECT_EQ(won.load(), 1);
  EXPECT_EQ(column(id, "attempt"), "1");
}

TEST_F(Adoption, AGuardOnAnAdoptedRowHeartbeatsAndEndsItWithoutAnotherAttempt) {
  const auto id = queued_job();
  auto adopted = tracking::adopt_job(*db_, params(id));
  ASSERT_TRUE(adopted.ok()) << adopted.error().describe();
  {
    tracking::JobGuard guard(*db_, *adopted, {std::chrono::milliseconds(50)});
    EXPECT_EQ(guard.attempt(), 1);
    ASSERT_TRUE(guard.succeed({{"total", 0}, {"success", 0}, {"failed", 0}}).ok());
  }
  EXPECT_EQ(column(id, "status"), "success");
  EXPECT_EQ(column(id, "attempt"), "1");
}

}  // namespace
}  // namespace scrapers::testing
