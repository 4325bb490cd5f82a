// The read-only commands of `pipeline-jobs` (active, failed, stats, retries, show):
// each renders a tracking query as a table or as JSON. Returns the exit code.
//   active  running jobs with progress: done/total, percent, ETA (job_progress.hpp)
//   stats   finished jobs per script and status, then the queue per program
//           (--json: {"finished": [...], "queue": [...]})
//   show    one job with its queue columns, attempts history and progress
#pragma once

#include <ostream>

#include "scrapers/admin/cli.hpp"
#include "tracking/database.hpp"

namespace scrapers::admin {

int list_active(const Options& options, tracking::Database& db, std::ostream& out, std::ostream& err);
int list_failed(const Options& options, tracking::Database& db, std::ostream& out, std::ostream& err);
int show_stats(const Options& options, tracking::Database& db, std::ostream& out, std::ostream& err);
int show_retries(const Options& options, tracking::Database& db, std::ostream& out, std::ostream& err);
int show_job(const Options& options, tracking::Database& db, std::ostream& out, std::ostream& err);

// "pipeline-jobs: <message>" on `err`; returns 1.
int report(std::ostream& err, const Error& error);

}  // namespace scrapers::admin
