// The dashboard's read API against a real PostgreSQL: every GET endpoint on seeded
// jobs (counts, progress, staleness, failures with attempts, charts, one job with its
// relations), bad and unknown ids, bounded query strings, and the page's own files with
// their security headers.
#include <gtest/gtest.h>

#include "tests/integration/dashboard/dashboard_fixture.hpp"
#include "tracking/host_pacing.hpp"
#include "tracking/queue_schedules.hpp"

namespace scrapers::testing {
namespace {

class DashboardReadApi : public DashboardTest {};

const Json* program_row(const Json& overview, const std::string& program) {
  for (const auto& row : overview["programs"]) {
    if (row["program"] == program) return &row;
  }
  return nullptr;
}

TEST_F(DashboardReadApi, OverviewCountsEachProgramsQueueAndTheSourcesRequests) {
  enqueue("try-run");
  enqueue("try-run");
  tracking::EnqueueParams later;
  later.program = "try-run";
  later.run_at = std::chrono::system_clock::now() + std::chrono::hours(1);
  ASSERT_TRUE(tracking::enqueue_job(*db_, later));
  fail_one("chereads-work", "HTTP 500");
  enqueue("chereads-segment");
  claim("chereads-segment");
  sql_->exec(
      "INSERT INTO sources (name, domain, rate_limit_rpm, status) VALUES "
      "('chereads', 'chereads.com', 60000, 'paused'), ('quiet', 'quiet.example', 20, 'active')");
  for (int i = 0; i < 3; ++i) {
    auto wait = tracking::reserve_host_slot(*db_, "www.chereads.com", std::chrono::milliseconds(1));
    ASSERT_TRUE(wait);
    std::this_thread::sleep_for(*wait);  // as a program does before its request
  }
  start();

  const Reply r = get("/api/overview");
  ASSERT_EQ(r.status, 200) << r.body.dump();
  const Json* try_run = program_row(r.body, "try-run");
  ASSERT_NE(try_run, nullptr) << r.body.dump();
  EXPECT_EQ((*try_run)["runnable"], 2);
  EXPECT_EQ((*try_run)["waiting"], 1);
  EXPECT_EQ((*try_run)["job_type"], "scrape");
  EXPECT_TRUE((*try_run)["oldest_runnable_age_seconds"].is_number());
  EXPECT_EQ((*program_row(r.body, "chereads-work"))["failed_last_hour"], 1);
  EXPECT_EQ((*program_row(r.body, "chereads-segment"))["running"], 1);
  EXPECT_EQ(r.body["totals"], (Json{{"runnable", 2}, {"waiting", 1}, {"running", 1}, {"failed_last_hour", 1}}));
  ASSERT_EQ(r.body["sources"].size(), 2u);
  const Json& chereads = r.body["sources"][0];
  EXPECT_EQ(chereads["name"], "chereads");
  EXPECT_EQ(chereads["paused"], true);
  EXPECT_EQ(chereads["rate_limit_rpm"], 60000);
  EXPECT_EQ(chereads["requests_last_minute"], 3);
  EXPECT_TRUE(chereads["last_request_at"].is_string());
  EXPECT_EQ(r.body["sources"][1]["requests_last_minute"], 0);
  EXPECT_EQ(r.body["sources"][1]["paused"], false);
}

TEST_F(DashboardReadApi, RunningJobsShowProgressEtaWorkerAttemptAndStaleHeartbeats) {
  enqueue();
  const auto fresh = claim();
  enqueue();
  const auto stale = claim();
  sql_->query(
      "UPDATE pipeline_jobs SET started_at = now() - interval '100 seconds', "
      "progress = '{\"done\": 25, \"total\": 100, \"item\": \"chapter 26\"}' WHERE id = $1",
      {fresh.id});
  sql_->query(
      "UPDATE pipeline_jobs SET started_at = now() - interval '20 minutes', "
      "heartbeat_at = now() - interval '10 minutes' WHERE id = $1",
      {stale.id});
  start();

  const Reply r = get("/api/running");
  ASSERT_EQ(r.status, 200) << r.body.dump();
  ASSERT_EQ(r.body["jobs"].size(), 2u);
  EXPECT_EQ(r.body["stale_after_seconds"], 45.0);  // three default heartbeats of 15 s
  for (const auto& job : r.body["jobs"]) {
    EXPECT_EQ(job["worker"], "test-host:1");
    EXPECT_EQ(job["attempt"], 1);
    if (job["id"] == fresh.id) {
      EXPECT_EQ(job["stale"], false);
      EXPECT_EQ(job["progress"]["done"], 25);
      EXPECT_EQ(job["progress"]["total"], 100);
      EXPECT_EQ(job["progress"]["item"], "chapter 26");
      EXPECT_EQ(job["progress"]["percent"], 25.0);
      EXPECT_NEAR(job["progress"]["eta_seconds"].get<double>(), 300.0, 10.0);  // 100 s for 25 of 100
    } else {
      EXPECT_EQ(job["stale"], true);
      EXPECT_GE(job["heartbeat_age_seconds"].get<double>(), 599.0);
      EXPECT_TRUE(job["progress"].is_null());
    }
  }
}

TEST_F(DashboardReadApi, FailuresListErrorsWithTheirAttemptsAndFilterByProgram) {
  const std::string work = fail_one("chereads-work", "layout changed");
  fail_one("try-run", "failed on purpose");
  start();

  const Reply all = get("/api/failures");
  ASSERT_EQ(all.status, 200) << all.body.dump();
  EXPECT_EQ(all.body["jobs"].size(), 2u);
  EXPECT_NE(std::find(all.body["programs"].begin(), all.body["programs"].end(), "chereads-work"),
            all.body["programs"].end());

  const Reply one = get("/api/failures?program=chereads-work&limit=5");
  ASSERT_EQ(one.status, 200);
  ASSERT_EQ(one.body["jobs"].size(), 1u);
  const Json& job = one.body["jobs"][0];
  EXPECT_EQ(job["id"], work);
  EXPECT_EQ(job["error"], "layout changed");
  ASSERT_EQ(job["attempts"].size(), 1u);
  EXPECT_EQ(job["attempts"][0]["attempt"], 1);
  EXPECT_EQ(job["attempts"][0]["error"], "layout changed");
  EXPECT_EQ(job["attempts"][0]["worker"], "test-host:1");
  EXPECT_EQ(get("/api/failures?program=nothing-like-it").body["jobs"].size(), 0u);
}

TEST_F(DashboardReadApi, ChartsCountFinishedJobsPerHourAndDurationPercentiles) {
  fail_one("try-run", "boom");
  enqueue();
  const auto job = claim();
  tracking::AttemptEnd ok;
  ASSERT_TRUE(tracking::finish_attempt(*db_, job.id, "test-host:1", job.attempt, ok));
  sql_->query("UPDATE pipeline_jobs SET started_at = finished_at - interval '10 seconds' WHERE id = $1", {job.id});
  sql_->exec(
      "INSERT INTO pipeline_jobs (job_type, status, input, started_at, finished_at) VALUES "
      "('scrape', 'success', '{\"program\": \"try-run\"}', now() - interval '5 hours 1 minute', "
      "now() - interval '5 hours')");
  start();

  const Reply r = get("/api/charts");
  ASSERT_EQ(r.status, 200) << r.body.dump();
  const Json& hours = r.body["finished_per_hour"];
  ASSERT_EQ(hours.size(), 24u);
  EXPECT_EQ(hours[23]["success"], 1);
  EXPECT_EQ(hours[23]["failed"], 1);
  EXPECT_EQ(hours[18]["success"], 1);
  long long total = 0;
  for (const auto& h : hours) total += h["success"].get<long long>() + h["failed"].get<long long>();
  EXPECT_EQ(total, 3);
  ASSERT_EQ(r.body["durations"].size(), 1u);
  EXPECT_EQ(r.body["durations"][0]["program"], "try-run");
  EXPECT_TRUE(r.body["durations"][0]["p50_seconds"].is_number());
  EXPECT_GE(r.body["durations"][0]["p95_seconds"].get<double>(),
            r.body["durations"][0]["p50_seconds"].get<double>());
}

TEST_F(DashboardReadApi, JobDetailLinksDependenciesDependentsAndTheWorkAndEditionTouched) {
  const std::string parent = enqueue("chereads-work");
  const std::string child = enqueue("chereads-segment", 3, {parent});
  const std::string work = *sql_->scalar("INSERT INTO works (title) VALUES ('The Lantern') RETURNING id::text");
  const std::string edition = *sql_->scalar(
      "INSERT INTO editions (work_id, provider, canonical_url) VALUES ($1, 'chereads', 'https://x.test/b') "
      "RETURNING id::text",
      {work});
  sql_->query("UPDATE pipeline_jobs SET work_id = $2, edition_id = $3 WHERE id = $1", {parent, work, edition});
  start();

  const Reply p = get("/api/jobs/" + parent);
  ASSERT_EQ(p.status, 200) << p.body.dump();
  EXPECT_EQ(p.body["job"]["id"], parent);
  EXPECT_EQ(p.body["job"]["status"], "queued");
  EXPECT_EQ(p.body["job"]["input"]["program"], "chereads-work");
  EXPECT_EQ(p.body["dependencies"].size(), 0u);
  ASSERT_EQ(p.body["dependents"].size(), 1u);
  EXPECT_EQ(p.body["dependents"][0]["id"], child);
  EXPECT_EQ(p.body["work"]["title"], "The Lantern");
  EXPECT_EQ(p.body["edition"]["canonical_url"], "https://x.test/b");

  const Reply c = get("/api/jobs/" + child);
  ASSERT_EQ(c.status, 200);
  ASSERT_EQ(c.body["dependencies"].size(), 1u);
  EXPECT_EQ(c.body["dependencies"][0]["id"], parent);
  EXPECT_EQ(c.body["dependencies"][0]["program"], "chereads-work");
  EXPECT_TRUE(c.body["work"].is_null());
}

TEST_F(DashboardReadApi, SchedulesAreListedWithTheirSlots) {
  tracking::ScheduleSpec spec;
  spec.name = "nightly";
  spec.cron = "0 3 * * *";
  spec.program = "try-run";
  ASSERT_TRUE(tracking::add_schedule(*db_, spec));
  start();
  const Reply r = get("/api/schedules");
  ASSERT_EQ(r.status, 200);
  ASSERT_EQ(r.body["schedules"].size(), 1u);
  EXPECT_EQ(r.body["schedules"][0]["name"], "nightly");
  EXPECT_TRUE(r.body["schedules"][0]["next_slot"].is_string());
}

TEST_F(DashboardReadApi, AMalformedJobIdIs400AndAnUnknownOneIs404) {
  start();
  const Reply bad = get("/api/jobs/not-a-uuid");
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body["error"].get<std::string>().find("expected a UUID"), std::string::npos);
  EXPECT_EQ(get("/api/jobs/%27%3B%20DROP%20TABLE%20pipeline_jobs%3B--").status, 400);
  const Reply unknown = get("/api/jobs/00000000-0000-4000-8000-000000000000");
  EXPECT_EQ(unknown.status, 404);
  EXPECT_NE(unknown.body["error"].get<std::string>().find("not found"), std::string::npos);
  EXPECT_EQ(get("/api/no-such-endpoint").status, 404);
  EXPECT_TRUE(get("/api/no-such-endpoint").body["error"].is_string());
  EXPECT_EQ(sql_->scalar("SELECT to_regclass('pipeline_jobs')::text"), "pipeline_jobs");
}

TEST_F(DashboardReadApi, HugeOrMalformedQueryStringsAreRefused) {
  start();
  const std::string huge(4000, 'a');
  const Reply long_target = get("/api/overview?x=" + huge);
  EXPECT_EQ(long_target.status, 414);
  EXPECT_TRUE(long_target.body["error"].is_string());
  EXPECT_EQ(get("/api/failures?program=" + std::string(100000, 'p')).status, 414);
  EXPECT_EQ(get("/api/failures?program=" + std::string(300, 'p')).status, 400);
  EXPECT_EQ(get("/api/failures?limit=0").status, 400);
  EXPECT_EQ(get("/api/failures?limit=201").status, 400);
  EXPECT_EQ(get("/api/failures?limit=-1").status, 400);
  EXPECT_EQ(get("/api/failures?limit=1e3").status, 400);
  EXPECT_EQ(get("/api/failures?a=1&b=2&c=3&d=4&e=5&f=6&g=7&h=8&i=9").status, 400);
  EXPECT_EQ(get("/api/failures?limit=200").status, 200);
}

TEST_F(DashboardReadApi, ThePageScriptAndStyleComeFromTheBinaryWithStrictSecurityHeaders) {
  start();
  httplib::Headers headers;
  const std::string page = get_text("/", &headers);
  EXPECT_NE(page.find("<script src=\"/app.js\""), std::string::npos);
  EXPECT_EQ(page.find("<script>"), std::string::npos) << "no inline script";
  EXPECT_EQ(page.find("http"), std::string::npos) << "nothing from another origin";
  const auto csp = headers.find("Content-Security-Policy");
  ASSERT_NE(csp, headers.end());
  EXPECT_NE(csp->second.find("default-src 'self'"), std::string::npos);
  EXPECT_NE(csp->second.find("script-src 'self'"), std::string::npos);
  EXPECT_NE(csp->second.find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(csp->second.find("unsafe-inline"), std::string::npos);
  EXPECT_EQ(headers.find("X-Content-Type-Options")->second, "nosniff");
  const std::string script = get_text("/app.js", &headers);
  EXPECT_NE(script.find("textContent"), std::string::npos);
  EXPECT_EQ(script.find("innerHTML"), std::string::npos);
  EXPECT_EQ(headers.find("Content-Type")->second.rfind("text/javascript", 0), 0u);
  EXPECT_FALSE(get_text("/app.css").empty());
  EXPECT_EQ(get("/api/overview").header("X-Content-Type-Options"), "nosniff");
  EXPECT_NE(get("/api/overview").header("Content-Security-Policy").find("frame-ancestors 'none'"),
            std::string::npos);
}

}  // namespace
}  // namespace scrapers::testing
