// Slows down guessing DASHBOARD_TOKEN: after too many wrong tokens from one address within
// a window, that address may not try again until the window has passed.
//
// Guarantees: an address with `max_failures` wrong tokens in the last `window` is refused
// (retry_after() says for how long) whether or not its next try would be right; a right
// token clears the address's count. At most kMaxAddresses addresses are remembered (the
// one whose latest failure is oldest is forgotten first), so a flood of addresses cannot
// grow memory. The clock is injectable for tests.
#pragma once

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace scrapers::dashboard {

class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;
  static constexpr std::size_t kMaxAddresses = 1024;

  explicit LoginThrottle(int max_failures = 10, Clock::duration window = std::chrono::minutes(1),
                         std::function<Clock::time_point()> now = Clock::now);

  // How long `address` must wait before trying again; nullopt when it may try now.
  std::optional<std::chrono::seconds> retry_after(const std::string& address);
  void record_failure(const std::string& address);
  void record_success(const std::string& address);

 private:
  void forget_expired(std::deque<Clock::time_point>& failures, Clock::time_point now) const;

  int max_failures_;
  Clock::duration window_;
  std::function<Clock::time_point()> now_;
  std::mutex mutex_;
  std::map<std::string, std::deque<Clock::time_point>> failures_by_address_;
};

}  // namespace scrapers::dashboard
