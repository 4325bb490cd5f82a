// Run a built program as a child process and capture what it did.
//
// run_process() spawns `path` with `args` (no shell), extra environment variables
// layered over the test's own environment (and some removed), optional stdin, and
// returns stdout, stderr, the exit code or the terminating signal. start_process()
// returns a handle instead, so a test can wait for a line of output, send SIGINT or
// SIGKILL mid-run and then wait with a timeout. A handle destroyed while its child is
// still alive kills it (SIGKILL) and reaps it. The child starts with default signal
// dispositions and an empty signal mask, whatever the test process changed.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace scrapers::testing {

// Designated initializers work without warnings: {.stdin_data = "x", .timeout = 5s}.
struct ProcessOptions {
  std::vector<std::pair<std::string, std::string>> env{};  // set (or override) these
  std::vector<std::string> unset_env{};                    // remove these
  std::optional<std::string> stdin_data{};                 // closed (empty) when absent
  std::string working_directory{};                         // empty: the test's own
  std::chrono::milliseconds timeout{60000};                // run_process(): SIGKILL after this
};

struct ProcessResult {
  int exit_code = -1;      // -1 when killed by a signal
  int term_signal = 0;     // the signal that ended it, or 0
  bool timed_out = false;  // killed because the timeout passed
  std::string out;
  std::string err;
};

class RunningProcess {
 public:
  RunningProcess(RunningProcess&&) noexcept;
  RunningProcess& operator=(RunningProcess&&) noexcept;
  RunningProcess(const RunningProcess&) = delete;
  RunningProcess& operator=(const RunningProcess&) = delete;
  ~RunningProcess();

  pid_t pid() const;
  void send_signal(int signal_number) const;
  // Waits until stdout or stderr contains `needle`; false on timeout or exit first.
  bool wait_for_output(std::string_view needle, std::chrono::milliseconds timeout) const;
  // Output captured so far.
  std::string out_so_far() const;
  std::string err_so_far() const;
  // The result once the child has exited; nullopt if it is still running after `timeout`.
  std::optional<ProcessResult> wait_for(std::chrono::milliseconds timeout);
  // Waits, killing the child with SIGKILL after `timeout` (result.timed_out is then true).
  ProcessResult wait(std::chrono::milliseconds timeout = std::chrono::milliseconds(60000));

 private:
  friend RunningProcess start_process(const std::string&, const std::vector<std::string>&, const ProcessOptions&);
  struct State;
  explicit RunningProcess(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// Throws std::runtime_error when the program cannot be started.
RunningProcess start_process(const std::string& path, const std::vector<std::string>& args,
                             const ProcessOptions& options = {});
ProcessResult run_process(const std::string& path, const std::vector<std::string>& args,
                          const ProcessOptions& options = {});

// A built program by its path relative to the build directory, e.g.
// binary_path("bin/pipeline-jobs"). Uses $SCRAPERS_BINARY_DIR (set by ctest)
// or the SCRAPERS_BINARY_DIR compile definition of the test target.
inline std::string binary_path(std::string_view relative) {
  std::string dir;
  if (const char* env = std::getenv("SCRAPERS_BINARY_DIR"); env != nullptr && *env != '\0') {
    dir = env;
  }
#ifdef SCRAPERS_BINARY_DIR
  if (dir.empty()) dir = SCRAPERS_BINARY_DIR;
#endif
  return dir + "/" + std::string(relative);
}

}  // namespace scrapers::testing
