#include "scrapers/try_run/try_run.hpp"

#include <algorithm>
#include <iostream>

#include <nlohmann/json.hpp>

#include "common/util/signals.hpp"
#include "scrapers/runtime/job_runner.hpp"

namespace scrapers::try_run {
namespace {

using Json = nlohmann::json;

// Sleeps in short slices so a signal ends the run promptly (heartbeats run meanwhile).
bool stay_busy(std::chrono::milliseconds total) {
  using clock = std::chrono::steady_clock;
  const auto deadline = clock::now() + total;
  while (clock::now() < deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - clock::now());
    if (!interruptible_sleep(std::min(left, std::chrono::milliseconds(1000)))) return false;
  }
  return !interrupted();
}

void print_result(const TryRunOptions& o, const std::string& job_id, int code) {
  const char* status = code == runtime::exit_code::ok ? "success" : "failed";
  if (o.json) {
    std::cout << Json{{"job_id", job_id.empty() ? Json(nullptr) : Json(job_id)},
                      {"status", status},
                      {"exit_code", code}}
                     .dump(2)
              << '\n';
  } else if (!job_id.empty()) {
    std::cout << "job " << job_id << " " << status << '\n';
  }
}

}  // namespace

int run_try_run(const TryRunOptions& o, tracking::Database& db, runtime::Services&) {
  runtime::JobSpec spec;
  spec.input = {{"scriptType", kScriptType}, {"seconds", static_cast<double>(o.run_for.count()) / 1000.0}};
  if (o.fail_with) spec.input["failWith"] = *o.fail_with;
  spec.heartbeat_interval = o.heartbeat_interval;
  std::string job_id;
  const int code = runtime::run_tracked_job(db, spec, [&](runtime::JobContext& job) {
    job_id = job.job_id();
    const bool completed = stay_busy(o.run_for);
    const int ok = completed && !o.fail_with ? 1 : 0;
    Json output = {{"total", 1}, {"success", ok}, {"failed", 1 - ok}};
    if (o.fail_with) return runtime::JobResult::failure(*o.fail_with, output);
    return runtime::JobResult::success(output);
  });
  print_result(o, job_id, code);
  return code;
}

}  // namespace scrapers::try_run
