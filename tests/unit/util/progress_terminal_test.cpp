// The progress bar appears only when stderr is a terminal, and log lines written while it
// is shown clear it first and redraw it below. Runs the code in a child process whose
// stderr is a pseudo-terminal (or a pipe) and reads what reached it.
#include <gtest/gtest.h>
#include <pty.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>

#include "common/util/log.hpp"
#include "common/util/progress.hpp"

namespace scrapers {
namespace {

void emit_a_short_batch() {
  Progress progress(2, "chapters");
  progress.advance();
  log::info("segment 1 stored");
  progress.advance();
}

std::string read_all(int fd) {
  std::string out;
  char buffer[4096];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n <= 0) break;  // EOF, or EIO on a pty master once the child has gone
    out.append(buffer, static_cast<std::size_t>(n));
  }
  return out;
}

// Runs emit_a_short_batch() in a child whose stderr is `child_fd`; returns what the
// parent reads from `parent_fd`.
std::string run_child(int parent_fd, int child_fd) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(child_fd, STDERR_FILENO);
    emit_a_short_batch();
    ::_exit(0);
  }
  ::close(child_fd);
  std::string out = read_all(parent_fd);
  int status = 0;
  ::waitpid(pid, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  return out;
}

TEST(ProgressOnATerminal, TheBarIsDrawnAndLogLinesClearItFirst) {
  int master = -1;
  int slave = -1;
  ASSERT_EQ(::openpty(&master, &slave, nullptr, nullptr, nullptr), 0);
  const std::string out = run_child(master, slave);
  ::close(master);
  EXPECT_NE(out.find("1/2 chapters"), std::string::npos) << out;
  EXPECT_NE(out.find("2/2 chapters"), std::string::npos) << out;
  const auto line = out.find("segment 1 stored");
  ASSERT_NE(line, std::string::npos) << out;
  const auto clear_before = out.rfind("\033[K", line);
  ASSERT_NE(clear_before, std::string::npos) << "the bar is cleared before the log line";
  EXPECT_NE(out.find("chapters", line), std::string::npos) << "the bar is redrawn after it";
}

TEST(ProgressOffATerminal, OnlyTheLogLinesAreWritten) {
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const std::string out = run_child(fds[0], fds[1]);
  ::close(fds[0]);
  EXPECT_NE(out.find("segment 1 stored"), std::string::npos) << out;
  EXPECT_EQ(out.find("chapters"), std::string::npos) << "no bar in a log file: " << out;
  EXPECT_EQ(out.find('\033'), std::string::npos) << "no terminal escapes in a log file";
}

}  // namespace
}  // namespace scrapers
