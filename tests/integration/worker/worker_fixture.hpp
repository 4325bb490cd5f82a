// Worker tests: a fresh migrated database per test (TrackingTest), jobs enqueued with
// tracking::enqueue_job, and the built `pipeline-jobs worker` started as real processes
// that run the built `pipeline-jobs try-run` as each job's program.
#pragma once

#include <dirent.h>
#include <sys/types.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "common/util/log.hpp"
#include "tests/integration/tracking/tracking_fixture.hpp"
#include "tests/support/eventually.hpp"
#include "tests/support/process.hpp"
#include "tracking/queue.hpp"

namespace scrapers::testing {

using Env = std::vector<std::pair<std::string, std::string>>;

class WorkerTest : public TrackingTest {
 protected:
  void SetUp() override {
    TrackingTest::SetUp();
    if (IsSkipped()) return;
    log::set_level(log::Level::warn);  // enqueue_job logs each job
    work_dir_ = ::testing::TempDir() + "/worker_" + sql_->name();
    std::filesystem::create_directories(work_dir_);
  }
  void TearDown() override {
    if (!work_dir_.empty()) std::filesystem::remove_all(work_dir_);
  }

  // The environment of workers (and so of their jobs): fast retries, no stray .env.
  ProcessOptions options(const Env& extra = {}) const {
    ProcessOptions o;
    o.env = {{"DATABASE_URL", sql_->conninfo()},
             {"LOG_LEVEL", "info"},
             {"ASSET_DIR", work_dir_ + "/assets"},
             {"JOB_RETRY_BASE_DELAY", "100ms"},
             {"JOB_RETRY_MAX_DELAY", "200ms"}};
    o.env.insert(o.env.end(), extra.begin(), extra.end());
    o.unset_env = {"JOB_HEARTBEAT_INTERVAL", "PIPELINE_JOB_ID", "PIPELINE_JOB_WORKER"};
    o.working_directory = work_dir_;
    o.timeout = std::chrono::seconds(120);
    return o;
  }
  static std::string program() { return binary_path("bin/pipeline-jobs"); }
  static std::vector<std::string> worker_args(std::vector<std::string> args) {
    args.insert(args.begin(), "worker");
    return args;
  }
  RunningProcess start_worker(const std::vector<std::string>& args, const Env& extra = {}) const {
    return start_process(program(), worker_args(args), options(extra));
  }
  ProcessResult run_worker(const std::vector<std::string>& args, const Env& extra = {}) const {
    return run_process(program(), worker_args(args), options(extra));
  }

  std::string enqueue(const std::vector<std::string>& args, int priority = 0, int max_attempts = 3,
                      const std::string& program_name = "try-run") const {
    tracking::EnqueueParams params;
    params.program = program_name;
    params.args = args;
    params.priority = priority;
    params.max_attempts = max_attempts;
    auto job = tracking::enqueue_job(*db_, params);
    EXPECT_TRUE(job.ok()) << job.error().describe();
    return job ? job->id : std::string();
  }

  std::string text(const std::string& id, const std::string& expression) const {
    return column(id, expression).value_or("<null>");
  }
  bool reaches(const std::string& id, const std::string& condition,
               std::chrono::milliseconds deadline = std::chrono::seconds(30)) const {
    return eventually([&] { return is_true(id, condition); }, deadline, std::chrono::milliseconds(50));
  }
  long long count(const std::string& where) const {
    return std::stoll(sql_->scalar("SELECT count(*) FROM pipeline_jobs WHERE " + where).value_or("0"));
  }

  // The processes whose parent is `parent` (from /proc).
  static std::vector<pid_t> children_of(pid_t parent) {
    std::vector<pid_t> out;
    for (const auto& entry : std::filesystem::directory_iterator("/proc")) {
      const std::string name = entry.path().filename().string();
      if (name.find_first_not_of("0123456789") != std::string::npos) continue;
      std::ifstream stat(entry.path() / "stat");
      std::string line;
      if (!std::getline(stat, line)) continue;
      const auto close = line.rfind(')');
      if (close == std::string::npos) continue;
      char state = 0;
      int ppid = 0;
      if (std::sscanf(line.c_str() + close + 1, " %c %d", &state, &ppid) == 2 && ppid == parent && state != 'Z') {
        out.push_back(static_cast<pid_t>(std::stoi(name)));
      }
    }
    return out;
  }

  std::string work_dir_;
};

}  // namespace scrapers::testing
