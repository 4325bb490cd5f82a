#include "common/util/signals.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <thread>

namespace scrapers {
namespace {

using namespace std::chrono_literals;

TEST(Signals, SleepRunsToTheEndWithoutASignal) {
  reset_interrupt_for_tests();
  const auto start = std::chrono::steady_clock::now();
  EXPECT_TRUE(interruptible_sleep(30ms));
  EXPECT_GE(std::chrono::steady_clock::now() - start, 30ms);
}

TEST(Signals, RealSigtermWakesALongSleepAndIsRemembered) {
  reset_interrupt_for_tests();
  install_interrupt_handlers();
  std::thread killer([] {
    std::this_thread::sleep_for(50ms);
    std::raise(SIGTERM);
  });
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(interruptible_sleep(10s));
  killer.join();
  EXPECT_LT(std::chrono::steady_clock::now() - start, 5s);
  EXPECT_TRUE(interrupted());
  EXPECT_EQ(interrupting_signal(), SIGTERM);
  EXPECT_FALSE(interruptible_sleep(1s)) << "an interrupted run must not sleep again";
  reset_interrupt_for_tests();
  EXPECT_FALSE(interrupted());
}

TEST(Signals, ARaisedCancelIsAnInterruptWithoutASignalAndWakesASleep) {
  reset_interrupt_for_tests();
  std::thread canceller([] {
    std::this_thread::sleep_for(50ms);
    raise_cancel();
  });
  EXPECT_FALSE(interruptible_sleep(10s)) << "the cancel wakes the sleeper";
  canceller.join();
  EXPECT_TRUE(interrupted());
  EXPECT_TRUE(cancel_raised());
  EXPECT_EQ(interrupting_signal(), 0);
  reset_interrupt_for_tests();
  EXPECT_FALSE(interrupted());
  EXPECT_FALSE(cancel_raised());
}

TEST(Signals, TheHandlerLeavesErrnoAsItFoundIt) {
  reset_interrupt_for_tests();
  install_interrupt_handlers();
  // Fill the wake-up pipe, so the handler's own write fails (EAGAIN) and sets errno.
  errno = 0;
  for (int i = 0; i < 1'000'000 && errno != EAGAIN; ++i) simulate_interrupt(SIGTERM);
  ASSERT_EQ(errno, EAGAIN) << "the wake-up pipe never filled";
  errno = EDOM;
  std::raise(SIGTERM);  // runs the handler in this thread before raise() returns
  EXPECT_EQ(errno, EDOM) << "the interrupted code's errno survives the handler";
  EXPECT_EQ(interrupting_signal(), SIGTERM);
  reset_interrupt_for_tests();
}

TEST(Signals, SighupIsAnInterruptLikeSigterm) {
  reset_interrupt_for_tests();
  install_interrupt_handlers();
  std::raise(SIGHUP);
  EXPECT_TRUE(interrupted()) << "the process is still alive and only flagged";
  EXPECT_EQ(interrupting_signal(), SIGHUP);
  reset_interrupt_for_tests();
}

TEST(Signals, AWriteToAClosedPipeFailsWithEpipeInsteadOfKillingTheProcess) {
  install_interrupt_handlers();
  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  ::close(fds[0]);
  errno = 0;
  EXPECT_EQ(::write(fds[1], "x", 1), -1);
  EXPECT_EQ(errno, EPIPE);
  ::close(fds[1]);
}

TEST(SignalsDeathTest, ASecondSigintEndsTheProcessAtOnceWith130) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        reset_interrupt_for_tests();
        install_interrupt_handlers();
        std::raise(SIGINT);
        if (!interrupted()) std::_Exit(3);  // the first one only sets the flag
        std::raise(SIGINT);
        std::_Exit(4);  // not reached: the second one exits from the handler
      },
      ::testing::ExitedWithCode(kExitAtOnce), "");
}

TEST(SignalsDeathTest, ASigintAfterSigtermAlsoEndsTheProcessAtOnce) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(
      {
        reset_interrupt_for_tests();
        install_interrupt_handlers();
        std::raise(SIGTERM);
        std::raise(SIGTERM);
        if (interrupting_signal() != SIGTERM) std::_Exit(3);  // repeated SIGTERMs only set the flag
        std::raise(SIGINT);
        std::_Exit(4);
      },
      ::testing::ExitedWithCode(kExitAtOnce), "");
}

TEST(Signals, ASimulatedSecondInterruptNeverExits) {
  reset_interrupt_for_tests();
  simulate_interrupt(SIGINT);
  simulate_interrupt(SIGINT);
  EXPECT_EQ(interrupting_signal(), SIGINT);
  reset_interrupt_for_tests();
}

}  // namespace
}  // namespace scrapers
