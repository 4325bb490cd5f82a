// eventually(): wait for a condition instead of sleeping and hoping. Polls `condition`
// every few milliseconds until it holds (true) or `deadline` passes (false), so a test
// is as fast as the code allows on a quiet machine and still passes on a loaded one.
#pragma once

#include <chrono>
#include <thread>

namespace scrapers::testing {

template <class Condition>
bool eventually(Condition&& condition, std::chrono::milliseconds deadline = std::chrono::seconds(10),
                std::chrono::milliseconds every = std::chrono::milliseconds(10)) {
  const auto until = std::chrono::steady_clock::now() + deadline;
  while (!condition()) {
    if (std::chrono::steady_clock::now() >= until) return false;
    std::this_thread::sleep_for(every);
  }
  return true;
}

}  // namespace scrapers::testing
