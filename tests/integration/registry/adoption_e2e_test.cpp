// Every program of the registry runs for an existing job row when PIPELINE_JOB_ID names
// it: a queued row is adopted (attempt + 1), a running row claimed by the caller
// (PIPELINE_JOB_WORKER) is adopted without another attempt, and a finished, foreign or
// unknown row is refused with exit 2, the row untouched and no row created.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/e2e_support/scraper_harness.hpp"

namespace scrapers::testing {
namespace {

using Json = nlohmann::json;
using Env = std::vector<std::pair<std::string, std::string>>;

constexpr const char* kUnknownId = "0b7c2a6e-8a43-4a0c-9a57-5b4f9c1f2d3e";
constexpr const char* kCaller = "queue-host:4242";

struct Case {
  std::string program;
  std::string executable;
  std::vector<std::string> args;  // after the executable
};

// Each program with arguments that end quickly (most of them failing on an unknown id,
// which is still a complete run of the job lifecycle).
std::vector<Case> cases(ScraperHarness& h) {
  const std::string base = h.server().base_url();
  return {
      {"readnovel-api", "readnovel-api", {kUnknownId, "solo-leveling"}},
      {"readnovel-segment", "readnovel-segment", {kUnknownId}},
      {"chereads-work",
       "chereads-work",
       {"--url=" + base + "/chapterlist/4242/", "--workId=" + std::string(kUnknownId)}},
      {"chereads-segment", "chereads-segment", {"--editionId=" + std::string(kUnknownId), "--delay=0"}},
      {"opensubtitles-work",
       "opensubtitles-work",
       {"--url", base + "/en/tvshows/2024-solo-leveling", "--workId", kUnknownId}},
      {"bulk-download-subtitles", "bulk-download-subtitles", {"--editionId", kUnknownId, "--seriesName", "Solo"}},
      {"try-run", "pipeline-jobs", {"try-run"}}};
}

class Adoption : public ::testing::Test {
 protected:
  void SetUp() override {
    SCRAPERS_REQUIRE_E2E();
    harness_ = std::make_unique<ScraperHarness>(std::vector<std::string>{"opensubtitles"});
  }
  std::string job(const std::string& status, const std::string& worker = "") {
    return *harness_->db().scalar(
        "INSERT INTO pipeline_jobs (job_type, status, attempt, input, worker) VALUES ('scrape', $1, "
        "CASE WHEN $1 = 'queued' THEN 0 ELSE 1 END, '{\"enqueuedBy\": \"test\"}', nullif($2, '')) RETURNING "
        "id::text",
        {status, worker});
  }
  std::string column(const std::string& id, const std::string& expression) {
    return harness_->db()
        .scalar("SELECT (" + expression + ")::text FROM pipeline_jobs WHERE id = $1", {id})
        .value_or("<null>");
  }
  ProcessResult run(const Case& c, const Env& env) {
    Env full = env;
    full.emplace_back("OPENSUBTITLES_API_KEY", "adoption-test-key");
    return harness_->run(c.executable, c.args, full);
  }
  std::unique_ptr<ScraperHarness> harness_;
};

TEST_F(Adoption, EveryProgramAdoptsAQueuedRowAndCountsOneAttempt) {
  for (const Case& c : cases(*harness_)) {
    const std::string id = job("queued");
    const auto jobs_before = harness_->job_count();
    const ProcessResult r = run(c, {{"PIPELINE_JOB_ID", id}});
    const std::string status = column(id, "status");
    EXPECT_TRUE(status == "success" || status == "failed") << c.program << ": " << status << "\n" << r.err;
    EXPECT_EQ(r.exit_code, status == "success" ? 0 : 1) << c.program << "\n" << r.err;
    EXPECT_EQ(column(id, "attempt"), "1") << c.program;
    EXPECT_EQ(harness_->job_count(), jobs_before) << c.program << " created a row of its own";
    const Json input = Json::parse(column(id, "input"));
    EXPECT_EQ(input.value("enqueuedBy", ""), "test") << c.program << ": the row's own input is kept";
    EXPECT_FALSE(input.value("scriptType", "").empty()) << c.program << ": the program's input is merged";
    EXPECT_EQ(column(id, "finished_at IS NOT NULL"), "true") << c.program;
  }
}

TEST_F(Adoption, EveryProgramAdoptsARunningRowItsCallerClaimedWithoutAnotherAttempt) {
  for (const Case& c : cases(*harness_)) {
    const std::string id = job("running", kCaller);
    const ProcessResult r = run(c, {{"PIPELINE_JOB_ID", id}, {"PIPELINE_JOB_WORKER", kCaller}});
    const std::string status = column(id, "status");
    EXPECT_TRUE(status == "success" || status == "failed") << c.program << ": " << status << "\n" << r.err;
    EXPECT_EQ(column(id, "attempt"), "1") << c.program << ": the caller counted the attempt";
    EXPECT_EQ(column(id, "worker"), kCaller) << c.program;
  }
}

TEST_F(Adoption, EveryProgramRefusesFinishedForeignAndUnknownRowsWithExitTwo) {
  for (const Case& c : cases(*harness_)) {
    const std::string finished = job("success");
    const std::string foreign = job("running", "someone-else:1");
    for (const auto& [id, claimed_by] :
         {std::pair{finished, std::string(kCaller)}, std::pair{foreign, std::string(kCaller)},
          std::pair{foreign, std::string()}, std::pair{std::string(kUnknownId), std::string()}}) {
      const auto before = harness_->db().scalar("SELECT row_to_json(j)::text FROM pipeline_jobs j WHERE id = $1",
                                                {id});
      const auto jobs_before = harness_->job_count();
      Env env{{"PIPELINE_JOB_ID", id}};
      if (!claimed_by.empty()) env.emplace_back("PIPELINE_JOB_WORKER", claimed_by);
      const ProcessResult r = run(c, env);
      EXPECT_EQ(r.exit_code, 2) << c.program << " " << id << "\n" << r.err;
      EXPECT_NE(r.err.find("PIPELINE_JOB_ID"), std::string::npos) << r.err;
      EXPECT_EQ(harness_->db().scalar("SELECT row_to_json(j)::text FROM pipeline_jobs j WHERE id = $1", {id}),
                before)
          << c.program << ": the row is untouched";
      EXPECT_EQ(harness_->job_count(), jobs_before) << c.program;
    }
  }
}

}  // namespace
}  // namespace scrapers::testing
