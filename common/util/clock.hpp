// Time as a dependency, so retry/pacing/heartbeat logic is testable without waiting.
//
// SystemClock sleeps with interruptible_sleep(): a SIGINT/SIGTERM ends the sleep at
// once and sleep_for() returns false. Tests use tests/support/fake_clock.hpp.
#pragma once

#include <chrono>

namespace scrapers {

class Clock {
 public:
  using TimePoint = std::chrono::steady_clock::time_point;
  virtual ~Clock() = default;
  virtual TimePoint now() const = 0;
  virtual std::chrono::system_clock::time_point wall_now() const = 0;
  // Returns false when the sleep was cut short by an interrupt.
  virtual bool sleep_for(std::chrono::milliseconds duration) = 0;
};

class SystemClock final : public Clock {
 public:
  TimePoint now() const override { return std::chrono::steady_clock::now(); }
  std::chrono::system_clock::time_point wall_now() const override { return std::chrono::system_clock::now(); }
  bool sleep_for(std::chrono::milliseconds duration) override;
};

}  // namespace scrapers
