// run_tracked_job(): the job boundary every program sits on, against a real PostgreSQL.
#include "scrapers/runtime/job_runner.hpp"

#include <gtest/gtest.h>

#include <csignal>
#include <cstdlib>

#include "common/util/signals.hpp"
#include "tests/integration/tracking/tracking_fixture.hpp"
#include "tracking/job_guard.hpp"

namespace scrapers::testing {
namespace {

using namespace std::chrono_literals;
using Json = nlohmann::json;
namespace rt = scrapers::runtime;

class JobRunner : public TrackingTest {
 protected:
  void TearDown() override { reset_interrupt_for_tests(); }

  rt::JobSpec spec(const std::string& script = "runner-test") {
    rt::JobSpec s;
    s.input = {{"scriptType", script}};
    s.heartbeat_interval = 100ms;
    return s;
  }
  // Runs the body and remembers the job id it saw.
  int run(const rt::JobSpec& s, const std::function<rt::JobResult(rt::JobContext&)>& body) {
    return rt::run_tracked_job(*db_, s, [&](rt::JobContext& job) {
      job_id_ = job.job_id();
      return body(job);
    });
  }
  static Json counts(int total, int success, int failed) {
    return {{"total", total}, {"success", success}, {"failed", failed}};
  }

  std::string job_id_;
};

TEST_F(JobRunner, ASuccessfulBodyEndsTheJobSuccessAndExitsZero) {
  const int code = run(spec("scrape-chereads-work"), [](rt::JobContext& job) {
    EXPECT_EQ(job.attempt(), 1);
    return rt::JobResult::success(counts(3, 3, 0));
  });
  EXPECT_EQ(code, rt::exit_code::ok);
  ASSERT_FALSE(job_id_.empty());
  EXPECT_EQ(column(job_id_, "status"), "success");
  EXPECT_EQ(column(job_id_, "input->>'scriptType'"), "scrape-chereads-work");
  EXPECT_EQ(Json::parse(*column(job_id_, "output")), counts(3, 3, 0));
  EXPECT_EQ(column(job_id_, "attempt"), "1");
}

TEST_F(JobRunner, IdsKnownAtCreationAreRecordedWhileQueued) {
  const auto work = *sql_->scalar("INSERT INTO works (title) VALUES ('W') RETURNING id::text");
  auto s = spec();
  s.ids.work_id = work;
  run(s, [&](rt::JobContext&) {
    EXPECT_EQ(column(job_id_, "work_id"), work) << "set at creation, before the body runs";
    return rt::JobResult::success(counts(0, 0, 0));
  });
}

TEST_F(JobRunner, TheBodyCanRecordIdsAndMergeInputAsTheyBecomeKnown) {
  const auto work = *sql_->scalar("INSERT INTO works (title) VALUES ('W') RETURNING id::text");
  const auto edition = *sql_->scalar("INSERT INTO editions (work_id) VALUES ($1) RETURNING id::text", {work});
  const int code = run(spec(), [&](rt::JobContext& job) {
    job.set_ids({.work_id = work});
    job.set_ids({.edition_id = edition});
    job.merge_input({{"totalSegments", 12}});
    return rt::JobResult::success(counts(12, 12, 0));
  });
  EXPECT_EQ(code, 0);
  EXPECT_EQ(column(job_id_, "work_id"), work);
  EXPECT_EQ(column(job_id_, "edition_id"), edition);
  EXPECT_EQ(column(job_id_, "input->>'totalSegments'"), "12");
  EXPECT_EQ(column(job_id_, "input->>'scriptType'"), "runner-test");
}

TEST_F(JobRunner, AFailedResultEndsFailedWithItsCountsAndExitsOne) {
  const int code = run(
      spec(), [](rt::JobContext&) { return rt::JobResult::failure("3 of 10 segments failed", counts(10, 7, 3)); });
  EXPECT_EQ(code, rt::exit_code::job_failed);
  EXPECT_EQ(column(job_id_, "status"), "failed");
  EXPECT_EQ(column(job_id_, "error"), "3 of 10 segments failed");
  EXPECT_EQ(column(job_id_, "output->>'failed'"), "3");
}

TEST_F(JobRunner, AnExceptionEndsFailedWithItsFirstLineAndExitsOne) {
  const int code = run(spec(), [](rt::JobContext&) -> rt::JobResult {
    throw std::runtime_error("parser broke\n  at line 3\n  at line 9");
  });
  EXPECT_EQ(code, 1);
  EXPECT_EQ(column(job_id_, "status"), "failed");
  EXPECT_EQ(column(job_id_, "error"), "parser broke");
  EXPECT_TRUE(is_true(job_id_, "finished_at IS NOT NULL"));
}

TEST_F(JobRunner, AnErrorExceptionIsRecordedWithItsContext) {
  run(spec(), [](rt::JobContext&) -> rt::JobResult {
    throw ErrorException(
        make_error(ErrorKind::layout_changed, "chapter list not found", "https://example.com/novel/x"));
  });
  EXPECT_EQ(column(job_id_, "error"), "chapter list not found (https://example.com/novel/x)");
}

TEST_F(JobRunner, ADatabaseErrorInsideTheBodyBecomesAOneLineMessage) {
  const int code = run(spec(), [](rt::JobContext& job) {
    job.set_ids({.work_id = "0b7c2a6e-8a43-4a0c-9a57-5b4f9c1f2d3e"});  // no such work
    return rt::JobResult::success(counts(0, 0, 0));
  });
  EXPECT_EQ(code, 1);
  const auto error = column(job_id_, "error").value_or("");
  EXPECT_NE(error.find("foreign key"), std::string::npos) << error;
  EXPECT_EQ(error.find('\n'), std::string::npos) << error;
}

TEST_F(JobRunner, ASignalDuringTheBodyEndsFailedAsInterruptedAndExits130) {
  const int code = run(spec(), [](rt::JobContext& job) {
    std::raise(SIGTERM);  // handlers are installed by run_tracked_job: only sets the flag
    EXPECT_TRUE(job.interrupted());
    return rt::JobResult::success(counts(5, 2, 0));
  });
  EXPECT_EQ(code, rt::exit_code::interrupted);
  EXPECT_EQ(column(job_id_, "status"), "failed");
  EXPECT_EQ(column(job_id_, "error"), "interrupted by signal");
  EXPECT_EQ(column(job_id_, "output->>'success'"), "2") << "partial counts are kept";
}

TEST_F(JobRunner, ASignalBeforeTheBodySkipsItAndEndsInterrupted) {
  install_interrupt_handlers();
  simulate_interrupt(SIGINT);
  bool ran = false;
  const int code = rt::run_tracked_job(*db_, spec(), [&](rt::JobContext&) {
    ran = true;
    return rt::JobResult::success(counts(0, 0, 0));
  });
  EXPECT_EQ(code, 130);
  EXPECT_FALSE(ran);
  EXPECT_EQ(sql_->scalar("SELECT error FROM pipeline_jobs"), "interrupted by signal");
}

TEST_F(JobRunner, AJobWhoseRunningUpdateIsRefusedEndsFailedWithTheReasonNotQueued) {
  sql_->exec(R"sql(
    CREATE FUNCTION refuse_running() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.status = 'running' THEN RAISE EXCEPTION 'running refused by the test trigger'; END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER refuse_running BEFORE UPDATE ON pipeline_jobs
      FOR EACH ROW EXECUTE FUNCTION refuse_running();
  )sql");
  bool ran = false;
  const int code = rt::run_tracked_job(*db_, spec(), [&](rt::JobContext&) {
    ran = true;
    return rt::JobResult::success(counts(0, 0, 0));
  });
  EXPECT_EQ(code, rt::exit_code::job_failed);
  EXPECT_FALSE(ran);
  const auto rows = sql_->query("SELECT status, error, finished_at IS NOT NULL FROM pipeline_jobs");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0][0], "failed") << "not left queued";
  const std::string error = rows[0][1].value_or("");
  EXPECT_EQ(error.rfind("the job could not be started: ", 0), 0u) << error;
  EXPECT_NE(error.find("running refused by the test trigger"), std::string::npos) << error;
  EXPECT_EQ(error.find('\n'), std::string::npos) << error;
  EXPECT_EQ(rows[0][2], "t");
}

TEST_F(JobRunner, OnlyAQueuedRowIsEndedAsUnstarted) {
  auto id = tracking::create_job(*db_, tracking::JobType::scrape, {{"scriptType", "x"}});
  ASSERT_TRUE(id.ok());
  ASSERT_TRUE(tracking::update_job_status(*db_, *id, tracking::JobStatus::running).ok());
  auto refused = tracking::fail_unstarted_job(*db_, *id, "never started");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().kind, ErrorKind::invalid_argument);
  EXPECT_EQ(column(*id, "status"), "running") << "a started row keeps its status";
}

TEST_F(JobRunner, AnOutputWithoutTheMinimumCountsEndsFailedAndExitsOne) {
  const int code = run(spec(), [](rt::JobContext&) { return rt::JobResult::success({{"editionId", "x"}}); });
  EXPECT_EQ(code, 1);
  EXPECT_EQ(column(job_id_, "status"), "failed");
  EXPECT_NE(column(job_id_, "error").value_or("").find("total, success, failed"), std::string::npos);
}

TEST(HeartbeatInterval, ComesFromTheEnvironmentOrDefaultsToFifteenSeconds) {
  ::unsetenv("JOB_HEARTBEAT_INTERVAL");
  EXPECT_EQ(rt::heartbeat_interval_from_env(), 15s);
  ::setenv("JOB_HEARTBEAT_INTERVAL", "250ms", 1);
  EXPECT_EQ(rt::heartbeat_interval_from_env(), 250ms);
  ::setenv("JOB_HEARTBEAT_INTERVAL", "soon", 1);
  EXPECT_EQ(rt::heartbeat_interval_from_env(), 15s);
  ::setenv("JOB_HEARTBEAT_INTERVAL", "0", 1);
  EXPECT_EQ(rt::heartbeat_interval_from_env(), 15s);
  ::unsetenv("JOB_HEARTBEAT_INTERVAL");
}

TEST_F(JobRunner, AnErrorExceptionsKindDecidesWhetherARetryCanFixIt) {
  run(spec(), [](rt::JobContext&) -> rt::JobResult {
    throw ErrorException(make_error(ErrorKind::layout_changed, "chapter list not found"));
  });
  EXPECT_EQ(column(job_id_, "errors->0->>'kind'"), "permanent");
  EXPECT_EQ(column(job_id_, "errors->0->>'retryable'"), "false");
  run(spec(), [](rt::JobContext&) -> rt::JobResult {
    throw ErrorException(make_error(ErrorKind::timeout, "no answer in 30 s"));
  });
  EXPECT_EQ(column(job_id_, "errors->0->>'kind'"), "retryable");
  EXPECT_EQ(column(job_id_, "errors->0->>'retryable'"), "true");
  run(spec(), [](rt::JobContext&) -> rt::JobResult { throw std::runtime_error("anything else"); });
  EXPECT_EQ(column(job_id_, "errors->0->>'kind'"), "retryable") << "unknown exceptions are retryable";
}

TEST_F(JobRunner, AFailedResultRecordsItsOwnFailureKind) {
  const int code = run(spec(), [](rt::JobContext&) {
    return rt::JobResult::failure("download quota exhausted", counts(0, 0, 0), tracking::FailureKind::permanent);
  });
  EXPECT_EQ(code, 1);
  EXPECT_EQ(column(job_id_, "errors->0->>'error'"), "download quota exhausted");
  EXPECT_EQ(column(job_id_, "errors->0->>'kind'"), "permanent");
}

TEST_F(JobRunner, ASignalAfterACancelOnTheRowEndsCancelledNotInterrupted) {
  // A worker stopping the child of a cancelled job with SIGTERM.
  const int code = run(spec(), [&](rt::JobContext& job) {
    sql_->query("UPDATE pipeline_jobs SET cancel_requested_at = now() WHERE id = $1", {job.job_id()});
    std::raise(SIGTERM);
    return rt::JobResult::success(counts(5, 2, 0));
  });
  EXPECT_EQ(code, rt::exit_code::interrupted);
  EXPECT_EQ(column(job_id_, "status"), "failed");
  EXPECT_EQ(column(job_id_, "error"), "cancelled");
  EXPECT_EQ(column(job_id_, "errors->0->>'kind'"), "cancelled");
  EXPECT_EQ(column(job_id_, "output->>'success'"), "2") << "the counts are kept";
}

TEST_F(JobRunner, ACancelLearntFromProgressEndsCancelledWithTheCounts) {
  const int code = run(spec(), [&](rt::JobContext& job) {
    job.record_progress({1, 5, std::string("number 2")});
    EXPECT_FALSE(job.interrupted());
    sql_->query("UPDATE pipeline_jobs SET cancel_requested_at = now() WHERE id = $1", {job.job_id()});
    job.record_progress({2, 5, std::nullopt}, true);  // forced: the end of a batch
    EXPECT_TRUE(job.interrupted()) << "the progress write saw the cancel";
    return rt::JobResult::success(counts(5, 2, 0));
  });
  EXPECT_EQ(code, rt::exit_code::interrupted);
  EXPECT_EQ(column(job_id_, "error"), "cancelled");
  EXPECT_EQ(column(job_id_, "progress->>'done'"), "2");
}

TEST_F(JobRunner, ProgressIsWrittenAtMostAboutOnceASecondUnlessForced) {
  auto s = spec();
  s.heartbeat_interval = 1h;  // only progress writes touch the row
  run(s, [&](rt::JobContext& job) {
    job.record_progress({1, 9, std::string("number 1")});
    job.record_progress({2, 9, std::string("number 2")});  // right after: skipped
    EXPECT_EQ(column(job.job_id(), "progress->>'done'"), "1");
    job.record_progress({3, 9, std::nullopt}, true);
    EXPECT_EQ(column(job.job_id(), "progress->>'done'"), "3");
    return rt::JobResult::success(counts(9, 9, 0));
  });
}

}  // namespace
}  // namespace scrapers::testing
