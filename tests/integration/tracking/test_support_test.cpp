// The shared test helpers themselves: throwaway databases and child processes.
#include <gtest/gtest.h>

#include <csignal>

#include "tests/support/process.hpp"
#include "tests/support/test_database.hpp"

namespace scrapers::testing {
namespace {

using namespace std::chrono_literals;

TEST(TestSupportProcess, CapturesStdoutStderrExitCodeAndStdin) {
  auto result = run_process("/bin/sh", {"-c", "cat; echo err >&2; exit 3"}, {.stdin_data = "hello"});
  EXPECT_EQ(result.exit_code, 3);
  EXPECT_EQ(result.term_signal, 0);
  EXPECT_EQ(result.out, "hello");
  EXPECT_EQ(result.err, "err\n");
}

TEST(TestSupportProcess, PassesExtraEnvironmentAndRemovesUnsetOnes) {
  ::setenv("SCRAPERS_SUPPORT_DROP_ME", "x", 1);
  auto result = run_process("/bin/sh", {"-c", "echo \"$A_VAR|${SCRAPERS_SUPPORT_DROP_ME:-gone}\""},
                            {.env = {{"A_VAR", "a b"}}, .unset_env = {"SCRAPERS_SUPPORT_DROP_ME"}});
  EXPECT_EQ(result.out, "a b|gone\n");
}

TEST(TestSupportProcess, AHandleCanSignalARunningChildAndSeeTheSignal) {
  auto process = start_process("/bin/sh", {"-c", "echo ready; sleep 30"});
  ASSERT_TRUE(process.wait_for_output("ready", 5s));
  EXPECT_FALSE(process.wait_for(50ms).has_value()) << "the child should still be running";
  process.send_signal(SIGKILL);
  auto result = process.wait_for(5s);
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->term_signal, SIGKILL);
  EXPECT_EQ(result->exit_code, -1);
}

TEST(TestSupportProcess, TimeoutKillsTheChildAndSaysSo) {
  auto result = run_process("/bin/sh", {"-c", "sleep 30"}, {.timeout = 100ms});
  EXPECT_TRUE(result.timed_out);
  EXPECT_EQ(result.term_signal, SIGKILL);
}

TEST(TestSupportProcess, AMissingProgramIsReportedAsAnError) {
  EXPECT_THROW(run_process("/nonexistent/program", {}), std::runtime_error);
}

TEST(TestSupportDatabase, CreatesAnEmptyDatabaseAndDropsItOnDestruction) {
  SCRAPERS_REQUIRE_DATABASE();
  std::string name;
  {
    TestDatabase db("support");
    name = db.name();
    db.exec("CREATE TABLE t (a int, b text)");
    db.query("INSERT INTO t VALUES ($1, $2), (2, NULL)", {"1", "it's"});
    auto rows = db.query("SELECT a, b FROM t ORDER BY a");
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0][1], "it's");
    EXPECT_FALSE(rows[1][1].has_value());
    EXPECT_EQ(db.scalar("SELECT current_database()"), name);
  }
  auto admin = std::make_unique<TestDatabase>("probe");
  EXPECT_EQ(admin->scalar("SELECT count(*) FROM pg_database WHERE datname = $1", {name}), "0");
}

TEST(TestSupportDatabase, ServerErrorsBecomeExceptionsWithTheMessage) {
  SCRAPERS_REQUIRE_DATABASE();
  TestDatabase db;
  try {
    db.exec("SELECT * FROM no_such_table");
    FAIL() << "expected an exception";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("no_such_table"), std::string::npos);
  }
}

}  // namespace
}  // namespace scrapers::testing
