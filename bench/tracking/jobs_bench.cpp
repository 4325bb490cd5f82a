// What tracking costs a run: the three writes of a job's lifecycle, a heartbeat, and the
// monitoring queries over a table of 10 000 finished jobs.
#include <benchmark/benchmark.h>

#include <iostream>
#include <memory>

#include "common/util/log.hpp"
#include "tests/support/test_database.hpp"
#include "tracking/jobs.hpp"
#include "tracking/migrations.hpp"
#include "tracking/monitoring.hpp"

namespace {

using namespace scrapers;

struct Setup {
  std::unique_ptr<scrapers::testing::TestDatabase> sql;
  std::unique_ptr<tracking::Database> db;
};

Setup& setup() {
  static Setup s = [] {
    Setup made;
    made.sql = std::make_unique<scrapers::testing::TestDatabase>("bench");
    made.db = std::make_unique<tracking::Database>(tracking::Database::open(made.sql->conninfo()).value());
    (void)tracking::migrate(*made.db).value();
    made.sql->exec(
        "INSERT INTO pipeline_jobs (job_type, status, input, attempt, started_at, finished_at) "
        "SELECT 'scrape', CASE WHEN g % 10 = 0 THEN 'failed' ELSE 'success' END, "
        "jsonb_build_object('scriptType', 'script-' || (g % 6)), 1 + g % 3, "
        "now() - interval '1 hour', now() - interval '1 hour' + (g % 60) * interval '1 second' "
        "FROM generate_series(1, 10000) g");
    made.sql->exec("ANALYZE pipeline_jobs");
    return made;
  }();
  return s;
}

void JobLifecycle(benchmark::State& state) {
  auto& db = *setup().db;
  for (auto _ : state) {
    auto id = tracking::create_job(db, tracking::JobType::scrape, {{"scriptType", "bench"}}).value();
    benchmark::DoNotOptimize(tracking::update_job_status(db, id, tracking::JobStatus::running).value());
    benchmark::DoNotOptimize(
        tracking::update_job_status(db, id, tracking::JobStatus::success,
                                    nlohmann::json{{"total", 0}, {"success", 0}, {"failed", 0}})
            .value());
  }
}
BENCHMARK(JobLifecycle)->Unit(benchmark::kMillisecond);

void Heartbeat(benchmark::State& state) {
  auto& db = *setup().db;
  auto id = tracking::create_job(db, tracking::JobType::scrape, {{"scriptType", "bench"}}).value();
  (void)tracking::update_job_status(db, id, tracking::JobStatus::running).value();
  for (auto _ : state) benchmark::DoNotOptimize(tracking::record_heartbeat(db, id).value());
}
BENCHMARK(Heartbeat)->Unit(benchmark::kMillisecond);

void Stats(benchmark::State& state) {
  auto& db = *setup().db;
  for (auto _ : state) benchmark::DoNotOptimize(tracking::job_stats(db).value());
}
BENCHMARK(Stats)->Unit(benchmark::kMillisecond);

void FailedList(benchmark::State& state) {
  auto& db = *setup().db;
  for (auto _ : state) benchmark::DoNotOptimize(tracking::failed_jobs(db, 10).value());
}
BENCHMARK(FailedList)->Unit(benchmark::kMillisecond);

}  // namespace

int main(int argc, char** argv) {
  if (!scrapers::testing::admin_url()) {
    std::cerr << "tracking_bench: set TEST_DATABASE_ADMIN_URL (a PostgreSQL admin conninfo) to run\n";
    return 0;
  }
  scrapers::log::set_level(scrapers::log::Level::warn);  // one log line per job otherwise
  scrapers::log::configure_from_env();
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
