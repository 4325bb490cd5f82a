#include "common/util/progress_stamp.hpp"

#include <algorithm>
#include <atomic>

namespace scrapers {
namespace {

using Clock = std::chrono::steady_clock;

std::atomic<Clock::rep>& last_progress() noexcept {
  static std::atomic<Clock::rep> stamp{Clock::now().time_since_epoch().count()};
  return stamp;
}

std::atomic<int>& waits() noexcept {
  static std::atomic<int> count{0};
  return count;
}

}  // namespace

void note_progress() noexcept {
  last_progress().store(Clock::now().time_since_epoch().count(), std::memory_order_relaxed);
}

std::chrono::milliseconds since_last_progress() noexcept {
  if (waits().load(std::memory_order_relaxed) > 0) return std::chrono::milliseconds(0);
  const Clock::duration last(last_progress().load(std::memory_order_relaxed));
  const auto elapsed = Clock::now().time_since_epoch() - last;
  return std::max(std::chrono::milliseconds(0), std::chrono::duration_cast<std::chrono::milliseconds>(elapsed));
}

WaitScope::WaitScope() noexcept { waits().fetch_add(1, std::memory_order_relaxed); }

WaitScope::~WaitScope() {
  note_progress();
  waits().fetch_sub(1, std::memory_order_relaxed);
}

}  // namespace scrapers
