#include "scrapers/worker/worker_signals.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>

namespace scrapers::worker {
namespace {

std::atomic<int> stops{0};
int wake_pipe[2] = {-1, -1};

// Async-signal-safe; errno is restored so the interrupted code never sees the write's.
void wake() {
  if (wake_pipe[1] < 0) return;
  const int saved_errno = errno;
  const char byte = 1;
  [[maybe_unused]] auto n = ::write(wake_pipe[1], &byte, 1);
  errno = saved_errno;
}

extern "C" void on_stop(int) {
  stops.fetch_add(1);
  wake();
}

extern "C" void on_child(int) { wake(); }

void handle(int signal_number, void (*handler)(int)) {
  struct sigaction action {};
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  action.sa_flags = SA_RESTART | (signal_number == SIGCHLD ? SA_NOCLDSTOP : 0);
  ::sigaction(signal_number, &action, nullptr);
}

}  // namespace

void install_worker_signals() {
  if (wake_pipe[0] < 0 && ::pipe2(wake_pipe, O_CLOEXEC | O_NONBLOCK) != 0) wake_pipe[0] = wake_pipe[1] = -1;
  handle(SIGTERM, on_stop);
  handle(SIGINT, on_stop);
  handle(SIGHUP, on_stop);  // a closed terminal stops the worker gracefully, like SIGTERM
  handle(SIGCHLD, on_child);
  ::signal(SIGPIPE, SIG_IGN);
}

int stop_requests() { return stops.load(); }

void wait_for_event(std::chrono::milliseconds timeout) {
  const int ms = static_cast<int>(std::clamp<long long>(timeout.count(), 0, 60000));
  if (wake_pipe[0] < 0) {
    ::usleep(static_cast<useconds_t>(std::min(ms, 50) * 1000));
    return;
  }
  pollfd fd{wake_pipe[0], POLLIN, 0};
  if (::poll(&fd, 1, ms) <= 0) return;
  char drain[64];
  while (::read(wake_pipe[0], drain, sizeof drain) > 0) {
  }
}

}  // namespace scrapers::worker
