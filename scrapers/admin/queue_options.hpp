// What `pipeline-jobs enqueue | cancel | retry | schedule …` were asked, once parsed and
// checked (queue_cli.hpp): a registered program whose own parser accepted its
// arguments, at most one of run_at / run_in, UUID job ids, max_attempts >= 1, a valid
// cron expression. Nothing here has touched the database.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace scrapers::admin {

struct QueueOptions {
  std::string program;  // enqueue, schedule add: a registered program's name
  int priority = 0;     // higher runs first
  std::optional<std::chrono::system_clock::time_point> run_at;  // --run-at
  std::optional<std::chrono::milliseconds> run_in;              // --in: not before now + this
  std::vector<std::string> after;                               // --after job ids
  int max_attempts = 3;
  std::optional<std::string> unique_key;
  std::string schedule_name;  // schedule add, schedule remove
  std::string cron;           // schedule add: five fields, UTC
};

}  // namespace scrapers::admin
