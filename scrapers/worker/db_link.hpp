// The worker's one database connection, kept alive across database restarts.
//
// get() is the connection, or nullptr while it is down; once the backoff allows
// (common/util/backoff: 1 s doubling up to 30 s, with jitter so workers do not all
// reconnect at once; back to the start after a success) get() opens a fresh connection
// to the same database first. A call that failed with a database Error goes to failed():
// the connection is treated as broken (one warning per outage; the reconnection is one
// info line). Other errors leave it alone. Messages never contain the password
// (tracking::Database scrubs them).
#pragma once

#include <chrono>
#include <random>
#include <string_view>

#include "common/util/error.hpp"
#include "tracking/database.hpp"

namespace scrapers::worker {

class DbLink {
 public:
  explicit DbLink(tracking::Database db) : db_(std::move(db)) {}

  tracking::Database* get();
  bool up() const { return !broken_; }
  // Reports a failed call; returns true when it marked the connection broken.
  bool failed(const Error& error, std::string_view doing);

 private:
  using Clock = std::chrono::steady_clock;
  tracking::Database db_;
  bool broken_ = false;
  // Schedules the next reconnection attempt after one more failure.
  void back_off();

  Clock::time_point next_try_{};
  int failures_ = 0;  // since the connection was last up
  std::minstd_rand random_{std::random_device{}()};
};

}  // namespace scrapers::worker
