// `pipeline-jobs schedule add | list | remove` (options checked by queue_cli.hpp).
//   add     records the schedule with its program's scriptType, job type and source
//           (the first `sources` row matching one of the program's hosts); prints
//           "schedule <name> added (next slot <ts>)" (--json: {"name", "cron", "next_slot"}).
//           A name in use: exit 1.
//   list    name, cron, program, args, last slot, next slot; --json has every field.
//   remove  prints "schedule <name> removed"; an unknown name: exit 1.
// Errors are one line on `err`.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "scrapers/admin/cli.hpp"
#include "tracking/database.hpp"

namespace scrapers::admin {

int run_schedule_add(const Options& options, tracking::Database& db, std::ostream& out, std::ostream& err);
int run_schedule_list(const Options& options, tracking::Database& db, std::ostream& out, std::ostream& err);
int run_schedule_remove(const Options& options, tracking::Database& db, std::ostream& out, std::ostream& err);

// The words of a command line as a shell user would type them back ('it broke' quoted).
std::string shell_words(const std::vector<std::string>& words);

}  // namespace scrapers::admin
