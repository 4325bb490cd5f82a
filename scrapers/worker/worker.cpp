#include "scrapers/worker/worker.hpp"

#include "common/util/log.hpp"
#include "scrapers/runtime/exit_codes.hpp"
#include "scrapers/runtime/job_runner.hpp"
#include "scrapers/worker/worker_loop.hpp"

namespace scrapers::worker {

int run_worker(const WorkerOptions& options) {
  auto db = runtime::connect_database();
  if (!db) {
    log::error("pipeline-jobs worker: " + db.error().describe());
    return db.error().kind == ErrorKind::invalid_argument ? runtime::exit_code::usage
                                                          : runtime::exit_code::job_failed;
  }
  return WorkerLoop(options, std::move(db).value()).run();
}

}  // namespace scrapers::worker
