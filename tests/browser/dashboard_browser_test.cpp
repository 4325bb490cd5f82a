// The dashboard in a real browser: Debian's chromium, headless, driven over the DevTools
// protocol by dashboard_browser.cjs (node + chrome-remote-interface from the npm
// registry, installed by scripts/test into <build>/browser-test). This test seeds a real
// PostgreSQL, runs a real `pipeline-jobs worker` on a readnovel chain against the fixture
// server (so a per-item job reports progress as it goes) and `pipeline-jobs dashboard`
// with a token, runs the browser script, then checks the rows: the job the browser
// cancelled ended failed "cancelled". It also writes docs/dashboard-overview.png.
// Missing chromium, node or the npm package fails the test with what to install.
#include <gtest/gtest.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <variant>

#include <nlohmann/json.hpp>

#include "tests/e2e_support/scraper_harness.hpp"
#include "tests/support/eventually.hpp"
#include "tracking/database.hpp"
#include "tracking/queue.hpp"
#include "tracking/queue_schedules.hpp"

namespace scrapers::testing {
namespace {

using Json = nlohmann::json;
using namespace std::chrono_literals;
namespace fs = std::filesystem;

constexpr const char* kWork = "7d1f0c56-0000-4000-8000-0000000000b1";
constexpr const char* kToken = "browser-test-token-2f9c";
constexpr const char* kHostileError = "<img src=x onerror=alert(1)>";

// `name` on PATH, or "" (an absolute path given in `env_override` wins).
std::string find_program(const char* name, const char* env_override) {
  if (const char* given = std::getenv(env_override); given != nullptr && *given != '\0') return given;
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "";
  for (std::size_t at = 0; at <= dirs.size();) {
    const auto end = std::min(dirs.find(':', at), dirs.size());
    const fs::path candidate = fs::path(dirs.substr(at, end - at)) / name;
    if (!candidate.parent_path().empty() && access(candidate.c_str(), X_OK) == 0) return candidate.string();
    at = end + 1;
  }
  return {};
}

struct BrowserTools {
  std::string node, chromium, node_modules;
};

// The tools, or a message saying what is missing and how to get it.
std::variant<BrowserTools, std::string> browser_tools() {
  BrowserTools t{find_program("node", "BROWSER_TEST_NODE"), find_program("chromium", "CHROMIUM"),
                 binary_path("browser-test/node_modules")};
  if (t.chromium.empty()) return std::string("chromium not found: apt-get install chromium (scripts/test does)");
  if (t.node.empty()) return std::string("node not found: apt-get install nodejs npm (scripts/test does)");
  if (!fs::exists(fs::path(t.node_modules) / "chrome-remote-interface")) {
    return "chrome-remote-interface is not installed in " + t.node_modules +
           ": run scripts/test (it runs npm ci from tests/browser/package-lock.json)";
  }
  return t;
}

class DashboardBrowser : public ::testing::Test {
 protected:
  std::string enqueue(const std::string& program, std::vector<std::string> args, int max_attempts = 1,
                      std::vector<std::string> after = {},
                      std::optional<tracking::WallTime> run_at = std::nullopt) const {
    tracking::EnqueueParams p;
    p.program = program;
    p.args = std::move(args);
    p.max_attempts = max_attempts;
    p.after = std::move(after);
    p.run_at = run_at;
    auto job = tracking::enqueue_job(*db_, p);
    EXPECT_TRUE(job) << job.error().describe();
    return job ? job->id : std::string();
  }
  // A chereads-segment job that failed for good with the hostile error.
  std::string hostile_failure() const {
    enqueue("chereads-segment", {});
    tracking::ClaimParams claim;
    claim.worker = "seed:1";
    claim.programs = {"chereads-segment"};
    auto claimed = tracking::claim_jobs(*db_, claim);
    EXPECT_TRUE(claimed && claimed->size() == 1u);
    tracking::AttemptEnd end;
    end.failed = true;
    end.error = kHostileError;
    EXPECT_TRUE(tracking::finish_attempt(*db_, claimed->front().id, "seed:1", 1, end));
    return claimed->front().id;
  }
  std::optional<std::string> status(const std::string& job) const {
    return harness_->db().scalar("SELECT status FROM pipeline_jobs WHERE id = $1", {job});
  }

  std::unique_ptr<ScraperHarness> harness_;
  std::unique_ptr<tracking::Database> db_;
};

TEST_F(DashboardBrowser, AWorkersBarAdvancesCancelNeedsTheTokenAndAHostileErrorStaysText) {
  SCRAPERS_REQUIRE_E2E();
  const auto found = browser_tools();
  if (const auto* missing = std::get_if<std::string>(&found)) FAIL() << "browser test cannot run: " << *missing;
  const auto& tools = std::get<BrowserTools>(found);
  harness_ = std::make_unique<ScraperHarness>();
  auto opened = tracking::Database::open(harness_->db().conninfo());
  ASSERT_TRUE(opened);
  db_ = std::make_unique<tracking::Database>(std::move(*opened));

  harness_->db().query("INSERT INTO works (id, title) VALUES ($1, 'The Quiet Lantern')", {kWork});
  const std::string parent = enqueue("readnovel-api", {kWork, "the-quiet-lantern"});
  const std::string segments = enqueue("readnovel-segment", {"--delay", "5000"}, 1, {parent});
  enqueue("chereads-work", {"--url", "https://www.chereads.com/chapterlist/1/"});
  enqueue("chereads-work", {"--url", "https://www.chereads.com/chapterlist/2/"});
  enqueue("chereads-work", {"--url", "https://www.chereads.com/chapterlist/3/"}, 1, {},
          std::chrono::system_clock::now() + 1h);
  const std::string hostile = hostile_failure();
  // The fixture server is the readnovel site here, so this source counts its requests.
  harness_->db().exec(
      "INSERT INTO sources (name, domain, rate_limit_rpm, status) VALUES "
      "('readnovel (fixture server)', '127.0.0.1', 600, 'active'), "
      "('chereads', 'chereads.com', 20, 'paused')");
  tracking::ScheduleSpec nightly;
  nightly.name = "nightly-chereads";
  nightly.cron = "0 3 * * *";
  nightly.program = "chereads-work";
  nightly.args = {"--url", "https://www.chereads.com/chapterlist/1/"};
  ASSERT_TRUE(tracking::add_schedule(*db_, nightly));

  auto dashboard = harness_->start("pipeline-jobs", {"dashboard", "--listen", "127.0.0.1:0"},
                                   {{"DASHBOARD_TOKEN", kToken}, {"JOB_HEARTBEAT_INTERVAL", "5s"}});
  ASSERT_TRUE(dashboard.wait_for_output("dashboard: http://127.0.0.1:", 20s)) << dashboard.err_so_far();
  const std::string printed = dashboard.out_so_far();
  const std::string url = printed.substr(printed.find("http://"), printed.find('\n') - printed.find("http://"));
  auto worker = harness_->start("pipeline-jobs",
                                {"worker", "--programs", "readnovel-api,readnovel-segment", "--poll", "200ms"});

  const fs::path screenshot = fs::path(SCRAPERS_SOURCE_DIR) / "docs" / "dashboard-overview.png";
  const Json input{{"url", url},
                   {"token", kToken},
                   {"chromium", tools.chromium},
                   {"screenshot", screenshot.string()},
                   {"running_job", segments},
                   {"xss_job", hostile},
                   {"xss_error", kHostileError},
                   {"counts",
                    {{"chereads-work", {{"runnable", 2}, {"waiting", 1}, {"running", 0}}},
                     {"chereads-segment", {{"failed", 1}, {"runnable", 0}}}}}};
  ProcessOptions node;
  node.env = {{"NODE_PATH", tools.node_modules}, {"BROWSER_TEST_INPUT", input.dump()}};
  node.timeout = 240s;
  const auto browser = run_process(
      tools.node, {std::string(SCRAPERS_SOURCE_DIR) + "/tests/browser/dashboard_browser.cjs"}, node);
  std::cerr << browser.err;  // the browser's steps, for the log
  EXPECT_EQ(browser.exit_code, 0) << browser.err << "\ndashboard:\n"
                                  << dashboard.err_so_far() << "\nworker:\n"
                                  << worker.err_so_far();

  EXPECT_TRUE(eventually([&] { return status(segments) == "failed"; }, 60s)) << worker.err_so_far();
  EXPECT_EQ(harness_->db().scalar("SELECT error FROM pipeline_jobs WHERE id = $1", {segments}), "cancelled");
  EXPECT_EQ(status(hostile), "failed");
  std::ifstream png(screenshot, std::ios::binary);
  std::string magic(8, '\0');
  png.read(magic.data(), 8);
  EXPECT_EQ(magic, "\x89PNG\r\n\x1a\n");

  worker.send_signal(SIGTERM);
  dashboard.send_signal(SIGTERM);
  worker.wait(60s);
  const auto served = dashboard.wait(20s);
  EXPECT_EQ(served.exit_code, 0);
  EXPECT_EQ(served.err.find(kToken), std::string::npos) << "the token is never logged";
}

}  // namespace
}  // namespace scrapers::testing
