// A Clock for tests: time moves only when someone sleeps or calls advance().
// Every sleep is recorded so tests can assert delays without waiting for them.
#pragma once

#include <vector>

#include "common/util/clock.hpp"

namespace scrapers::testing {

class FakeClock final : public Clock {
 public:
  TimePoint now() const override { return TimePoint{} + elapsed_; }
  std::chrono::system_clock::time_point wall_now() const override {
    return std::chrono::system_clock::time_point{std::chrono::hours(24 * 365 * 56)} + elapsed_;
  }
  bool sleep_for(std::chrono::milliseconds duration) override {
    sleeps.push_back(duration);
    elapsed_ += duration;
    return true;
  }
  void advance(std::chrono::milliseconds duration) { elapsed_ += duration; }

  std::vector<std::chrono::milliseconds> sleeps;

 private:
  std::chrono::milliseconds elapsed_{0};
};

}  // namespace scrapers::testing
