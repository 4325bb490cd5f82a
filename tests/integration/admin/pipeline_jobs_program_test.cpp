// The `pipeline-jobs` program as users run it: a child process with DATABASE_URL,
// checked through its --json output, exit codes and one-line errors.
#include <gtest/gtest.h>

#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "tests/integration/tracking/tracking_fixture.hpp"
#include "tests/support/eventually.hpp"
#include "tests/support/process.hpp"

namespace scrapers::testing {
namespace {

using namespace std::chrono_literals;
using Json = nlohmann::json;

class PipelineJobs : public TrackingTest {
 protected:
  void SetUp() override {
    TrackingTest::SetUp();
    if (IsSkipped()) return;
    work_dir_ = ::testing::TempDir() + "/pipeline_jobs_" + sql_->name();
    std::filesystem::create_directories(work_dir_);
  }
  void TearDown() override {
    if (!work_dir_.empty()) std::filesystem::remove_all(work_dir_);
  }

  ProcessOptions options(std::optional<std::string> url = std::nullopt) const {
    ProcessOptions o;
    o.env = {{"DATABASE_URL", url.value_or(sql_->conninfo())}, {"LOG_LEVEL", "info"}};
    o.unset_env = {"JOB_HEARTBEAT_INTERVAL"};
    o.working_directory = work_dir_;  // no stray .env
    o.timeout = 60s;
    return o;
  }
  ProcessResult run(const std::vector<std::string>& args) const { return run_process(program(), args, options()); }
  Json run_json(std::vector<std::string> args) const {
    args.push_back("--json");
    auto r = run(args);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return Json::parse(r.out);
  }
  static std::string program() { return binary_path("bin/pipeline-jobs"); }

  // The job id from the "job <id> queued" log line.
  static std::string logged_job_id(const std::string& err) {
    const auto at = err.find("job ");
    return at == std::string::npos ? "" : err.substr(at + 4, 36);
  }

  std::string insert_job(const std::string& script, const std::string& status, int attempt,
                         const std::string& started, const std::string& finished,
                         const std::string& error = "") const {
    return *sql_->scalar(
        "INSERT INTO pipeline_jobs (job_type, status, input, attempt, started_at, finished_at, error) "
        "VALUES ('scrape', $1, jsonb_build_object('scriptType', $2::text), $3::int, "
        "nullif($4, '')::timestamptz, nullif($5, '')::timestamptz, nullif($6, '')) RETURNING id::text",
        {status, script, std::to_string(attempt), started, finished, error});
  }

  std::string work_dir_;
};

void expect_one_line(const ProcessResult& r) {
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_EQ(r.err.rfind("pipeline-jobs: ", 0), 0u) << r.err;
  EXPECT_EQ(r.err.find("terminate called"), std::string::npos);
}

TEST_F(PipelineJobs, MigrateReportsTheVersionAndASecondRunAppliesNothingQuietly) {
  // The fixture migrated already: start from an empty database of our own.
  TestDatabase empty("pj_migrate");
  auto first = run_process(program(), {"migrate", "--json"}, options(empty.conninfo()));
  ASSERT_EQ(first.exit_code, 0) << first.err;
  const Json report = Json::parse(first.out);
  EXPECT_EQ(report["applied"].size(), tracking::migrations().size());
  EXPECT_EQ(report["schema_version"], tracking::migrations().back().version);
  auto second = run_process(program(), {"migrate"}, options(empty.conninfo()));
  ASSERT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.out.find("already up to date"), std::string::npos) << second.out;
  EXPECT_EQ(second.err.find("NOTICE"), std::string::npos) << second.err;
}

TEST_F(PipelineJobs, ListingsShowActiveFailedStatsAndRetryFigures) {
  insert_job("scrape-readnovel-api", "success", 1, "2026-01-01T00:00:00Z", "2026-01-01T00:00:10Z");
  insert_job("scrape-readnovel-api", "success", 2, "2026-01-01T01:00:00Z", "2026-01-01T01:00:20Z");
  const auto old_fail = insert_job("scrape-readnovel-api", "failed", 1, "2026-01-02T00:00:00Z",
                                   "2026-01-02T00:00:05Z", "API timeout");
  const auto new_fail = insert_job("bulk-download-subtitles", "failed", 3, "2026-01-03T00:00:00Z",
                                   "2026-01-03T00:01:00Z", "quota \"exhausted\"");
  const auto running_old = insert_job("scrape-chereads-work", "running", 1, "2026-01-04T00:00:00Z", "");
  const auto running_new = insert_job("scrape-chereads-work", "running", 2, "2026-01-05T00:00:00Z", "");
  insert_job("never-started", "queued", 0, "", "");
  sql_->exec(
      "INSERT INTO pipeline_jobs (job_type, status, input, started_at, finished_at) VALUES "
      "('clean', 'success', '{\"scriptType\": \"cleaner\"}', now(), now())");

  const Json active = run_json({"active"});
  ASSERT_EQ(active.size(), 2u);
  EXPECT_EQ(active[0]["id"], running_new) << "newest start first";
  EXPECT_EQ(active[1]["id"], running_old);
  EXPECT_EQ(active[0]["script"], "scrape-chereads-work");
  EXPECT_EQ(active[0]["attempt"], 2);

  const Json failed = run_json({"failed", "--limit", "1"});
  ASSERT_EQ(failed.size(), 1u);
  EXPECT_EQ(failed[0]["id"], new_fail) << "newest finish first";
  EXPECT_EQ(failed[0]["error"], "quota \"exhausted\"");
  EXPECT_EQ(run_json({"failed"}).size(), 2u);
  EXPECT_EQ(run_json({"failed"})[1]["id"], old_fail);

  const Json stats = run_json({"stats"})["finished"];
  ASSERT_EQ(stats.size(), 3u) << stats.dump();
  EXPECT_EQ(stats[0]["script_type"], "bulk-download-subtitles");
  EXPECT_EQ(stats[1]["script_type"], "scrape-readnovel-api");
  EXPECT_EQ(stats[1]["status"], "failed");
  EXPECT_EQ(stats[2]["status"], "success");
  EXPECT_EQ(stats[2]["count"], 2);
  EXPECT_DOUBLE_EQ(stats[2]["avg_duration_seconds"].get<double>(), 15.0);
  const Json clean_stats = run_json({"stats", "--job-type", "clean"})["finished"];
  ASSERT_EQ(clean_stats.size(), 1u);
  EXPECT_EQ(clean_stats[0]["script_type"], "cleaner");

  const Json retries = run_json({"retries"});
  std::map<std::pair<std::string, int>, int> by_key;
  for (const auto& row : retries) by_key[{row["script_type"], row["attempt"]}] = row["count"];
  const std::map<std::pair<std::string, int>, int> expected = {{{"bulk-download-subtitles", 3}, 1},
                                                               {{"scrape-chereads-work", 1}, 1},
                                                               {{"scrape-chereads-work", 2}, 1},
                                                               {{"scrape-readnovel-api", 1}, 2},
                                                               {{"scrape-readnovel-api", 2}, 1}};
  EXPECT_EQ(by_key, expected) << "queued jobs and other job types are left out";
}

TEST_F(PipelineJobs, TablesAreAlignedAndReadable) {
  insert_job("scrape-readnovel-api", "success", 1, "2026-01-01T00:00:00Z", "2026-01-01T00:00:10Z");
  auto r = run({"stats"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("SCRIPT TYPE"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("scrape-readnovel-api  success"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("10.0"), std::string::npos) << r.out;
  auto empty = run({"active"});
  EXPECT_EQ(empty.out, "no running jobs\n");
}

TEST_F(PipelineJobs, ShowPrintsOneJobWithItsInputOutputAndError) {
  const auto id = *sql_->scalar(
      "INSERT INTO pipeline_jobs (job_type, status, input, output, error, attempt) VALUES "
      "('scrape', 'failed', '{\"scriptType\": \"s\", \"title\": \"Señor 🙂\"}', "
      "'{\"total\": 2, \"success\": 1, \"failed\": 1}', 'bad ''thing''', 1) RETURNING id::text");
  const Json job = run_json({"show", id});
  EXPECT_EQ(job["id"], id);
  EXPECT_EQ(job["input"]["title"], "Señor 🙂");
  EXPECT_EQ(job["output"]["failed"], 1);
  EXPECT_EQ(job["error"], "bad 'thing'");
  auto text = run({"show", id});
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_NE(text.out.find("\"title\": \"Señor 🙂\""), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("error         bad 'thing'"), std::string::npos) << text.out;
}

TEST_F(PipelineJobs, TryRunGoesQueuedRunningSuccessWithHeartbeats) {
  auto r = run({"try-run", "--seconds", "0.6", "--heartbeat-interval", "100ms", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json result = Json::parse(r.out);
  const std::string id = result["job_id"];
  EXPECT_EQ(result["status"], "success");
  EXPECT_EQ(column(id, "status"), "success");
  EXPECT_EQ(column(id, "job_type"), "scrape");
  EXPECT_EQ(column(id, "input->>'scriptType'"), "pipeline-jobs-try-run");
  EXPECT_EQ(Json::parse(*column(id, "output")), (Json{{"total", 1}, {"success", 1}, {"failed", 0}}));
  EXPECT_TRUE(is_true(id, "heartbeat_at > started_at + interval '200 milliseconds'"));
  EXPECT_TRUE(is_true(id, "finished_at - started_at >= interval '600 milliseconds'"));
  EXPECT_NE(r.err.find("job " + id + " running (attempt 1)"), std::string::npos) << r.err;
}

TEST_F(PipelineJobs, TryRunCanFailWithAGivenMessage) {
  auto r = run({"try-run", "--fail-with", "demo: simulated failure"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.out.rfind("job ", 0), 0u);
  const auto id = r.out.substr(4, 36);
  EXPECT_EQ(column(id, "status"), "failed");
  EXPECT_EQ(column(id, "error"), "demo: simulated failure");
  EXPECT_EQ(column(id, "output->>'failed'"), "1");
}

TEST_F(PipelineJobs, AnInterruptedRunIsRecordedFailedAndExits130) {
  for (int signal_number : {SIGINT, SIGTERM}) {
    auto process = start_process(program(), {"try-run", "--seconds", "30"}, options());
    ASSERT_TRUE(process.wait_for_output("running (attempt 1)", 20s)) << process.err_so_far();
    const auto id = logged_job_id(process.err_so_far());
    process.send_signal(signal_number);
    auto r = process.wait_for(10s);
    ASSERT_TRUE(r.has_value()) << "the run must end promptly after the signal";
    EXPECT_EQ(r->exit_code, 130) << r->err;
    EXPECT_EQ(column(id, "status"), "failed");
    EXPECT_EQ(column(id, "error"), "interrupted by signal");
    EXPECT_TRUE(is_true(id, "finished_at IS NOT NULL"));
  }
}

TEST_F(PipelineJobs, AKilledRunStaysRunningUntilReapTurnsItIntoFailed) {
  auto process = start_process(program(), {"try-run", "--seconds", "30", "--heartbeat-interval", "100ms"},
                               options());
  ASSERT_TRUE(process.wait_for_output("running (attempt 1)", 20s)) << process.err_so_far();
  const auto id = logged_job_id(process.err_so_far());
  ASSERT_TRUE(eventually([&] { return is_true(id, "heartbeat_at > started_at"); })) << "it heartbeats";
  process.send_signal(SIGKILL);
  ASSERT_TRUE(process.wait_for(10s).has_value());
  EXPECT_EQ(column(id, "status"), "running") << "nobody could record the end";

  const Json too_soon = run_json({"reap", "--stale-after", "1h"});
  EXPECT_TRUE(too_soon["reaped"].empty()) << "its heartbeat is recent";
  // A threshold below three heartbeats would fail live jobs: refused, nothing reaped.
  const ProcessResult refused = run({"reap", "--stale-after", "1s"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("shorter than three heartbeats"), std::string::npos) << refused.err;
  EXPECT_EQ(column(id, "status"), "running");
  auto fast_heartbeats = options();
  fast_heartbeats.unset_env.clear();
  fast_heartbeats.env.emplace_back("JOB_HEARTBEAT_INTERVAL", "100ms");
  Json reaped;
  EXPECT_TRUE(eventually(
      [&] {
        auto r = run_process(program(), {"reap", "--stale-after", "1s", "--json"}, fast_heartbeats);
        if (r.exit_code != 0) return false;
        reaped = Json::parse(r.out);
        return !reaped["reaped"].empty();
      },
      10s, 200ms))
      << "reaped once its heartbeat is older than a second";
  ASSERT_EQ(reaped["reaped"].size(), 1u) << reaped.dump();
  EXPECT_EQ(reaped["reaped"][0]["id"], id);
  EXPECT_EQ(column(id, "status"), "failed");
  EXPECT_EQ(column(id, "error").value_or("").rfind("worker lost: no heartbeat since ", 0), 0u);
  EXPECT_TRUE(is_true(id, "finished_at IS NOT NULL"));
}

TEST_F(PipelineJobs, BadArgumentsAreOneLineUsageErrorsWithExitTwo) {
  for (const std::vector<std::string>& args :
       std::vector<std::vector<std::string>>{{"show", "123"},
                                             {"stats", "--job-type", "nope"},
                                             {"failed", "--limit", "many"},
                                             {"reap", "--stale-after", "5x"},
                                             {"frobnicate"},
                                             {}}) {
    auto r = run(args);
    EXPECT_EQ(r.exit_code, 2) << r.err;
    expect_one_line(r);
    EXPECT_TRUE(r.out.empty());
  }
}

TEST_F(PipelineJobs, EnqueuePrintsTheJobIdAndWritesTheQueuedRow) {
  auto r = run({"enqueue", "--priority", "2", "try-run", "--fail-with", "on purpose"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(r.out.size(), 37u) << r.out;
  const auto id = r.out.substr(0, 36);
  EXPECT_EQ(column(id, "status"), "queued");
  EXPECT_EQ(Json::parse(*column(id, "input")), (Json{{"program", "try-run"},
                                                     {"args", {"--fail-with", "on purpose"}},
                                                     {"scriptType", "pipeline-jobs-try-run"}}));
  EXPECT_EQ(column(id, "priority"), "2");
  // --json before PROGRAM is pipeline-jobs' own; after it, the program's.
  auto json = run({"enqueue", "--json", "--unique-key", "k", "try-run", "--json"});
  ASSERT_EQ(json.exit_code, 0) << json.err;
  const Json queued = Json::parse(json.out);
  EXPECT_EQ(queued["created"], true);
  EXPECT_EQ(queued["status"], "queued");
  EXPECT_EQ(Json::parse(*column(queued["id"], "input"))["args"], Json::array({"--json"}));
}

TEST_F(PipelineJobs, BadQueueInputWritesNoRowAndIsOneLine) {
  sql_->exec("INSERT INTO pipeline_jobs (job_type, status, input) VALUES ('scrape', 'failed', '{}')");
  const auto rows = [&] {
    return *sql_->scalar(
        "SELECT (SELECT count(*) FROM pipeline_jobs) || '/' || (SELECT count(*) FROM job_schedules)");
  };
  const auto before = rows();
  const std::string unknown = "0b7c2a6e-8a43-4a0c-9a57-5b4f9c1f2d3e";
  for (const auto& [args, code] : std::vector<std::pair<std::vector<std::string>, int>>{
           {{"enqueue", "no-such-program"}, 2},
           {{"enqueue", "try-run", "--seconds", "-1"}, 2},
           {{"enqueue", "try-run", "--help"}, 2},
           {{"enqueue", "chereads-segment", "--delay", "2000"}, 2},
           {{"enqueue", "--in", "5x", "try-run"}, 2},
           {{"enqueue", "--run-at", "2026-02-30 10:00", "try-run"}, 2},
           {{"enqueue", "--run-at", "2026-12-24T18:00Z", "--in", "5m", "try-run"}, 2},
           {{"enqueue", "--after", "123", "try-run"}, 2},
           {{"enqueue", "--after", unknown, "try-run"}, 1},
           {{"schedule", "add", "nightly", "61 * * * *", "try-run"}, 2},
           {{"schedule", "add", "nightly", "0 3 * * *", "try-run", "--seconds", "x"}, 2},
           {{"schedule", "remove", "nightly"}, 1},
           {{"cancel", "123"}, 2},
           {{"cancel", unknown}, 1},
           {{"retry", "not-a-uuid"}, 2},
           {{"retry", unknown}, 1}}) {
    auto r = run(args);
    EXPECT_EQ(r.exit_code, code) << args[0] << " " << args[1] << ": " << r.err;
    expect_one_line(r);
    EXPECT_TRUE(r.out.empty()) << r.out;
  }
  EXPECT_EQ(rows(), before) << "no job and no schedule written";
}

TEST_F(PipelineJobs, AnUnknownJobIsAOneLineErrorWithExitOne) {
  auto r = run({"show", "0b7c2a6e-8a43-4a0c-9a57-5b4f9c1f2d3e"});
  EXPECT_EQ(r.exit_code, 1);
  expect_one_line(r);
  EXPECT_NE(r.err.find("not found"), std::string::npos) << r.err;
}

TEST_F(PipelineJobs, AnUnreachableDatabaseIsNamedWithoutItsPassword) {
  auto r = run_process(program(), {"active"},
                       options("postgresql://postgres:Hunter2-secret@127.0.0.1:1/postgres"));
  EXPECT_EQ(r.exit_code, 1);
  expect_one_line(r);
  EXPECT_NE(r.err.find("127.0.0.1:1"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("Hunter2"), std::string::npos) << r.err;
}

TEST_F(PipelineJobs, AMissingDatabaseUrlNamesTheVariable) {
  auto o = options();
  o.env.clear();
  o.unset_env.push_back("DATABASE_URL");
  auto r = run_process(program(), {"active"}, o);
  EXPECT_EQ(r.exit_code, 2) << "configuration errors exit like usage errors";
  expect_one_line(r);
  EXPECT_NE(r.err.find("DATABASE_URL"), std::string::npos) << r.err;
}

TEST_F(PipelineJobs, DatabaseUrlIsReadFromDotEnvWhenTheEnvironmentLacksIt) {
  std::ofstream(work_dir_ + "/.env") << "# local settings\nDATABASE_URL=\"" << sql_->conninfo() << "\"\n";
  auto o = options();
  o.env.clear();
  o.unset_env.push_back("DATABASE_URL");
  auto r = run_process(program(), {"active", "--json"}, o);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "[]\n");
}

TEST_F(PipelineJobs, HelpAndVersionExitZero) {
  auto help = run({"--help"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_NE(help.out.find("try-run"), std::string::npos);
  auto version = run({"--version"});
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_EQ(version.out.rfind("pipeline-jobs ", 0), 0u) << version.out;
}

}  // namespace
}  // namespace scrapers::testing
