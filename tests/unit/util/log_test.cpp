// Log lines cannot drive the terminal, and a closed stderr does not stop the program.
#include "common/util/log.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cerrno>

#include "common/util/signals.hpp"

namespace scrapers {
namespace {

TEST(Log, ControlCharactersInAMessageAreWrittenEscapedOnOneLine) {
  ::testing::internal::CaptureStderr();
  log::warn(
      "title \x1b[2J\xC2\x9B"
      "31mred\x07 and\nforged line\ttab \xE2\x80\x94 dash");
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("WARN  title \\x1b[2J\\xc2\\x9b31mred\\x07 and\\nforged line\ttab \xE2\x80\x94 dash\n"),
            std::string::npos)
      << err;
  EXPECT_EQ(err.find('\x1b'), std::string::npos);
  EXPECT_EQ(err.find("\xC2\x9B"), std::string::npos);
  EXPECT_EQ(err.find('\n'), err.size() - 1) << "one line";
}

TEST(Log, AClosedStderrLosesTheLineQuietlyAndKeepsErrno) {
  install_interrupt_handlers();  // ignores SIGPIPE, as every program does
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const int saved_stderr = ::dup(STDERR_FILENO);
  ::close(fds[0]);  // nobody reads
  ::dup2(fds[1], STDERR_FILENO);
  errno = EDOM;
  log::error("written to a closed pipe");
  const int after = errno;
  ::dup2(saved_stderr, STDERR_FILENO);
  ::close(saved_stderr);
  ::close(fds[1]);
  EXPECT_EQ(after, EDOM) << "EPIPE does not leak into the caller's errno";
}

}  // namespace
}  // namespace scrapers
