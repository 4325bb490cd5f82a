// What the worker starts for a claimed job: the registry's command with its executable
// resolved, the row's arguments, and a final error for what no retry can fix.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "scrapers/worker/job_launch.hpp"

namespace scrapers::worker {
namespace {

tracking::ClaimedJob claimed(const std::string& program, std::vector<std::string> args) {
  tracking::ClaimedJob job;
  job.id = "0b7c2a6e-8a43-4a0c-9a57-5b4f9c1f2d3e";
  job.attempt = 1;
  job.program = program;
  job.args = std::move(args);
  return job;
}

class JobLaunch : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/job_launch_" + std::to_string(::getpid());
    std::filesystem::create_directories(dir_);
    std::ofstream(dir_ + "/pipeline-jobs") << "#!/bin/sh\n";
    std::filesystem::permissions(dir_ + "/pipeline-jobs", std::filesystem::perms::owner_all);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string dir_;
};

TEST_F(JobLaunch, TheProgramsCommandIsFoundNextToTheWorkerAndGetsTheRowsArguments) {
  auto argv = job_command(claimed("try-run", {"--seconds", "1"}), dir_);
  ASSERT_TRUE(argv.ok()) << argv.error().describe();
  EXPECT_EQ(*argv, (std::vector<std::string>{dir_ + "/pipeline-jobs", "try-run", "--seconds", "1"}));
}

TEST_F(JobLaunch, AnUnknownProgramIsAFinalError) {
  auto argv = job_command(claimed("nope", {}), dir_);
  ASSERT_FALSE(argv.ok());
  EXPECT_EQ(argv.error().kind, ErrorKind::invalid_argument);
  EXPECT_EQ(argv.error().message, "unknown program 'nope'");
}

TEST_F(JobLaunch, ArgumentsTheProgramRejectsAreAFinalErrorWithItsParsersMessage) {
  auto argv = job_command(claimed("try-run", {"--seconds", "-5"}), dir_);
  ASSERT_FALSE(argv.ok());
  EXPECT_EQ(argv.error().kind, ErrorKind::invalid_argument);
  EXPECT_EQ(argv.error().message.rfind("invalid arguments for try-run: ", 0), 0u) << argv.error().message;
  EXPECT_EQ(argv.error().message.find('\n'), std::string::npos);
}

TEST_F(JobLaunch, ExecutablesResolveNextToTheWorkerThenOnPathElseNotAtAll) {
  EXPECT_EQ(resolve_executable("pipeline-jobs", dir_), dir_ + "/pipeline-jobs");
  const auto sh = resolve_executable("sh", dir_);
  ASSERT_TRUE(sh.has_value());
  EXPECT_EQ(std::filesystem::path(*sh).filename(), "sh");
  EXPECT_EQ(resolve_executable("/bin/true", dir_), "/bin/true");
  EXPECT_FALSE(resolve_executable("no-such-program-anywhere", dir_).has_value());
}

TEST(JobEnvironment, NamesTheRowAndItsClaimer) {
  EXPECT_EQ(job_environment("id-1", "host:42"),
            (EnvVars{{"PIPELINE_JOB_ID", "id-1"}, {"PIPELINE_JOB_WORKER", "host:42"}}));
}

}  // namespace
}  // namespace scrapers::worker
