#include "common/util/signals.hpp"

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <mutex>

#include "common/util/progress_stamp.hpp"

namespace scrapers {
namespace {

std::atomic<int> caught_signal{0};
std::atomic<bool> cancel_flag{false};
int wake_pipe[2] = {-1, -1};
std::once_flag pipe_once;

void make_pipe() {
  if (::pipe2(wake_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
    wake_pipe[0] = wake_pipe[1] = -1;
  }
}

void wake_sleepers() {
  if (wake_pipe[1] >= 0) {
    const char byte = 1;
    [[maybe_unused]] auto n = ::write(wake_pipe[1], &byte, 1);
  }
}

// Records the signal and wakes sleepers (async-signal-safe).
void note_signal(int signal_number) {
  caught_signal.store(signal_number);
  wake_sleepers();
}

extern "C" void on_signal(int signal_number) {
  const int saved_errno = errno;  // write() may set it under the interrupted code's feet
  // A SIGINT after any interrupt signal means "now": the run is not waited for. The
  // row's ending cannot be written from here (libpq is not async-signal-safe); the
  // heartbeat stops with the process, so a reap ends the row later.
  if (signal_number == SIGINT && caught_signal.load() != 0) ::_exit(kExitAtOnce);
  note_signal(signal_number);
  errno = saved_errno;
}

}  // namespace

void install_interrupt_handlers() {
  std::call_once(pipe_once, make_pipe);
  struct sigaction action {};
  action.sa_handler = on_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = 0;  // no SA_RESTART: blocking calls return EINTR and notice the flag
  for (int signal_number : {SIGINT, SIGTERM, SIGHUP}) ::sigaction(signal_number, &action, nullptr);
  // A closed stdout or stderr (`... | head`) makes writes fail with EPIPE instead of
  // killing the process with the job still running.
  ::signal(SIGPIPE, SIG_IGN);
}

bool interrupted() { return caught_signal.load() != 0 || cancel_flag.load(); }
int interrupting_signal() { return caught_signal.load(); }

bool interruptible_sleep(std::chrono::milliseconds duration) {
  std::call_once(pipe_once, make_pipe);
  const WaitScope deliberate_wait;  // a sleep is not a stall (progress_stamp.hpp)
  using clock = std::chrono::steady_clock;
  const auto deadline = clock::now() + duration;
  while (!interrupted()) {
    const auto now = clock::now();
    if (now >= deadline) return true;
    // Round up so the sleep never ends early.
    const auto left_ms = std::chrono::ceil<std::chrono::milliseconds>(deadline - now).count();
    const int wait_ms = static_cast<int>(std::min<long long>(left_ms, 1000));
    if (wake_pipe[0] < 0) {
      ::usleep(static_cast<useconds_t>(std::min(wait_ms, 50) * 1000));
      continue;
    }
    pollfd fd{wake_pipe[0], POLLIN, 0};
    ::poll(&fd, 1, wait_ms);
  }
  return false;
}

void raise_cancel() {
  std::call_once(pipe_once, make_pipe);
  cancel_flag.store(true);
  wake_sleepers();
}

bool cancel_raised() { return cancel_flag.load(); }

void simulate_interrupt(int signal_number) { note_signal(signal_number); }

void reset_interrupt_for_tests() {
  caught_signal.store(0);
  cancel_flag.store(false);
  if (wake_pipe[0] >= 0) {
    char drain[64];
    while (::read(wake_pipe[0], drain, sizeof drain) > 0) {
    }
  }
}

}  // namespace scrapers
