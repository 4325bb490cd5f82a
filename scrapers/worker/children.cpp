#include "scrapers/worker/children.hpp"

#include <sys/wait.h>

#include <cerrno>
#include <csignal>

namespace scrapers::worker {

std::vector<EndedChild> Children::reap() {
  std::vector<EndedChild> ended;
  for (auto it = children_.begin(); it != children_.end();) {
    int status = 0;
    const pid_t r = ::waitpid(it->first, &status, WNOHANG);
    if (r == it->first || (r < 0 && errno == ECHILD)) {
      ended.push_back({std::move(it->second), status});
      it = children_.erase(it);
    } else {
      ++it;
    }
  }
  return ended;
}

bool Children::stop(const std::string& job_id) {
  for (auto& [pid, child] : children_) {
    if (child.job.id != job_id || child.stop_sent) continue;
    ::kill(pid, SIGTERM);
    child.stop_sent = true;
    return true;
  }
  return false;
}

std::size_t Children::stop_all() {
  for (auto& [pid, child] : children_) {
    if (!child.stop_sent) ::kill(pid, SIGTERM);
    child.stop_sent = true;
    child.shutdown = true;
  }
  return children_.size();
}

std::vector<EndedChild> Children::kill_all() {
  for (const auto& entry : children_) ::kill(entry.first, SIGKILL);
  std::vector<EndedChild> ended;
  for (auto& [pid, child] : children_) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    ended.push_back({std::move(child), status});
  }
  children_.clear();
  return ended;
}

}  // namespace scrapers::worker
