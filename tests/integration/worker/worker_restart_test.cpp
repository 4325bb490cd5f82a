// PostgreSQL restarted under running workers: they keep supervising their children,
// reconnect with backoff and finish every job. Needs the test cluster's directory and a
// pg_ctl command (TEST_PG_DIR, TEST_PG_CTL: scripts/test exports both); skips without.
#include <gtest/gtest.h>
#include <libpq-fe.h>

#include <memory>
#include <sstream>
#include <thread>

#include "tests/integration/worker/worker_fixture.hpp"

namespace scrapers::testing {
namespace {

using namespace std::chrono_literals;

std::optional<std::string> env_value(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

// Runs `$TEST_PG_CTL -D $TEST_PG_DIR/data <action...>` (TEST_PG_CTL: words split on spaces).
ProcessResult pg_ctl(const std::vector<std::string>& action) {
  std::istringstream words(*env_value("TEST_PG_CTL"));
  std::vector<std::string> args;
  for (std::string word; words >> word;) args.push_back(word);
  const std::string path = args.front();
  args.erase(args.begin());
  args.insert(args.end(), {"-D", *env_value("TEST_PG_DIR") + "/data"});
  args.insert(args.end(), action.begin(), action.end());
  ProcessOptions options;
  options.timeout = 60s;
  return run_process(path, args, options);
}

// One value over a fresh connection (the fixture's own connections die with the server);
// nullopt while the server does not answer.
std::optional<std::string> fresh_scalar(const std::string& conninfo, const std::string& sql) {
  std::unique_ptr<PGconn, decltype(&PQfinish)> conn(PQconnectdb(conninfo.c_str()), &PQfinish);
  if (PQstatus(conn.get()) != CONNECTION_OK) return std::nullopt;
  std::unique_ptr<PGresult, decltype(&PQclear)> result(PQexec(conn.get(), sql.c_str()), &PQclear);
  if (PQresultStatus(result.get()) != PGRES_TUPLES_OK || PQntuples(result.get()) != 1) return std::nullopt;
  return std::string(PQgetvalue(result.get(), 0, 0));
}

class WorkerRestart : public WorkerTest {
 protected:
  void SetUp() override {
    if (!env_value("TEST_PG_DIR") || !env_value("TEST_PG_CTL")) {
      GTEST_SKIP() << "needs TEST_PG_DIR and TEST_PG_CTL to restart the test cluster (run through scripts/test)";
    }
    WorkerTest::SetUp();
  }
  long long succeeded() const {
    return std::stoll(fresh_scalar(sql_->conninfo(), "SELECT count(*) FROM pipeline_jobs WHERE status = 'success'")
                          .value_or("-1"));
  }
};

TEST_F(WorkerRestart, WorkersReconnectAfterPostgresRestartsAndFinishEveryJob) {
  std::vector<std::string> ids;
  for (int i = 0; i < 60; ++i) ids.push_back(enqueue({"--seconds", "0.2"}, 0, 10));
  std::vector<RunningProcess> workers;
  for (int w = 0; w < 2; ++w) workers.push_back(start_worker({"--concurrency", "3", "--poll", "200ms"}));
  ASSERT_TRUE(eventually([&] { return succeeded() >= 10; }, 60s));
  const ProcessResult stop = pg_ctl({"-m", "fast", "-w", "stop"});
  ASSERT_EQ(stop.exit_code, 0) << stop.err << stop.out;
  std::this_thread::sleep_for(2s);  // workers notice; children fail to connect
  // restart starts it with the options it last had (postmaster.opts).
  const ProcessResult start = pg_ctl(
      {"-w", "-t", "30", "-l", *env_value("TEST_PG_DIR") + "/server.log", "restart"});
  ASSERT_EQ(start.exit_code, 0) << start.err << start.out;
  const bool finished = eventually([&] { return succeeded() == 60; }, 150s, 200ms);
  for (auto& worker : workers) EXPECT_FALSE(worker.wait_for(0ms).has_value()) << "a worker exited";
  EXPECT_TRUE(finished) << succeeded() << " of 60 succeeded; the others:\n"
                        << fresh_scalar(
                               sql_->conninfo(),
                               "SELECT string_agg(status || ' ' || attempt || ' ' || coalesce(error, ''), "
                               "E'\\n') FROM pipeline_jobs WHERE status <> 'success'")
                               .value_or("?")
                        << "\n"
                        << workers.front().err_so_far().substr(0, 4000);
  for (auto& worker : workers) {
    EXPECT_NE(worker.err_so_far().find("database connection restored"), std::string::npos) << worker.err_so_far();
    worker.send_signal(SIGTERM);
    EXPECT_EQ(worker.wait(60s).exit_code, 0);
  }
}

}  // namespace
}  // namespace scrapers::testing
