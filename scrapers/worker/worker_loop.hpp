// The worker's loop: claim → start → supervise → end, on one database connection.
//
// Each turn: collect the children that ended (their endings are queued and written
// while the database answers); then, unless stopping, signal the children whose job a
// cancel was requested for (SIGTERM, once), rescue stale jobs and enqueue due schedule
// slots every heartbeat interval (JOB_HEARTBEAT_INTERVAL, stale after 3 intervals),
// and claim up to the free slots; then sleep until the next --poll tick or a child's
// end. SIGTERM/SIGINT: stop claiming, SIGTERM every child and put each one that stops
// back in the queue without using its attempt; after --shutdown-timeout (or a second
// signal) SIGKILL the rest, whose attempts count. See worker.hpp for the guarantees.
#pragma once

#include <chrono>
#include <optional>
#include <random>
#include <string>

#include "scrapers/worker/attempt_end.hpp"
#include "scrapers/worker/children.hpp"
#include "scrapers/worker/db_link.hpp"
#include "scrapers/worker/job_endings.hpp"
#include "scrapers/worker/worker.hpp"

namespace scrapers::worker {

class WorkerLoop {
 public:
  WorkerLoop(const WorkerOptions& options, tracking::Database db);
  int run();  // 0 once stopped by a signal or idle for exit_when_idle

 private:
  using Clock = std::chrono::steady_clock;

  bool turn();  // one turn while not stopping; true when there was nothing to do
  void collect();
  void watch_cancels(tracking::Database& db);
  void maintain(tracking::Database& db);
  std::size_t claim(tracking::Database& db, int free_slots);
  void launch(const tracking::ClaimedJob& job);
  void begin_shutdown();
  void hard_stop();
  bool idle_for_long(bool idle);
  double jitter() { return std::uniform_real_distribution<double>(0.0, 1.0)(random_); }

  WorkerOptions options_;
  std::string worker_;
  std::string own_dir_;
  RetryPolicy retry_;
  std::chrono::milliseconds heartbeat_;
  DbLink link_;
  Children children_;
  JobEndings endings_;
  bool stopping_ = false;
  Clock::time_point hard_deadline_{};
  Clock::time_point next_maintenance_{};
  std::optional<Clock::time_point> idle_since_;
  std::mt19937_64 random_;
};

}  // namespace scrapers::worker
