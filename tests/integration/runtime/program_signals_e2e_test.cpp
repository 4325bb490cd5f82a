// A program whose output goes nowhere or whose terminal hangs up still ends its job:
// chereads-segment, the real binary, against the fixture server and PostgreSQL.
//   - its stdout and stderr are a pipe closed before it writes (`... 2>&1 | true`):
//     writes fail with EPIPE, the run goes on and ends its job as it would have;
//   - SIGHUP is an interrupt like SIGINT: job failed "interrupted by signal", exit 130.
#include <gtest/gtest.h>

#include <csignal>

#include "tests/integration/chereads/chereads_e2e.hpp"

namespace scrapers::chereads::e2e {
namespace {

using namespace std::chrono_literals;

TEST(ProgramSignalsE2e, AClosedOutputPipeDoesNotKillTheRunAndItsJobEnds) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string edition = prepare_edition(h);
  ASSERT_FALSE(edition.empty());
  // The reader (`true`) is gone before the program starts writing; pipefail gives the
  // program's own exit status.
  const ProcessResult result = scrapers::testing::run_process(
      "/bin/bash",
      {"-c", "set -o pipefail; \"$0\" \"$@\" 2>&1 | true", scrapers::testing::binary_path("bin/chereads-segment"),
       "--editionId=" + edition, "--delay=0"},
      h.options());
  EXPECT_EQ(result.exit_code, 1) << "the run's own status (one chapter is too short), not 141 (SIGPIPE)\n"
                                 << result.err;
  const auto job = h.last_job();
  EXPECT_EQ(job[0], "failed") << "ended, not left running";
  EXPECT_EQ(job[2].value_or("").rfind("1 of ", 0), 0u) << "the run's own ending: " << job[2].value_or("");
  EXPECT_EQ(last_output(h)["success"], kReadable) << "the work was done";
}

TEST(ProgramSignalsE2e, SighupEndsTheJobFailedAsInterruptedWithExit130) {
  SCRAPERS_REQUIRE_E2E();
  ScraperHarness h;
  const std::string edition = prepare_edition(h);
  auto process = h.start("chereads-segment", {"--editionId=" + edition, "--delay=400"});
  ASSERT_TRUE(process.wait_for_output(" stored", 20s)) << process.err_so_far();
  process.send_signal(SIGHUP);
  const ProcessResult result = process.wait(30s);
  EXPECT_EQ(result.term_signal, 0) << "not killed by the signal";
  EXPECT_EQ(result.exit_code, 130) << result.err;
  const auto job = h.last_job();
  EXPECT_EQ(job[0], "failed");
  EXPECT_EQ(job[2], "interrupted by signal");
}

}  // namespace
}  // namespace scrapers::chereads::e2e
