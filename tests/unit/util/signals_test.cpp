#include "common/util/signals.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace scrapers
