// The worker's running children, one per claimed job, by pid.
//
// reap() collects every child that ended (waitpid WNOHANG on each known pid: the worker
// never reaps a process it did not start). stop() sends SIGTERM once per child (a
// program stops after the item in hand); stop_all() does so for every child and marks
// them as stopped for the worker's shutdown. kill_all() is the hard stop: SIGKILL, then
// a blocking wait for each.
#pragma once

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

#include "tracking/queue.hpp"

namespace scrapers::worker {

struct Child {
  tracking::ClaimedJob job;
  pid_t pid = -1;
  bool stop_sent = false;  // SIGTERM sent (cancel or shutdown)
  bool shutdown = false;   // stopped by the worker's shutdown: its job goes back to the queue
};

struct EndedChild {
  Child child;
  int wait_status = 0;
};

class Children {
 public:
  void add(Child child) { children_.emplace(child.pid, std::move(child)); }
  std::size_t size() const { return children_.size(); }
  bool empty() const { return children_.empty(); }

  std::vector<EndedChild> reap();
  // SIGTERM to the child running `job_id`; true when sent now (not before, child known).
  bool stop(const std::string& job_id);
  // SIGTERM to every child not stopped yet; all are marked `shutdown`. Returns how many.
  std::size_t stop_all();
  std::vector<EndedChild> kill_all();

 private:
  std::map<pid_t, Child> children_;
};

}  // namespace scrapers::worker
