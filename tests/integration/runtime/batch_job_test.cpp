// run_batch_job() and look_up_edition(): how a per-item program starts and ends its
// job, against a real PostgreSQL.
#include <gtest/gtest.h>

#include "scrapers/runtime/batch_ending.hpp"
#include "scrapers/runtime/pre_job_lookup.hpp"
#include "tests/integration/tracking/tracking_fixture.hpp"

namespace scrapers::testing {
namespace {

using namespace std::chrono_literals;
using Json = nlohmann::json;
namespace rt = scrapers::runtime;

class BatchJob : public TrackingTest {
 protected:
  int run(const rt::BatchBody& body) {
    rt::JobSpec spec;
    spec.input = {{"scriptType", "batch-test"}};
    spec.heartbeat_interval = 100ms;
    return rt::run_batch_job(*db_, spec, [&](rt::JobContext& job) {
      job_id_ = job.job_id();
      return body(job);
    });
  }
  static rt::BatchStats counts(std::size_t stored, std::size_t failed) {
    rt::BatchStats stats;
    stats.total = stored + failed;
    stats.stored = stored;
    stats.failed = failed;
    return stats;
  }
  static Json output(const rt::BatchStats& stats) {
    return {{"total", stats.total}, {"success", stats.stored}, {"failed", stats.failed}};
  }

  std::string job_id_;
};

TEST_F(BatchJob, APartlyFailedRunEndsTheJobFailedWithTruthfulCountsAndExitsOne) {
  const int code = run(
      [](rt::JobContext&) { return rt::end_batch(counts(2, 1), "chapters", output(counts(2, 1))); });
  EXPECT_EQ(code, rt::exit_code::job_failed);
  EXPECT_EQ(column(job_id_, "status"), "failed");
  EXPECT_EQ(column(job_id_, "error"), "1 of 3 chapters failed");
  EXPECT_EQ(column(job_id_, "output->>'success'"), "2");
  EXPECT_EQ(column(job_id_, "output->>'failed'"), "1");
}

TEST_F(BatchJob, ARunWithoutFailuresExitsZero) {
  const int code = run(
      [](rt::JobContext&) { return rt::end_batch(counts(3, 0), "chapters", output(counts(3, 0))); });
  EXPECT_EQ(code, rt::exit_code::ok);
  EXPECT_EQ(column(job_id_, "status"), "success");
}

TEST_F(BatchJob, AFailedRunEndsTheJobFailedWithTheBatchError) {
  const int code = run(
      [](rt::JobContext&) { return rt::end_batch(counts(0, 2), "chapters", output(counts(0, 2))); });
  EXPECT_EQ(code, rt::exit_code::job_failed);
  EXPECT_EQ(column(job_id_, "status"), "failed");
  EXPECT_EQ(column(job_id_, "error"), "2 of 2 chapters failed");
  EXPECT_EQ(column(job_id_, "output->>'failed'"), "2");
}

TEST_F(BatchJob, ALookupErrorThrownByTheBodyFailsTheJob) {
  const int code = run(
      [](rt::JobContext&) -> rt::BatchEnding { throw ErrorException(rt::does_not_exist("edition", "e-1")); });
  EXPECT_EQ(code, rt::exit_code::job_failed);
  EXPECT_EQ(column(job_id_, "status"), "failed");
  EXPECT_EQ(column(job_id_, "error"), "edition e-1 does not exist");
}

TEST_F(BatchJob, LookingUpAnEditionFindsItOrSaysItDoesNotExist) {
  const auto work = *sql_->scalar("INSERT INTO works (title) VALUES ('W') RETURNING id::text");
  const auto edition = *sql_->scalar("INSERT INTO editions (work_id) VALUES ($1) RETURNING id::text", {work});
  auto found = rt::look_up_edition(*db_, edition);
  ASSERT_TRUE(found.ok()) << found.error().describe();
  EXPECT_EQ(found->work_id, work);
  const std::string missing = "7d1f0b2a-3c4e-4f5a-8b6c-9d0e1f2a3b4c";
  auto absent = rt::look_up_edition(*db_, missing, "--editionId");
  ASSERT_FALSE(absent.ok());
  EXPECT_EQ(absent.error().kind, ErrorKind::not_found);
  EXPECT_EQ(absent.error().describe(), "edition " + missing + " does not exist (--editionId)");
}

TEST_F(BatchJob, ADatabaseFailureLookingUpAnEditionSaysWhichLookupFailed) {
  sql_->exec("ALTER TABLE editions RENAME COLUMN provider TO provider_moved");
  const std::string id = "7d1f0b2a-3c4e-4f5a-8b6c-9d0e1f2a3b4c";
  auto failed = rt::look_up_edition(*db_, id);
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().kind, ErrorKind::database);
  EXPECT_EQ(failed.error().message.rfind("cannot look up edition " + id + ": ", 0), 0u)
      << failed.error().describe();
}

}  // namespace
}  // namespace scrapers::testing
