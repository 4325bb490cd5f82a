// The queue's commands of `pipeline-jobs`: enqueue, cancel, retry (options checked by
// queue_cli.hpp). Each calls one tracking/queue.hpp transaction and prints its result:
//   enqueue  the job id (--json: {"id", "status", "created"}); with a unique key that a
//            queued or running job holds, that job's id and created false.
//   cancel   "cancelled" (+ how many dependents failed) or "stop requested"
//            (--json: {"id", "result", "dependents_failed"}).
//   retry    the job id (--json: {"id", "status"}).
// Errors are one line on `err` with exit 1: unknown job or --after id, a finished job
// cancelled, a job retried that is not failed, the database.
#pragma once

#include <optional>
#include <ostream>
#include <string>

#include "common/util/error.hpp"
#include "scrapers/admin/cli.hpp"
#include "scrapers/runtime/program.hpp"
#include "tracking/database.hpp"

namespace scrapers::admin {

int run_enqueue(const Options& options, tracking::Database& db, std::ostream& out, std::ostream& err);
int run_cancel(const Options& options, tracking::Database& db, std::ostream& out, std::ostream& err);
int run_retry(const Options& options, tracking::Database& db, std::ostream& out, std::ostream& err);

// The id of the first `sources` row matching one of the program's hosts (in hosts()
// order), so a paused source holds the program's jobs back; nullopt when none matches.
Result<std::optional<std::string>> source_of(tracking::Database& db, const runtime::Program& program);

}  // namespace scrapers::admin
