// The dashboard's actions and who may use them, against a real PostgreSQL: actions off
// without DASHBOARD_TOKEN, a wrong token, a missing or wrong CSRF token, a body that is
// not JSON, another origin; then cancel, retry, pause/resume and "enqueue now" doing
// what the pipeline-jobs commands do; reads beyond loopback need a session.
#include <gtest/gtest.h>

#include "tests/integration/dashboard/dashboard_fixture.hpp"
#include "tracking/queue_schedules.hpp"

namespace scrapers::testing {
namespace {

constexpr const char* kToken = "s3cret-dashboard-token";

class DashboardActions : public DashboardTest {
 protected:
  std::string add_source(const std::string& status) const {
    return *sql_->scalar(
        "INSERT INTO sources (name, domain, status) VALUES ('site', 'site.test', $1) RETURNING id::text",
        {status});
  }
};

TEST_F(DashboardActions, WithoutATokenEveryActionAndLoginIsRefused) {
  const std::string job = enqueue();
  start(std::nullopt);
  EXPECT_EQ(get("/api/session").body["actions_enabled"], false);
  EXPECT_EQ(post("/api/login", Json{{"token", ""}}).status, 403);
  const Reply r = post("/api/jobs/" + job + "/cancel", Json::object());
  EXPECT_EQ(r.status, 403);
  EXPECT_NE(r.body["error"].get<std::string>().find("DASHBOARD_TOKEN"), std::string::npos);
  EXPECT_EQ(column(job, "status"), "queued");
}

TEST_F(DashboardActions, AWrongTokenOpensNoSession) {
  start(kToken);
  const Reply r = post("/api/login", Json{{"token", "s3cret-dashboard-tokeN"}});
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.header("Set-Cookie"), "");
  EXPECT_EQ(post("/api/login", Json{{"token", ""}}).status, 401);
  EXPECT_EQ(post("/api/login", Json{{"token", 42}}).status, 401);
  EXPECT_EQ(post("/api/login", Json("not an object")).status, 400);
  EXPECT_EQ(post("/api/login", Json{{"token", kToken}}, {}, "application/x-www-form-urlencoded").status, 415);
  EXPECT_EQ(get("/api/session").body["logged_in"], false);
}

TEST_F(DashboardActions, TenWrongTokensRefuseEvenTheRightOneForAWhile) {
  start(kToken);
  for (int i = 0; i < 10; ++i) ASSERT_EQ(post("/api/login", Json{{"token", "guess-" + std::to_string(i)}}).status, 401);
  const Reply r = post("/api/login", Json{{"token", kToken}});
  EXPECT_EQ(r.status, 429);
  EXPECT_EQ(r.header("Set-Cookie"), "");
  const std::string retry_after = r.header("Retry-After");
  ASSERT_FALSE(retry_after.empty());
  EXPECT_GE(std::stoi(retry_after), 1);
  EXPECT_LE(std::stoi(retry_after), 60);
  EXPECT_NE(r.body["error"].get<std::string>().find("too many wrong tokens"), std::string::npos);
}

TEST_F(DashboardActions, LoginSetsAnHttpOnlySameSiteStrictCookieAndGivesTheCsrfToken) {
  start(kToken);
  const Reply r = post("/api/login", Json{{"token", kToken}});
  ASSERT_EQ(r.status, 200);
  const std::string cookie = r.header("Set-Cookie");
  EXPECT_EQ(cookie.rfind("dashboard_session=", 0), 0u) << cookie;
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(r.body["csrf_token"].get<std::string>().size(), 64u);
  EXPECT_EQ(r.body.dump().find(kToken), std::string::npos);
  const Reply session = get("/api/session", {{"Cookie", cookie.substr(0, cookie.find(';'))}});
  EXPECT_EQ(session.body["logged_in"], true);
  EXPECT_EQ(session.body["csrf_token"], r.body["csrf_token"]);
}

TEST_F(DashboardActions, AnActionNeedsTheSessionAndItsCsrfToken) {
  const std::string job = enqueue();
  start(kToken);
  const Login session = login(kToken);
  const std::string path = "/api/jobs/" + job + "/cancel";
  EXPECT_EQ(post(path, Json::object()).status, 401) << "no cookie";
  EXPECT_EQ(post(path, Json::object(), {{"Cookie", session.cookie}}).status, 403) << "no CSRF token";
  std::string wrong_csrf = session.csrf;
  wrong_csrf[0] = wrong_csrf[0] == '0' ? '1' : '0';  // differs in exactly one character
  EXPECT_EQ(post(path, Json::object(), {{"Cookie", session.cookie}, {"X-CSRF-Token", wrong_csrf}}).status, 403)
      << "wrong CSRF token";
  EXPECT_EQ(
      post(path, Json::object(), {{"Cookie", "dashboard_session=forged"}, {"X-CSRF-Token", session.csrf}}).status,
      401)
      << "forged session";
  EXPECT_EQ(post(path, Json::object(), session.headers(), "text/plain").status, 415) << "a form could send this";
  auto cross = session.headers();
  cross.emplace("Origin", "http://evil.test");
  EXPECT_EQ(post(path, Json::object(), cross).status, 403) << "another origin";
  EXPECT_EQ(column(job, "status"), "queued") << "nothing above acted";
  const Reply ok = post(path, Json::object(), session.headers());
  EXPECT_EQ(ok.status, 200) << ok.body.dump();
  EXPECT_EQ(ok.body["result"], "cancelled");
  EXPECT_EQ(column(job, "status"), "failed");
  EXPECT_EQ(column(job, "error"), "cancelled");
}

TEST_F(DashboardActions, CancellingARunningJobAsksItToStopAndAFinishedOneIsAConflict) {
  enqueue();
  const auto running = claim();
  const std::string failed = fail_one("chereads-work", "boom");
  start(kToken);
  const Login session = login(kToken);
  const Reply stop = post("/api/jobs/" + running.id + "/cancel", Json::object(), session.headers());
  EXPECT_EQ(stop.status, 200);
  EXPECT_EQ(stop.body["result"], "stop_requested");
  EXPECT_TRUE(is_true(running.id, "cancel_requested_at IS NOT NULL"));
  const Reply conflict = post("/api/jobs/" + failed + "/cancel", Json::object(), session.headers());
  EXPECT_EQ(conflict.status, 409);
  EXPECT_NE(conflict.body["error"].get<std::string>().find("already finished"), std::string::npos);
  EXPECT_EQ(post("/api/jobs/nope/cancel", Json::object(), session.headers()).status, 400);
  EXPECT_EQ(
      post("/api/jobs/00000000-0000-4000-8000-000000000000/cancel", Json::object(), session.headers()).status,
      404);
}

TEST_F(DashboardActions, RetryPutsAFailedJobBackInTheQueue) {
  const std::string failed = fail_one("try-run", "boom");
  const std::string queued = enqueue();
  start(kToken);
  const Login session = login(kToken);
  const Reply r = post("/api/jobs/" + failed + "/retry", Json::object(), session.headers());
  EXPECT_EQ(r.status, 200) << r.body.dump();
  EXPECT_EQ(r.body["status"], "queued");
  EXPECT_EQ(column(failed, "status"), "queued");
  EXPECT_EQ(post("/api/jobs/" + queued + "/retry", Json::object(), session.headers()).status, 409);
}

TEST_F(DashboardActions, PauseAndResumeChangeTheSourcesStatus) {
  const std::string source = add_source("active");
  start(kToken);
  const Login session = login(kToken);
  const Reply paused = post("/api/sources/" + source + "/pause", Json::object(), session.headers());
  EXPECT_EQ(paused.status, 200) << paused.body.dump();
  EXPECT_EQ(paused.body["source"]["paused"], true);
  EXPECT_EQ(sql_->scalar("SELECT status FROM sources WHERE id = $1", {source}), "paused");
  EXPECT_EQ(post("/api/sources/" + source + "/resume", Json::object(), session.headers()).body["source"]["paused"],
            false);
  EXPECT_EQ(sql_->scalar("SELECT status FROM sources WHERE id = $1", {source}), "active");
  EXPECT_EQ(post("/api/sources/x/pause", Json::object(), session.headers()).status, 400);
  EXPECT_EQ(
      post("/api/sources/00000000-0000-4000-8000-000000000000/pause", Json::object(), session.headers()).status,
      404);
}

TEST_F(DashboardActions, EnqueueNowQueuesOneJobFromTheSchedulesSpec) {
  tracking::ScheduleSpec spec;
  spec.name = "nightly";
  spec.cron = "0 3 * * *";
  spec.program = "try-run";
  spec.args = {"--seconds", "1"};
  spec.priority = 7;
  ASSERT_TRUE(tracking::add_schedule(*db_, spec));
  start(kToken);
  const Login session = login(kToken);
  const Reply r = post("/api/schedules/enqueue", Json{{"name", "nightly"}}, session.headers());
  ASSERT_EQ(r.status, 200) << r.body.dump();
  const std::string id = r.body["id"];
  EXPECT_EQ(column(id, "status"), "queued");
  EXPECT_EQ(column(id, "priority"), "7");
  EXPECT_EQ(column(id, "input->>'schedule'"), "nightly");
  EXPECT_EQ(column(id, "input->'args'"), R"(["--seconds", "1"])");
  EXPECT_EQ(post("/api/schedules/enqueue", Json{{"name", "other"}}, session.headers()).status, 404);
  EXPECT_EQ(post("/api/schedules/enqueue", Json{{"name", ""}}, session.headers()).status, 400);
}

TEST_F(DashboardActions, LogoutEndsTheSession) {
  const std::string job = enqueue();
  start(kToken);
  const Login session = login(kToken);
  EXPECT_EQ(post("/api/logout", Json::object(), session.headers()).status, 200);
  EXPECT_EQ(post("/api/jobs/" + job + "/cancel", Json::object(), session.headers()).status, 401);
  EXPECT_EQ(column(job, "status"), "queued");
}

TEST_F(DashboardActions, BeyondLoopbackEvenReadsNeedASession) {
  start(kToken, "0.0.0.0");
  EXPECT_EQ(get("/api/session").body["login_required"], true);
  EXPECT_EQ(get("/api/overview").status, 401);
  EXPECT_EQ(get("/api/jobs/00000000-0000-4000-8000-000000000000").status, 401);
  const Login session = login(kToken);
  EXPECT_EQ(get("/api/overview", {{"Cookie", session.cookie}}).status, 200);
}

}  // namespace
}  // namespace scrapers::testing
