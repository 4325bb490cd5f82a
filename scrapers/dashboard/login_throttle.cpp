#include "scrapers/dashboard/login_throttle.hpp"

#include <algorithm>

namespace scrapers::dashboard {

LoginThrottle::LoginThrottle(int max_failures, Clock::duration window, std::function<Clock::time_point()> now)
    : max_failures_(std::max(1, max_failures)), window_(window), now_(std::move(now)) {}

void LoginThrottle::forget_expired(std::deque<Clock::time_point>& failures, Clock::time_point now) const {
  while (!failures.empty() && now - failures.front() >= window_) failures.pop_front();
}

std::optional<std::chrono::seconds> LoginThrottle::retry_after(const std::string& address) {
  std::lock_guard lock(mutex_);
  const auto it = failures_by_address_.find(address);
  if (it == failures_by_address_.end()) return std::nullopt;
  const auto now = now_();
  forget_expired(it->second, now);
  if (static_cast<int>(it->second.size()) < max_failures_) return std::nullopt;
  // Free again once the oldest failure in the window leaves it; round up to whole seconds.
  const auto wait = it->second.front() + window_ - now;
  return std::max(std::chrono::seconds(1), std::chrono::ceil<std::chrono::seconds>(wait));
}

void LoginThrottle::record_failure(const std::string& address) {
  std::lock_guard lock(mutex_);
  const auto now = now_();
  if (!failures_by_address_.count(address) && failures_by_address_.size() >= kMaxAddresses) {
    auto oldest = failures_by_address_.begin();
    for (auto it = failures_by_address_.begin(); it != failures_by_address_.end(); ++it) {
      if (it->second.empty() || (!oldest->second.empty() && it->second.back() < oldest->second.back())) oldest = it;
    }
    failures_by_address_.erase(oldest);
  }
  auto& failures = failures_by_address_[address];
  forget_expired(failures, now);
  failures.push_back(now);
  // Only the latest max_failures matter for the decision.
  while (static_cast<int>(failures.size()) > max_failures_) failures.pop_front();
}

void LoginThrottle::record_success(const std::string& address) {
  std::lock_guard lock(mutex_);
  failures_by_address_.erase(address);
}

}  // namespace scrapers::dashboard
