// What the worker starts for a claimed job: the program the row names (registry), its
// `command` with command[0] resolved (child_process.hpp), then the row's arguments —
// completed with the edition/work of the job it waited for when it left them out
// (registry::complete_dependent_args). Errors say why the job cannot run:
//  - invalid_argument (no retry can fix it): "unknown program 'x'", or
//    "invalid arguments for <program>: <its parser's message>";
//  - io (another machine might run it): "cannot find executable '<name>' ...".
#pragma once

#include <string>
#include <vector>

#include "common/util/error.hpp"
#include "scrapers/worker/child_process.hpp"
#include "tracking/queue.hpp"

namespace scrapers::worker {

Result<std::vector<std::string>> job_command(const tracking::ClaimedJob& job, const std::string& own_dir);

// PIPELINE_JOB_ID and PIPELINE_JOB_WORKER: the row the child adopts, claimed by `worker`.
EnvVars job_environment(const std::string& job_id, const std::string& worker);

}  // namespace scrapers::worker
