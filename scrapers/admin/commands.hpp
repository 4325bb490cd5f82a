// The commands of `pipeline-jobs`, run against an open database.
//
// run_command() writes the command's result to `out` (an aligned table, or JSON with
// --json) and problems to `err` as one line "pipeline-jobs: <message>", and returns
// the exit code: 0 ok; 1 for a failed command, unknown job or database error; for
// try-run the tracked run's own code (0, 1, or 130 when interrupted).
#pragma once

#include <ostream>

#include "scrapers/admin/cli.hpp"
#include "tracking/database.hpp"

namespace scrapers::admin {

int run_command(const Options& options, tracking::Database& db, std::ostream& out, std::ostream& err);

// The whole program: parse, connect (DATABASE_URL, .env), run. Never throws.
int pipeline_jobs_main(int argc, const char* const* argv);

}  // namespace scrapers::admin
