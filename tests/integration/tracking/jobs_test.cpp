// The jobs API against a real PostgreSQL: lifecycle, timestamps, attempts, ids, input,
// heartbeats, reaping, and what reaches the database verbatim.
#include "tracking/jobs.hpp"

#include <gtest/gtest.h>

#include <barrier>
#include <thread>

#include "tests/integration/tracking/tracking_fixture.hpp"
#include "tracking/monitoring.hpp"

namespace scrapers::testing {
namespace {

using tracking::JobStatus;
using tracking::JobType;
using Json = nlohmann::json;

class Jobs : public TrackingTest {
 protected:
  std::string new_job(Json input = {{"scriptType", "test-script"}}) {
    return tracking::create_job(*db_, JobType::scrape, input).value();
  }
  std::string new_work() { return *sql_->scalar("INSERT INTO works (title) VALUES ('W') RETURNING id::text"); }
  std::string new_edition(const std::string& work_id) {
    return *sql_->scalar("INSERT INTO editions (work_id) VALUES ($1) RETURNING id::text", {work_id});
  }
};

TEST_F(Jobs, CreateInsertsAQueuedJobWithAttemptZeroItsInputAndIds) {
  const auto work = new_work();
  const auto edition = new_edition(work);
  tracking::CreateJobParams params;
  params.job_type = JobType::clean;
  params.input = {{"scriptType", "scrape-readnovel-api"}, {"novelSlug", "abc"}};
  params.work_id = work;
  params.edition_id = edition;
  auto id = tracking::create_job(*db_, params);
  ASSERT_TRUE(id.ok()) << id.error().describe();
  EXPECT_EQ(column(*id, "status"), "queued");
  EXPECT_EQ(column(*id, "attempt"), "0");
  EXPECT_EQ(column(*id, "job_type"), "clean");
  EXPECT_EQ(column(*id, "work_id"), work);
  EXPECT_EQ(column(*id, "edition_id"), edition);
  EXPECT_FALSE(column(*id, "segment_id").has_value());
  EXPECT_EQ(Json::parse(*column(*id, "input")), params.input);
  EXPECT_FALSE(column(*id, "started_at").has_value());
  EXPECT_FALSE(column(*id, "finished_at").has_value());
  EXPECT_TRUE(is_true(*id, "created_at <= now()"));
}

TEST_F(Jobs, TheLegacyCreateFormLeavesEveryIdEmpty) {
  const auto id = new_job({{"url", "https://example.com"}});
  for (const char* c : {"source_id", "work_id", "edition_id", "segment_id"}) {
    EXPECT_FALSE(column(id, c).has_value()) << c;
  }
  EXPECT_EQ(column(id, "input->>'url'"), "https://example.com");
}

TEST_F(Jobs, RunningSetsStartedAtIncrementsAttemptAndRecordsTheWorker) {
  const auto id = new_job();
  auto attempt = tracking::update_job_status(*db_, id, JobStatus::running);
  ASSERT_TRUE(attempt.ok()) << attempt.error().describe();
  EXPECT_EQ(*attempt, 1);
  EXPECT_EQ(column(id, "status"), "running");
  EXPECT_EQ(column(id, "attempt"), "1");
  EXPECT_TRUE(is_true(id, "started_at >= created_at AND started_at <= now()"));
  EXPECT_TRUE(is_true(id, "heartbeat_at = started_at"));
  EXPECT_FALSE(column(id, "finished_at").has_value());
  EXPECT_EQ(column(id, "worker"), tracking::this_worker());
}

TEST_F(Jobs, SuccessSetsFinishedAtAndTheOutput) {
  const auto id = new_job();
  ASSERT_TRUE(tracking::update_job_status(*db_, id, JobStatus::running).ok());
  const Json output = {{"total", 270}, {"success", 270}, {"failed", 0}, {"inserted", 270}};
  auto attempt = tracking::update_job_status(*db_, id, JobStatus::success, output);
  ASSERT_TRUE(attempt.ok());
  EXPECT_EQ(*attempt, 1) << "finishing does not count as an attempt";
  EXPECT_EQ(column(id, "status"), "success");
  EXPECT_TRUE(is_true(id, "finished_at >= started_at"));
  EXPECT_EQ(Json::parse(*column(id, "output")), output);
  EXPECT_FALSE(column(id, "error").has_value());
}

TEST_F(Jobs, FailedSetsFinishedAtAndTheErrorAndKeepsAnEarlierOutput) {
  const auto id = new_job();
  ASSERT_TRUE(tracking::update_job_status(*db_, id, JobStatus::running, Json{{"total", 1}}).ok());
  ASSERT_TRUE(tracking::update_job_status(*db_, id, JobStatus::failed, std::nullopt, "API timeout").ok());
  EXPECT_EQ(column(id, "status"), "failed");
  EXPECT_EQ(column(id, "error"), "API timeout");
  EXPECT_TRUE(is_true(id, "finished_at IS NOT NULL AND finished_at >= started_at"));
  EXPECT_EQ(column(id, "output->>'total'"), "1");
}

TEST_F(Jobs, RunningAgainAfterAFailureIsTheNextAttemptAndClearsTheOldEnd) {
  const auto id = new_job();
  ASSERT_TRUE(tracking::update_job_status(*db_, id, JobStatus::running).ok());
  ASSERT_TRUE(tracking::update_job_status(*db_, id, JobStatus::failed, std::nullopt, "boom").ok());
  const auto first_start = column(id, "started_at");
  auto attempt = tracking::update_job_status(*db_, id, JobStatus::running);
  ASSERT_TRUE(attempt.ok());
  EXPECT_EQ(*attempt, 2);
  EXPECT_FALSE(column(id, "finished_at").has_value());
  EXPECT_FALSE(column(id, "error").has_value());
  EXPECT_TRUE(is_true(id, "started_at >= '" + *first_start + "'::timestamptz"));
}

TEST_F(Jobs, QueuedChangesTheStatusButNoTimestampOrAttempt) {
  const auto id = new_job();
  ASSERT_TRUE(tracking::update_job_status(*db_, id, JobStatus::queued).ok());
  EXPECT_EQ(column(id, "status"), "queued");
  EXPECT_EQ(column(id, "attempt"), "0");
  EXPECT_FALSE(column(id, "started_at").has_value());
  EXPECT_FALSE(column(id, "finished_at").has_value());
}

TEST_F(Jobs, TheLogLineShowsTheAttemptNumber) {
  const auto id = new_job();
  ASSERT_TRUE(tracking::update_job_status(*db_, id, JobStatus::running).ok());
  ::testing::internal::CaptureStderr();
  auto attempt = tracking::update_job_status(*db_, id, JobStatus::running);
  const std::string logged = ::testing::internal::GetCapturedStderr();
  ASSERT_TRUE(attempt.ok());
  EXPECT_NE(logged.find("job " + id + " running (attempt 2)"), std::string::npos) << logged;
}

TEST_F(Jobs, TwoConnectionsStartingTheSameJobAtOnceCountTwoAttempts) {
  auto other = open();
  ASSERT_TRUE(other);
  for (int round = 0; round < 15; ++round) {
    const auto id = new_job();
    std::barrier start(2);
    int seen[2] = {0, 0};
    auto mark = [&](tracking::Database& db, int slot) {
      start.arrive_and_wait();
      seen[slot] = tracking::update_job_status(db, id, JobStatus::running).value();
    };
    std::thread a(mark, std::ref(*db_), 0);
    std::thread b(mark, std::ref(*other), 1);
    a.join();
    b.join();
    EXPECT_EQ(column(id, "attempt"), "2") << "round " << round;
    EXPECT_EQ(seen[0] + seen[1], 3) << "the two starts saw attempts 1 and 2";
  }
}

TEST_F(Jobs, OutputAndErrorRoundTripUnicodeQuotesAndBackslashes) {
  const auto id = new_job();
  const Json output = {{"title", "Señor 日本語 \"quoted\" 'single' \\ back\\slash"},
                       {"emoji", "🙂"},
                       {"nested", {{"list", {1, "two", nullptr, 3.5}}}},
                       {"total", 1},
                       {"success", 1},
                       {"failed", 0}};
  const std::string error = "Gagal: \"timeout\" — ñ 🙂 'x' \\n not a newline\ttab";
  ASSERT_TRUE(tracking::update_job_status(*db_, id, JobStatus::failed, output, error).ok());
  auto job = tracking::get_job(*db_, id);
  ASSERT_TRUE(job.ok()) << job.error().describe();
  EXPECT_EQ(job->output, output);
  EXPECT_EQ(job->error, error);
  EXPECT_EQ(column(id, "output->>'title'"), output["title"].get<std::string>());
  EXPECT_EQ(column(id, "error"), error);
}

TEST_F(Jobs, SqlLookingTextIsStoredVerbatimAndRunsNothing) {
  const std::string evil = "'); DROP TABLE works;--";
  const auto id = new_job({{"scriptType", evil}, {evil, evil}});
  ASSERT_TRUE(tracking::update_job_status(*db_, id, JobStatus::failed, Json{{"note", evil}}, evil).ok());
  ASSERT_TRUE(tracking::merge_job_input(*db_, id, {{"k", evil}}).ok());
  EXPECT_EQ(column(id, "error"), evil);
  EXPECT_EQ(column(id, "input->>'scriptType'"), evil);
  EXPECT_EQ(column(id, "input->>'k'"), evil);
  EXPECT_EQ(column(id, "output->>'note'"), evil);
  EXPECT_EQ(sql_->scalar("SELECT to_regclass('works') IS NOT NULL"), "t");
}

class JobsWithoutSchema : public TrackingTest {
 public:
  JobsWithoutSchema() { migrated_ = false; }
};

// The database has no pipeline_jobs table: any SQL would fail with a database error,
// so an invalid_argument proves the value was rejected before SQL.
TEST_F(JobsWithoutSchema, InvalidStatusIdsAndInputsAreRejectedBeforeAnySql) {
  const std::string id = "0b7c2a6e-8a43-4a0c-9a57-5b4f9c1f2d3e";
  auto bad_status = tracking::update_job_status(*db_, id, std::string_view("done"));
  ASSERT_FALSE(bad_status.ok());
  EXPECT_EQ(bad_status.error().kind, ErrorKind::invalid_argument);
  EXPECT_NE(bad_status.error().message.find("'done'"), std::string::npos);
  auto bad_id = tracking::update_job_status(*db_, "not-a-uuid", JobStatus::running);
  EXPECT_EQ(bad_id.error().kind, ErrorKind::invalid_argument);
  auto bad_input = tracking::create_job(*db_, JobType::scrape, Json::array());
  EXPECT_EQ(bad_input.error().kind, ErrorKind::invalid_argument);
  tracking::CreateJobParams params;
  params.work_id = "1; DROP TABLE works";
  EXPECT_EQ(tracking::create_job(*db_, params).error().kind, ErrorKind::invalid_argument);
  EXPECT_EQ(tracking::set_job_ids(*db_, id, {.edition_id = "x"}).error().kind, ErrorKind::invalid_argument);
  EXPECT_EQ(tracking::merge_job_input(*db_, id, "text").error().kind, ErrorKind::invalid_argument);
  // And a valid call really does reach the (schema-less) database:
  auto reached = tracking::update_job_status(*db_, id, JobStatus::running);
  ASSERT_FALSE(reached.ok());
  EXPECT_EQ(reached.error().kind, ErrorKind::database);
  EXPECT_NE(reached.error().message.find("pipeline-jobs migrate"), std::string::npos) << reached.error().message;
}

TEST_F(Jobs, AnUnknownJobIdIsNotFoundEverywhere) {
  const std::string id = "0b7c2a6e-8a43-4a0c-9a57-5b4f9c1f2d3e";
  EXPECT_EQ(tracking::update_job_status(*db_, id, JobStatus::running).error().kind, ErrorKind::not_found);
  EXPECT_EQ(tracking::set_job_ids(*db_, id, {}).error().kind, ErrorKind::not_found);
  EXPECT_EQ(tracking::merge_job_input(*db_, id, Json::object()).error().kind, ErrorKind::not_found);
  EXPECT_EQ(tracking::record_heartbeat(*db_, id).error().kind, ErrorKind::not_found);
  auto job = tracking::get_job(*db_, id);
  ASSERT_FALSE(job.ok());
  EXPECT_EQ(job.error().kind, ErrorKind::not_found);
  EXPECT_NE(job.error().message.find(id), std::string::npos);
}

TEST_F(Jobs, IdsAreWrittenIncrementallyLeavingTheOthersAlone) {
  const auto work = new_work();
  const auto edition = new_edition(work);
  const auto id = new_job();
  ASSERT_TRUE(tracking::set_job_ids(*db_, id, {.work_id = work}).ok());
  EXPECT_EQ(column(id, "work_id"), work);
  EXPECT_FALSE(column(id, "edition_id").has_value());
  ASSERT_TRUE(tracking::set_job_ids(*db_, id, {.edition_id = edition}).ok());
  EXPECT_EQ(column(id, "work_id"), work) << "an absent id does not clear a recorded one";
  EXPECT_EQ(column(id, "edition_id"), edition);
}

TEST_F(Jobs, AnIdOfAMissingRowIsAOneLineDatabaseError) {
  const auto id = new_job();
  auto result = tracking::set_job_ids(*db_, id, {.work_id = "0b7c2a6e-8a43-4a0c-9a57-5b4f9c1f2d3e"});
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().kind, ErrorKind::database);
  EXPECT_NE(result.error().message.find("foreign key"), std::string::npos) << result.error().message;
  EXPECT_EQ(result.error().message.find('\n'), std::string::npos);
  EXPECT_EQ(result.error().message.find("ERROR:"), std::string::npos);
}

TEST_F(Jobs, MergingInputAddsKeysAndOverridesExistingOnes) {
  const auto id = new_job({{"scriptType", "s"}, {"totalSegments", 0}});
  ASSERT_TRUE(tracking::merge_job_input(*db_, id, {{"totalSegments", 12}, {"apiUrl", "u"}}).ok());
  EXPECT_EQ(Json::parse(*column(id, "input")),
            (Json{{"scriptType", "s"}, {"totalSegments", 12}, {"apiUrl", "u"}}));
}

TEST_F(Jobs, HeartbeatsRefreshRunningJobsOnly) {
  const auto id = new_job();
  ASSERT_TRUE(tracking::update_job_status(*db_, id, JobStatus::running).ok());
  sql_->query("UPDATE pipeline_jobs SET heartbeat_at = now() - interval '1 hour' WHERE id = $1", {id});
  auto beat = tracking::record_heartbeat(*db_, id);
  ASSERT_TRUE(beat.ok());
  EXPECT_TRUE(*beat);
  EXPECT_TRUE(is_true(id, "heartbeat_at > now() - interval '1 minute'"));
  ASSERT_TRUE(tracking::update_job_status(*db_, id, JobStatus::success, Json::object()).ok());
  auto late = tracking::record_heartbeat(*db_, id);
  ASSERT_TRUE(late.ok());
  EXPECT_FALSE(*late) << "a finished job is not running any more";
}

TEST_F(Jobs, ReapingFailsOnlyRunningJobsWhoseLastSignOfLifeIsTooOld) {
  const auto stale = new_job(), fresh = new_job(), legacy = new_job(), queued_old = new_job();
  // A queued row another system wrote (no worker) is never reaped, however old.
  sql_->query("UPDATE pipeline_jobs SET worker = NULL WHERE id = $1", {queued_old});
  for (const auto& id : {stale, fresh, legacy}) {
    ASSERT_TRUE(tracking::update_job_status(*db_, id, JobStatus::running).ok());
  }
  sql_->query("UPDATE pipeline_jobs SET heartbeat_at = now() - interval '10 minutes' WHERE id = $1", {stale});
  sql_->query(
      "UPDATE pipeline_jobs SET heartbeat_at = NULL, worker = NULL, "
      "started_at = now() - interval '2 hours' WHERE id = $1",
      {legacy});
  sql_->query("UPDATE pipeline_jobs SET created_at = now() - interval '1 day' WHERE id = $1", {queued_old});
  auto reaped = tracking::reap_stale_jobs(*db_, std::chrono::minutes(5));
  ASSERT_TRUE(reaped.ok()) << reaped.error().describe();
  std::set<std::string> ids;
  for (const auto& r : *reaped) ids.insert(r.id);
  EXPECT_EQ(ids, (std::set<std::string>{stale, legacy}));
  EXPECT_EQ(column(stale, "status"), "failed");
  EXPECT_TRUE(is_true(stale, "finished_at IS NOT NULL"));
  const auto error = column(stale, "error").value_or("");
  EXPECT_EQ(error.rfind("worker lost: no heartbeat since 20", 0), 0u) << error;
  EXPECT_NE(error.find(tracking::this_worker()), std::string::npos) << error;
  EXPECT_EQ(column(fresh, "status"), "running");
  EXPECT_EQ(column(queued_old, "status"), "queued");
  EXPECT_TRUE(tracking::reap_stale_jobs(*db_, std::chrono::minutes(5))->empty()) << "idempotent";
}

// A program killed between creating its row and starting it (SIGKILL in the fault
// suite) left the row queued forever; the reaper now fails it, and only it.
TEST_F(Jobs, ReapingFailsAProgramsOwnRowLeftQueuedByALostProcess) {
  const auto abandoned = new_job(), just_created = new_job();
  EXPECT_EQ(column(abandoned, "worker"), tracking::this_worker());
  sql_->query("UPDATE pipeline_jobs SET created_at = now() - interval '10 minutes' WHERE id = $1", {abandoned});
  auto reaped = tracking::reap_stale_jobs(*db_, std::chrono::minutes(5));
  ASSERT_TRUE(reaped.ok()) << reaped.error().describe();
  ASSERT_EQ(reaped->size(), 1u);
  EXPECT_EQ(reaped->front().id, abandoned);
  EXPECT_EQ(column(abandoned, "status"), "failed");
  EXPECT_EQ(column(abandoned, "error").value_or("").rfind("process lost before the job started (created 20", 0), 0u);
  EXPECT_EQ(column(just_created, "status"), "queued");
}

TEST_F(Jobs, ANegativeStalenessThresholdIsRejected) {
  EXPECT_EQ(tracking::reap_stale_jobs(*db_, std::chrono::seconds(-1)).error().kind, ErrorKind::invalid_argument);
}

TEST_F(Jobs, PasswordsAreScrubbedFromEveryMessage) {
  auto db = tracking::Database::open(sql_->conninfo() + " password=Sekrit-123");
  ASSERT_TRUE(db.ok()) << "trust authentication ignores the password";
  EXPECT_EQ(db->scrub("failed for Sekrit-123 twice: Sekrit-123"), "failed for *** twice: ***");
  const auto error = db->to_error(std::runtime_error("bad Sekrit-123\nsecond line"), "doing");
  EXPECT_EQ(error.message, "doing: bad ***");
  EXPECT_EQ(db->target().find("Sekrit"), std::string::npos);
}

}  // namespace
}  // namespace scrapers::testing
