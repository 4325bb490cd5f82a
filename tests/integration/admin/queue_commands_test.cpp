// pipeline-jobs' queue commands in-process (parse_cli + run_command) against a real
// PostgreSQL: the rows enqueue writes, cancel/retry outcomes, schedules, and the
// monitoring views (stats, show, active) on seeded rows.
#include <gtest/gtest.h>

#include <sstream>

#include <nlohmann/json.hpp>

#include "scrapers/admin/commands.hpp"
#include "tests/integration/tracking/tracking_fixture.hpp"
#include "tests/support/scoped_env.hpp"

namespace scrapers::testing {
namespace {

using Json = nlohmann::json;

constexpr const char* kWork = "0b7c2a6e-8a43-4a0c-9a57-5b4f9c1f2d3e";

struct Ran {
  int code = -1;
  std::string out;
  std::string err;
};

class QueueCommands : public TrackingTest {
 protected:
  Ran run(const std::vector<std::string>& words) {
    std::vector<const char*> argv{"pipeline-jobs"};
    for (const auto& w : words) argv.push_back(w.c_str());
    auto cli = admin::parse_cli(static_cast<int>(argv.size()), argv.data());
    if (!cli.options) return Ran{cli.exit_code, cli.output, cli.message};
    std::ostringstream out, err;
    const int code = admin::run_command(*cli.options, *db_, out, err);
    return Ran{code, out.str(), err.str()};
  }
  Json run_json(std::vector<std::string> words) {
    words.insert(words.begin() + 1, "--json");
    if (words.front() == "schedule") std::swap(words[1], words[2]);  // schedule <sub> --json
    const Ran r = run(words);
    EXPECT_EQ(r.code, 0) << r.err;
    return Json::parse(r.out, nullptr, false);
  }
  std::string enqueue(const std::vector<std::string>& words) {
    std::vector<std::string> all{"enqueue"};
    all.insert(all.end(), words.begin(), words.end());
    const Ran r = run(all);
    EXPECT_EQ(r.code, 0) << r.err;
    return r.out.substr(0, r.out.find('\n'));
  }
  std::string jobs() const { return sql_->scalar("SELECT count(*) FROM pipeline_jobs").value_or("?"); }
  std::string add_source(const std::string& domain, const std::string& status = "active") const {
    return *sql_->scalar("INSERT INTO sources (name, domain, status) VALUES ($1, $1, $2) RETURNING id::text",
                         {domain, status});
  }
  static void expect_one_line(const Ran& r) {
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(r.err.rfind("pipeline-jobs: ", 0), 0u) << r.err;
  }

  ScopedEnv default_chereads_{"CHEREADS_BASE", std::nullopt};
};

TEST_F(QueueCommands, EnqueueWritesTheProgramItsArgumentsAndTheQueueOptions) {
  const auto source = add_source("chereads.com");
  const auto parent = enqueue(
      {"chereads-work", "--url", "https://www.chereads.com/chapterlist/1/", "--workId", kWork});
  ASSERT_EQ(parent.size(), 36u) << parent;
  const Json input = Json::parse(*column(parent, "input"));
  EXPECT_EQ(input, (Json{{"program", "chereads-work"},
                         {"args", {"--url", "https://www.chereads.com/chapterlist/1/", "--workId", kWork}},
                         {"scriptType", "scrape-chereads-work"}}));
  EXPECT_EQ(column(parent, "status"), "queued");
  EXPECT_EQ(column(parent, "job_type"), "scrape");
  EXPECT_EQ(column(parent, "source_id"), source) << "the source matching the program's host";
  EXPECT_TRUE(is_true(parent, "priority = 0 AND run_at IS NULL AND max_attempts = 3 AND unique_key IS NULL"));

  const auto child = enqueue({"--priority", "4", "--run-at", "2030-01-02 03:04:05", "--max-attempts", "5",
                              "--after", parent, "chereads-segment", "--delay", "2000"});
  EXPECT_EQ(Json::parse(*column(child, "input"))["args"], Json::array({"--delay", "2000"}));
  EXPECT_EQ(column(child, "priority"), "4");
  EXPECT_EQ(column(child, "run_at = '2030-01-02T03:04:05Z'"), "true");
  EXPECT_EQ(column(child, "max_attempts"), "5");
  EXPECT_EQ(column(child, "depends_on"), "{" + parent + "}");
  EXPECT_EQ(column(child, "source_id"), source);

  const auto later = enqueue({"--in", "10m", "try-run"});
  EXPECT_TRUE(is_true(later, "run_at BETWEEN now() + interval '9 minutes' AND now() + interval '11 minutes'"));
  EXPECT_EQ(column(later, "source_id"), std::nullopt) << "try-run requests no host";
}

TEST_F(QueueCommands, AJobOfAPausedSourceWaitsInTheQueue) {
  const auto source = add_source("chereads.com", "paused");
  const auto id = enqueue(
      {"chereads-work", "--url", "https://www.chereads.com/chapterlist/1/", "--workId", kWork});
  EXPECT_EQ(column(id, "source_id"), source);
  const Json queue = run_json({"stats"})["queue"];
  ASSERT_EQ(queue.size(), 1u) << queue.dump();
  EXPECT_EQ(queue[0]["program"], "chereads-work");
  EXPECT_EQ(queue[0]["runnable"], 0);
  EXPECT_EQ(queue[0]["waiting"], 1);
  sql_->exec("UPDATE sources SET status = 'active'");
  EXPECT_EQ(run_json({"stats"})["queue"][0]["runnable"], 1) << "resuming the source releases it";
}

TEST_F(QueueCommands, AUniqueKeyHeldByAQueuedJobReturnsThatJobNotCreated) {
  const Json first = run_json({"enqueue", "--unique-key", "book-1", "try-run"});
  EXPECT_EQ(first["created"], true);
  EXPECT_EQ(first["status"], "queued");
  const Json second = run_json({"enqueue", "--unique-key", "book-1", "try-run", "--seconds", "2"});
  EXPECT_EQ(second["created"], false);
  EXPECT_EQ(second["id"], first["id"]);
  EXPECT_EQ(jobs(), "1");
}

TEST_F(QueueCommands, AnUnknownAfterJobIsExitOneAndWritesNoRow) {
  const Ran r = run({"enqueue", "--after", kWork, "try-run"});
  EXPECT_EQ(r.code, 1);
  expect_one_line(r);
  EXPECT_NE(r.err.find("not found"), std::string::npos) << r.err;
  EXPECT_EQ(jobs(), "0");
}

TEST_F(QueueCommands, CancelFailsAQueuedJobAndItsDependentsAndAsksARunningOneToStop) {
  const auto parent = enqueue({"try-run"});
  const auto child = enqueue({"--after", parent, "try-run"});
  const Ran cancelled = run({"cancel", parent});
  EXPECT_EQ(cancelled.code, 0) << cancelled.err;
  EXPECT_EQ(cancelled.out, "cancelled; 1 dependent job(s) failed\n");
  EXPECT_EQ(column(parent, "status || ' ' || error"), "failed cancelled");
  EXPECT_EQ(column(child, "status || ' ' || error"), "failed dependency " + parent + " cancelled");

  const auto running = enqueue({"try-run"});
  sql_->exec(
      "UPDATE pipeline_jobs SET status = 'running', attempt = 1, worker = 'h:1', started_at = now() "
      "WHERE id = '" +
      running + "'");
  const Json stop = run_json({"cancel", running});
  EXPECT_EQ(stop["result"], "stop_requested");
  EXPECT_TRUE(is_true(running, "status = 'running' AND cancel_requested_at IS NOT NULL"));
  EXPECT_EQ(run({"cancel", running}).out, "stop requested (the job stops after the item in hand)\n");

  const Ran finished = run({"cancel", parent});
  EXPECT_EQ(finished.code, 1);
  expect_one_line(finished);
  EXPECT_NE(finished.err.find("already finished (failed)"), std::string::npos) << finished.err;
  const Ran unknown = run({"cancel", kWork});
  EXPECT_EQ(unknown.code, 1);
  EXPECT_NE(unknown.err.find("not found"), std::string::npos) << unknown.err;
}

TEST_F(QueueCommands, RetryQueuesAFailedJobAgainAndRefusesAnyOther) {
  const auto id = enqueue({"try-run"});
  sql_->exec(
      "UPDATE pipeline_jobs SET status = 'failed', attempt = 3, error = 'boom', finished_at = now() "
      "WHERE id = '" +
      id + "'");
  const Ran retried = run({"retry", id});
  EXPECT_EQ(retried.code, 0) << retried.err;
  EXPECT_EQ(retried.out, id + "\n");
  EXPECT_TRUE(is_true(id, "status = 'queued' AND error IS NULL AND max_attempts = 4"));
  const Ran again = run({"retry", id});
  EXPECT_EQ(again.code, 1);
  expect_one_line(again);
  EXPECT_NE(again.err.find("only a failed job can be retried"), std::string::npos) << again.err;
  EXPECT_EQ(run({"retry", kWork}).code, 1);
}

TEST_F(QueueCommands, SchedulesAreAddedListedAndRemovedWithTheirSource) {
  const auto source = add_source("www.chereads.com");
  const Ran added = run({"schedule", "add", "--priority", "2", "nightly", "0 3 * * *", "chereads-work", "--url",
                         "https://www.chereads.com/chapterlist/1/", "--workId", kWork});
  ASSERT_EQ(added.code, 0) << added.err;
  EXPECT_EQ(added.out.rfind("schedule nightly added (next slot ", 0), 0u) << added.out;
  EXPECT_NE(added.out.find("T03:00:00Z)"), std::string::npos) << added.out;
  ASSERT_EQ(run({"schedule", "add", "trial", "*/5 * * * *", "try-run", "--fail-with", "it broke"}).code, 0);

  const Json list = run_json({"schedule", "list"});
  ASSERT_EQ(list.size(), 2u) << list.dump();
  EXPECT_EQ(list[0]["name"], "nightly");
  EXPECT_EQ(list[0]["program"], "chereads-work");
  EXPECT_EQ(list[0]["script_type"], "scrape-chereads-work");
  EXPECT_EQ(list[0]["priority"], 2);
  EXPECT_EQ(list[0]["source_id"], source);
  EXPECT_TRUE(list[0]["next_slot"].is_string());
  EXPECT_EQ(list[1]["args"], Json::array({"--fail-with", "it broke"}));
  EXPECT_EQ(list[1]["source_id"], nullptr);
  const Ran table = run({"schedule", "list"});
  EXPECT_NE(table.out.find("NAME"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("--fail-with 'it broke'"), std::string::npos) << table.out;

  const Ran duplicate = run({"schedule", "add", "nightly", "0 4 * * *", "try-run"});
  EXPECT_EQ(duplicate.code, 1);
  expect_one_line(duplicate);
  EXPECT_NE(duplicate.err.find("already exists"), std::string::npos) << duplicate.err;

  EXPECT_EQ(run({"schedule", "remove", "nightly"}).out, "schedule nightly removed\n");
  const Ran unknown = run({"schedule", "remove", "nightly"});
  EXPECT_EQ(unknown.code, 1);
  EXPECT_NE(unknown.err.find("not found"), std::string::npos) << unknown.err;
  EXPECT_EQ(sql_->scalar("SELECT count(*) FROM job_schedules"), "1");
  EXPECT_EQ(jobs(), "0") << "adding a schedule runs nothing at once";
}

TEST_F(QueueCommands, StatsAddsPerProgramQueueFiguresAndKeepsTheFinishedTable) {
  enqueue({"try-run"});
  enqueue({"--in", "1h", "try-run"});
  sql_->exec(
      "INSERT INTO pipeline_jobs (job_type, status, input, attempt, started_at, finished_at) VALUES "
      "('scrape', 'success', '{\"program\": \"try-run\", \"scriptType\": \"pipeline-jobs-try-run\"}', 1, "
      "now() - interval '30 s', now() - interval '20 s')");
  const Json stats = run_json({"stats"});
  ASSERT_EQ(stats["finished"].size(), 1u) << stats.dump();
  EXPECT_EQ(stats["finished"][0]["script_type"], "pipeline-jobs-try-run");
  ASSERT_EQ(stats["queue"].size(), 1u) << stats.dump();
  const Json& q = stats["queue"][0];
  EXPECT_EQ(q["program"], "try-run");
  EXPECT_EQ(q["runnable"], 1);
  EXPECT_EQ(q["waiting"], 1);
  EXPECT_EQ(q["running"], 0);
  EXPECT_EQ(q["failed_last_hour"], 0);
  EXPECT_NEAR(q["p50_duration_seconds"].get<double>(), 10.0, 1e-6);
  EXPECT_TRUE(q["oldest_runnable_age_seconds"].is_number());
  const Ran table = run({"stats"});
  EXPECT_NE(table.out.find("SCRIPT TYPE"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("RUNNABLE"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("P95 (S)"), std::string::npos) << table.out;
}

TEST_F(QueueCommands, ShowPrintsTheAttemptsHistoryProgressAndQueueColumns) {
  const auto parent = enqueue({"try-run"});
  const auto id = enqueue(
      {"--priority", "3", "--unique-key", "k", "--max-attempts", "4", "--after", parent, "try-run"});
  sql_->exec(
      "UPDATE pipeline_jobs SET status = 'running', attempt = 2, started_at = now() - interval '40 s', "
      "worker = 'host-b:7', errors = '[{\"attempt\": 1, \"error\": \"timeout talking to host\", "
      "\"at\": \"2026-12-01T10:00:00Z\", \"worker\": \"host-a:5\"}]', "
      "progress = '{\"done\": 10, \"total\": 40, \"item\": \"chapter 11\", \"updated_at\": "
      "\"2026-12-01T10:05:00Z\"}' "
      "WHERE id = '" +
      id + "'");
  const Json job = run_json({"show", id});
  EXPECT_EQ(job["priority"], 3);
  EXPECT_EQ(job["unique_key"], "k");
  EXPECT_EQ(job["max_attempts"], 4);
  EXPECT_EQ(job["depends_on"], Json::array({parent}));
  EXPECT_EQ(job["cancel_requested_at"], nullptr);
  EXPECT_EQ(job["program"], "try-run");
  ASSERT_EQ(job["errors"].size(), 1u);
  EXPECT_EQ(job["errors"][0]["worker"], "host-a:5");
  EXPECT_EQ(job["progress"]["done"], 10);
  EXPECT_DOUBLE_EQ(job["percent"].get<double>(), 25.0);
  EXPECT_GE(job["eta_seconds"].get<double>(), 120.0) << "40 s for 10 items, 30 to go";
  const Ran text = run({"show", id});
  EXPECT_NE(text.out.find("timeout talking to host"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("host-a:5"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("10/40 (25%) at chapter 11"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("depends_on    " + parent), std::string::npos) << text.out;
}

TEST_F(QueueCommands, ActiveShowsPercentAndEtaOfRunningJobs) {
  const auto id = enqueue({"try-run"});
  sql_->exec(
      "UPDATE pipeline_jobs SET status = 'running', attempt = 1, started_at = now() - interval '100 s', "
      "worker = 'h:1', progress = '{\"done\": 20, \"total\": 80}' WHERE id = '" +
      id + "'");
  const Json active = run_json({"active"});
  ASSERT_EQ(active.size(), 1u);
  EXPECT_EQ(active[0]["done"], 20);
  EXPECT_EQ(active[0]["total"], 80);
  EXPECT_DOUBLE_EQ(active[0]["percent"].get<double>(), 25.0);
  const double eta = active[0]["eta_seconds"].get<double>();
  EXPECT_GE(eta, 300.0) << "100 s for 20 items, 60 to go";
  EXPECT_LT(eta, 330.0);
  const Ran table = run({"active"});
  EXPECT_NE(table.out.find("20/80 (25%)"), std::string::npos) << table.out;
  EXPECT_NE(table.out.find("ETA"), std::string::npos) << table.out;
}

}  // namespace
}  // namespace scrapers::testing
