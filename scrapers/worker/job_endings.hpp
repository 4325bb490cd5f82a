// Endings of attempts the worker still has to write: a finish (tracking::finish_attempt)
// or, for a job stopped by the worker's shutdown, a requeue without using the attempt
// (tracking::requeue_without_attempt). flush() writes them in order while the database
// answers; one that fails with a database error stays pending (written again once the
// connection is back), any other error drops it with a warning (the heartbeat rescue
// will settle the row). Each written ending is one log line (tracking logs most).
#pragma once

#include <deque>
#include <string>

#include "scrapers/worker/db_link.hpp"
#include "tracking/queue.hpp"

namespace scrapers::worker {

struct PendingEnd {
  std::string job_id;
  int attempt = 0;
  bool requeue = false;  // graceful shutdown: put back, attempt not used
  tracking::AttemptEnd end{};
};

class JobEndings {
 public:
  explicit JobEndings(std::string worker) : worker_(std::move(worker)) {}
  void add(PendingEnd ending) { pending_.push_back(std::move(ending)); }
  bool empty() const { return pending_.empty(); }
  std::size_t size() const { return pending_.size(); }
  void flush(DbLink& link);

 private:
  // False when the database failed (the ending stays pending).
  bool write(tracking::Database& db, DbLink& link, const PendingEnd& ending);
  std::string worker_;
  std::deque<PendingEnd> pending_;
};

}  // namespace scrapers::worker
