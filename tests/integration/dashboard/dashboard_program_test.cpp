// `pipeline-jobs dashboard` as a program: refused at start beyond loopback without
// DASHBOARD_TOKEN and for a malformed --listen; otherwise it prints its URL, serves the
// API, never prints the token, and exits 0 on SIGTERM.
#include <gtest/gtest.h>
#include <httplib.h>

#include <csignal>
#include <filesystem>

#include <nlohmann/json.hpp>

#include "tests/integration/tracking/tracking_fixture.hpp"
#include "tests/support/process.hpp"

namespace scrapers::testing {
namespace {

using Json = nlohmann::json;
using namespace std::chrono_literals;

class DashboardProgram : public TrackingTest {
 protected:
  ProcessOptions options(std::vector<std::pair<std::string, std::string>> env = {}) const {
    ProcessOptions o;
    env.emplace_back("DATABASE_URL", sql_->conninfo());
    o.env = std::move(env);
    o.unset_env = {"DASHBOARD_TOKEN"};
    o.working_directory = std::filesystem::temp_directory_path().string();  // no .env
    o.timeout = 30s;
    return o;
  }
  std::string program() const { return binary_path("bin/pipeline-jobs"); }
};

TEST_F(DashboardProgram, ListeningBeyondLoopbackWithoutATokenIsRefusedAtStart) {
  const auto r = run_process(program(), {"dashboard", "--listen", "0.0.0.0:0"}, options());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_NE(r.err.find("DASHBOARD_TOKEN"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

TEST_F(DashboardProgram, AMalformedListenAddressIsAUsageError) {
  for (const char* listen : {"8080", "127.0.0.1:99999", "127.0.0.1:", "bad host:80", "[zz]:80"}) {
    const auto r = run_process(program(), {"dashboard", "--listen", listen}, options());
    EXPECT_EQ(r.exit_code, 2) << listen;
    EXPECT_NE(r.err.find("--listen"), std::string::npos) << r.err;
  }
}

TEST_F(DashboardProgram, ServesItsUrlUntilSigtermAndNeverPrintsTheToken) {
  const std::string token = "tok-4f1d9a0c7e2b";
  auto running = start_process(program(), {"dashboard", "--listen", "127.0.0.1:0"},
                               options({{"DASHBOARD_TOKEN", token}, {"LOG_LEVEL", "debug"}}));
  ASSERT_TRUE(running.wait_for_output("dashboard: http://127.0.0.1:", 20s)) << running.err_so_far();
  const std::string out = running.out_so_far();
  const auto at = out.find("127.0.0.1:") + 10;
  const int port = std::stoi(out.substr(at));
  httplib::Client client("127.0.0.1", port);
  auto overview = client.Get("/api/overview");
  ASSERT_TRUE(overview);
  EXPECT_EQ(overview->status, 200);
  EXPECT_TRUE(Json::parse(overview->body, nullptr, false).contains("programs"));
  EXPECT_EQ(client.Post("/api/login", Json{{"token", "wrong"}}.dump(), "application/json")->status, 401);
  EXPECT_EQ(client.Post("/api/login", Json{{"token", token}}.dump(), "application/json")->status, 200);
  running.send_signal(SIGTERM);
  const auto result = running.wait(20s);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_EQ(result.out.find(token), std::string::npos);
  EXPECT_EQ(result.err.find(token), std::string::npos);
}

}  // namespace
}  // namespace scrapers::testing
